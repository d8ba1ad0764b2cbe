package io.hnswbench.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the graph once per level to describe it: node and edge counts, out-degree distribution,
 * and which nodes a breadth-first walk from the entry point cannot reach.
 */
final class StatisticsCollector {

    private StatisticsCollector() {
    }

    static IndexStatistics collect(IndexState state) {
        IndexConfig config = state.config;
        HnswGraph graph = state.graph;
        NodeStore nodes = graph.nodes;
        EntryPoint entry = graph.entryPoint();
        int allocated = nodes.allocated();
        int size = state.size();

        int levelCount = entry == null ? 0 : entry.level() + 1;
        int storedNodes = 0;
        for (int node = 0; node < allocated; node++) {
            if (nodes.id(node) != null) {
                storedNodes++;
                levelCount = Math.max(levelCount, nodes.level(node) + 1);
            }
        }

        List<IndexStatistics.LevelStatistics> levels = new ArrayList<>(levelCount);
        int[] neighbors = new int[config.maxConnectionsLevel0()];
        for (int level = 0; level < levelCount; level++) {
            levels.add(describeLevel(graph, level, allocated, entry, neighbors));
        }

        return new IndexStatistics(
                size,
                Math.max(0, storedNodes - size),
                config.dimension(),
                config.metric(),
                config.m(),
                config.efConstruction(),
                config.efSearch(),
                entry == null ? null : nodes.id(entry.node()),
                entry == null ? -1 : entry.level(),
                levels,
                nodes.vectorBytes(),
                nodes.linkBytes(),
                nodes.otherBytes() + state.idTableBytes(),
                state.distanceComputations());
    }

    private static IndexStatistics.LevelStatistics describeLevel(HnswGraph graph, int level, int allocated,
                                                                 EntryPoint entry, int[] neighbors) {
        NodeStore nodes = graph.nodes;
        int[] histogram = new int[graph.links.capacity(level) + 1];
        int nodeCount = 0;
        long edges = 0;
        int minDegree = Integer.MAX_VALUE;
        int maxDegree = 0;
        for (int node = 0; node < allocated; node++) {
            if (nodes.id(node) == null || nodes.level(node) < level) {
                continue;
            }
            int degree = graph.links.copyLinks(node, level, neighbors);
            nodeCount++;
            edges += degree;
            histogram[degree]++;
            minDegree = Math.min(minDegree, degree);
            maxDegree = Math.max(maxDegree, degree);
        }
        boolean[] reached = new boolean[allocated];
        if (entry != null && entry.level() >= level) {
            ReachabilityWalk.mark(graph.links, level, entry.node(), reached, new int[allocated]);
        }
        int unreachable = 0;
        for (int node = 0; node < allocated; node++) {
            // Removed nodes only route; whether a path reaches them does not matter.
            if (!reached[node] && nodes.isVisible(node) && nodes.level(node) >= level) {
                unreachable++;
            }
        }
        return new IndexStatistics.LevelStatistics(
                level,
                nodeCount,
                edges,
                nodeCount == 0 ? 0 : minDegree,
                nodeCount == 0 ? 0 : (double) edges / nodeCount,
                maxDegree,
                histogram,
                unreachable);
    }
}
