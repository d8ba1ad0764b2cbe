package io.hnswbench.engine;

/**
 * Reconnects nodes that no path from the entry point reaches. The diversity heuristic can drop
 * every link into a node, typically an exact duplicate of a vector already linked (the twin
 * "covers" its direction), and such a node can then never be returned. After a bulk insert this
 * walks each level from the entry point and, for each node left out, links it from the nearest
 * reachable node that has a free slot, so no existing link is lost.
 */
final class ConnectivityRepair {

    private final HnswGraph graph;
    private final GraphSearcher searcher;
    private final GraphInserter inserter;
    private final IndexConfig config;

    ConnectivityRepair(IndexConfig config, HnswGraph graph, GraphSearcher searcher, GraphInserter inserter) {
        this.config = config;
        this.graph = graph;
        this.searcher = searcher;
        this.inserter = inserter;
    }

    /** Returns how many nodes were reconnected. */
    int repair(SearchScratch scratch) {
        EntryPoint entry = graph.entryPoint();
        if (entry == null) {
            return 0;
        }
        NodeStore nodes = graph.nodes;
        int allocated = nodes.allocated();
        int repaired = 0;
        int[] queue = new int[allocated];
        for (int level = entry.level(); level >= 0; level--) {
            boolean[] reachable = new boolean[allocated];
            markReachable(entry.node(), level, reachable, queue, allocated);
            for (int node = 0; node < allocated; node++) {
                if (reachable[node] || nodes.id(node) == null || nodes.level(node) < level) {
                    continue;
                }
                if (linkFromNearestReachable(node, level, entry, reachable, scratch)) {
                    markReachable(node, level, reachable, queue, allocated);
                    repaired++;
                }
            }
        }
        return repaired;
    }

    private boolean linkFromNearestReachable(int node, int level, EntryPoint entry, boolean[] reachable,
                                             SearchScratch scratch) {
        NodeStore nodes = graph.nodes;
        float[] vectorPage = nodes.page(node).vectors;
        int vectorOffset = nodes.vectorOffset(node);
        long closest = NodeHeap.pack(entry.node(), searcher.distanceTo(vectorPage, vectorOffset, entry.node()));
        for (int l = entry.level(); l > level; l--) {
            closest = searcher.greedyClosest(scratch, vectorPage, vectorOffset, NodeHeap.node(closest),
                    NodeHeap.distance(closest), l);
        }
        searcher.searchLevel(scratch, vectorPage, vectorOffset, NodeHeap.node(closest), NodeHeap.distance(closest),
                config.efConstruction(), level, candidate -> candidate < reachable.length && reachable[candidate]);
        NodeHeap results = scratch.results;
        long[] nearestFirst = new long[results.size()];
        for (int i = nearestFirst.length - 1; i >= 0; i--) {
            nearestFirst[i] = results.pop();
        }
        for (long candidate : nearestFirst) {
            int from = NodeHeap.node(candidate);
            if (from != node && inserter.linkIfRoom(from, level, node)) {
                return true;
            }
        }
        return false;
    }

    private void markReachable(int start, int level, boolean[] reachable, int[] queue, int allocated) {
        int[] neighbors = new int[graph.links.capacity(level)];
        int head = 0;
        int tail = 0;
        reachable[start] = true;
        queue[tail++] = start;
        while (head < tail) {
            int count = graph.links.copyLinks(queue[head++], level, neighbors);
            for (int i = 0; i < count; i++) {
                int neighbor = neighbors[i];
                if (neighbor < allocated && !reachable[neighbor]) {
                    reachable[neighbor] = true;
                    queue[tail++] = neighbor;
                }
            }
        }
    }
}
