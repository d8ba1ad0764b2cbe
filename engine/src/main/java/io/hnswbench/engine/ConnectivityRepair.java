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
            ReachabilityWalk.mark(graph, level, entry.node(), reachable, queue);
            for (int node = 0; node < allocated; node++) {
                // Only visible nodes: a pending one is still being linked by its own insert (and its
                // fields may not be visible to this thread yet); a removed one is never returned.
                if (reachable[node] || !nodes.isVisible(node) || nodes.level(node) < level) {
                    continue;
                }
                if (linkFromNearestReachable(node, level, entry, reachable, scratch)) {
                    ReachabilityWalk.mark(graph, level, node, reachable, queue);
                    repaired++;
                }
            }
        }
        return repaired;
    }

    private boolean linkFromNearestReachable(int node, int level, EntryPoint entry, boolean[] reachable,
                                             SearchScratch scratch) {
        NodeStore nodes = graph.nodes;
        float[] query = scratch.query = nodes.traversalVector(node, scratch.query);
        long closest = searcher.descend(scratch, query, entry, level);
        searcher.searchLevel(scratch, query, NodeHeap.node(closest), NodeHeap.distance(closest),
                config.efConstruction(), level, candidate -> candidate < reachable.length && reachable[candidate]);
        long[] nearestFirst = new long[scratch.results.size()];
        int count = scratch.results.drainNearestFirst(nearestFirst);
        for (int i = 0; i < count; i++) {
            int from = NodeHeap.node(nearestFirst[i]);
            if (from != node && inserter.linkIfRoom(from, level, node)) {
                return true;
            }
        }
        return false;
    }
}
