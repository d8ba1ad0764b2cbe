package io.hnswbench.reports.peers;

import io.hnswbench.reports.GraphStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link GraphStatistics} of a peer library's layered graph, counted the way this project's engine
 * counts its own: per level the nodes, out-links, degree histogram, and the nodes that no path on
 * that level reaches from the entry point.
 */
final class LayeredGraphStatistics {

    /** Read access to a built, no longer changing layered graph of nodes {@code 0..nodeBound-1}. */
    interface LayeredGraph {

        /** Levels, 1 for a flat graph; 0 when empty. */
        int levelCount();

        /** Node ids are below this. */
        int nodeBound();

        /** The node every search starts from; it is present on every level. */
        int entryNode();

        /** Out-links a node may keep on {@code level}. */
        int capacity(int level);

        /** The nodes present on {@code level}. */
        int[] nodesOn(int level);

        /** The out-links of {@code node} on {@code level}. */
        int[] neighborsOf(int level, int node);
    }

    private LayeredGraphStatistics() {
    }

    /**
     * @param m           the build's M: upper levels keep M links, level 0 2·M
     * @param vectorBytes bytes of the vectors
     * @param linkBytes   bytes of the graph
     */
    static GraphStatistics of(LayeredGraph graph, int size, int m, long vectorBytes, long linkBytes) {
        List<GraphStatistics.Level> levels = new ArrayList<>();
        for (int level = 0; level < graph.levelCount(); level++) {
            levels.add(describeLevel(graph, level));
        }
        return new GraphStatistics(size, 0, m, graph.levelCount() - 1, levels, vectorBytes, linkBytes, 0);
    }

    private static GraphStatistics.Level describeLevel(LayeredGraph graph, int level) {
        int[] nodes = graph.nodesOn(level);
        int[][] links = new int[graph.nodeBound()][];
        int maxDegree = 0;
        int minDegree = Integer.MAX_VALUE;
        long edges = 0;
        for (int node : nodes) {
            links[node] = graph.neighborsOf(level, node);
            maxDegree = Math.max(maxDegree, links[node].length);
            minDegree = Math.min(minDegree, links[node].length);
            edges += links[node].length;
        }
        // A library may hold more links than its limit for a while (JVector's overflow); keep them all.
        int[] histogram = new int[Math.max(graph.capacity(level), maxDegree) + 1];
        for (int node : nodes) {
            histogram[links[node].length]++;
        }
        int reached = nodes.length == 0 ? 0 : countReachable(links, graph.entryNode());
        return new GraphStatistics.Level(level, nodes.length, edges, nodes.length == 0 ? 0 : minDegree,
                nodes.length == 0 ? 0 : (double) edges / nodes.length, maxDegree, histogram, nodes.length - reached);
    }

    /** Breadth-first from {@code start} over one level's links ({@code links[node]} null: not on the level). */
    private static int countReachable(int[][] links, int start) {
        if (links[start] == null) {
            return 0;
        }
        boolean[] reached = new boolean[links.length];
        int[] queue = new int[links.length];
        int head = 0;
        int tail = 0;
        reached[start] = true;
        queue[tail++] = start;
        while (head < tail) {
            for (int neighbor : links[queue[head++]]) {
                if (links[neighbor] != null && !reached[neighbor]) {
                    reached[neighbor] = true;
                    queue[tail++] = neighbor;
                }
            }
        }
        return tail;
    }
}
