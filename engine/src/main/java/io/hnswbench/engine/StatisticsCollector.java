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

    /**
     * @param size                  live vectors
     * @param extraOtherBytes       bytes held outside the graph, e.g. by the id table
     * @param distanceComputations  the index's running count
     */
    static IndexStatistics collect(SearchableGraph graph, IndexConfig config, int size, long extraOtherBytes,
                                   long distanceComputations) {
        EntryPoint entry = graph.entryPoint();
        int allocated = graph.nodeCount();

        int levelCount = entry == null ? 0 : entry.level() + 1;
        int storedNodes = 0;
        for (int node = 0; node < allocated; node++) {
            if (graph.holdsNode(node)) {
                storedNodes++;
                levelCount = Math.max(levelCount, graph.level(node) + 1);
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
                entry == null ? null : graph.id(entry.node()),
                entry == null ? -1 : entry.level(),
                levels,
                graph.vectorBytes(),
                graph.linkBytes(),
                graph.otherBytes() + extraOtherBytes,
                distanceComputations);
    }

    private static IndexStatistics.LevelStatistics describeLevel(SearchableGraph graph, int level, int allocated,
                                                                 EntryPoint entry, int[] neighbors) {
        int[] histogram = new int[graph.capacity(level) + 1];
        int nodeCount = 0;
        long edges = 0;
        int minDegree = Integer.MAX_VALUE;
        int maxDegree = 0;
        for (int node = 0; node < allocated; node++) {
            if (!graph.holdsNode(node) || graph.level(node) < level) {
                continue;
            }
            int degree = graph.copyLinks(node, level, neighbors);
            nodeCount++;
            edges += degree;
            histogram[degree]++;
            minDegree = Math.min(minDegree, degree);
            maxDegree = Math.max(maxDegree, degree);
        }
        boolean[] reached = new boolean[allocated];
        if (entry != null && entry.level() >= level) {
            ReachabilityWalk.mark(graph, level, entry.node(), reached, new int[allocated]);
        }
        int unreachable = 0;
        for (int node = 0; node < allocated; node++) {
            // Removed nodes only route; whether a path reaches them does not matter.
            if (!reached[node] && graph.isVisible(node) && graph.level(node) >= level) {
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
