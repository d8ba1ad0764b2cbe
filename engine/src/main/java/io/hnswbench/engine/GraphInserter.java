package io.hnswbench.engine;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Links a stored node into the graph. Safe to call from many threads at once, beside searches.
 */
final class GraphInserter {

    private final HnswGraph graph;
    private final NodeStore nodes;
    private final GraphLinks links;
    private final GraphSearcher searcher;
    private final NeighborSelector selector;
    private final int m;
    private final int efConstruction;
    /** Held for the whole insert of a node that will become the new entry point: rare. */
    private final ReentrantLock topLevelLock = new ReentrantLock();

    GraphInserter(IndexConfig config, HnswGraph graph, GraphSearcher searcher, DistanceFunction distance) {
        this.graph = graph;
        this.nodes = graph.nodes;
        this.links = graph.links;
        this.searcher = searcher;
        this.selector = new NeighborSelector(graph.nodes, distance);
        this.m = config.m();
        this.efConstruction = config.efConstruction();
    }

    /*
     * Insertion protocol (HNSW paper, Algorithm 1), safe beside concurrent inserts and searches:
     *
     * 1. The caller has stored the node's vector, id and level, and the node is hidden: searches
     *    may route through it once it is linked but never return it until the caller shows it.
     * 2. Read the entry point once. If the node's level is above it, take the top-level lock for
     *    the whole insert and read it again, so that two new tops cannot both believe they are the
     *    highest. Only nodes above the current top take that path: a handful per index.
     * 3. Descend greedily from the entry point's level to the level just above the node's.
     * 4. On each level from min(node level, entry level) down to 0: beam search with
     *    efConstruction and keep up to M neighbours by the diversity heuristic. Nothing is linked
     *    yet, so no other thread can reach the node.
     * 5. Write the node's own rows on all those levels, then add the back-links level by level
     *    from 0 upwards, pruning a full row by the same heuristic. Whenever a thread can reach the
     *    node on some level, the node already has its links on that level and every level below,
     *    so a search never dead-ends in it. Each step holds one node's stripe lock at a time, so
     *    there is no lock ordering to get wrong.
     * 6. A node higher than the entry point becomes the entry point, still under the lock of 2.
     */
    void insert(int node, SearchScratch scratch) {
        int level = nodes.level(node);
        EntryPoint entry = graph.entryPoint();
        if (entry != null && level <= entry.level()) {
            link(node, level, entry, scratch);
            return;
        }
        topLevelLock.lock();
        try {
            entry = graph.entryPoint();
            if (entry != null) {
                link(node, level, entry, scratch);
            }
            if (entry == null || level > entry.level()) {
                graph.setEntryPoint(new EntryPoint(node, level));
            }
        } finally {
            topLevelLock.unlock();
        }
    }

    private void link(int node, int level, EntryPoint entry, SearchScratch scratch) {
        // The graph is built over the vectors as traversal sees them, the new one included.
        float[] query = scratch.query = nodes.traversalVector(node, scratch.query);
        int topLinkedLevel = Math.min(level, entry.level());
        long closest = searcher.descend(scratch, query, entry, topLinkedLevel);

        // Steps 4 and 5 above: choose neighbours on every level first, link afterwards.
        int[][] selected = new int[topLinkedLevel + 1][m];
        float[][] selectedDistances = new float[topLinkedLevel + 1][m];
        int[] selectedCounts = new int[topLinkedLevel + 1];
        long[] candidates = new long[efConstruction];
        for (int l = topLinkedLevel; l >= 0; l--) {
            searcher.searchLevel(scratch, query, NodeHeap.node(closest), NodeHeap.distance(closest),
                    efConstruction, l, null);
            int count = withoutNode(scratch.results.drainNearestFirst(candidates), node, candidates);
            if (count == 0) {
                continue;
            }
            selectedCounts[l] = selector.select(candidates, count, m, selected[l], selectedDistances[l], scratch);
            closest = candidates[0];
        }
        for (int l = topLinkedLevel; l >= 0; l--) {
            addLinks(node, l, selected[l], selectedDistances[l], selectedCounts[l], scratch);
        }
        int[] backLink = {node};
        float[] backLinkDistance = new float[1];
        for (int l = 0; l <= topLinkedLevel; l++) {
            for (int i = 0; i < selectedCounts[l]; i++) {
                backLinkDistance[0] = selectedDistances[l][i];
                addLinks(selected[l][i], l, backLink, backLinkDistance, 1, scratch);
            }
        }
    }

    /**
     * Adds the link {@code from -> to} on {@code level} only if {@code from}'s row has room, so
     * that no existing link is dropped. Used to reconnect nodes the heuristic left unreachable.
     */
    boolean linkIfRoom(int from, int level, int to) {
        int[] row = new int[links.capacity(level)];
        try (GraphLinks.HeldLock ignored = links.lock(from)) {
            int count = links.copyLinks(from, level, row);
            if (contains(row, count, to)) {
                return true;
            }
            if (count == row.length) {
                return false;
            }
            links.appendLink(from, level, to, count);
            return true;
        }
    }

    /** Compacts the first {@code count} packed pairs, leaving out {@code node}; returns the new count. */
    private static int withoutNode(int count, int node, long[] packed) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (NodeHeap.node(packed[i]) != node) {
                packed[kept++] = packed[i];
            }
        }
        return kept;
    }

    /**
     * Adds links from {@code target} on {@code level} to the given nodes (with their distances to
     * {@code target}), skipping ones it already has. When the row would overflow, the old and new
     * links compete together through the diversity heuristic.
     */
    private void addLinks(int target, int level, int[] additions, float[] additionDistances, int additionCount,
                          SearchScratch scratch) {
        int capacity = links.capacity(level);
        int[] row = new int[capacity + additionCount];
        try (GraphLinks.HeldLock ignored = links.lock(target)) {
            int count = links.copyLinks(target, level, row);
            int existing = count;
            for (int i = 0; i < additionCount; i++) {
                if (!contains(row, existing, additions[i])) {
                    row[count++] = additions[i];
                }
            }
            if (count == existing) {
                return;
            }
            if (count <= capacity) {
                if (count == existing + 1) {
                    links.appendLink(target, level, row[existing], existing);
                } else {
                    links.writeLinks(target, level, row, count);
                }
                return;
            }
            prune(target, level, row, count, existing, additions, additionDistances, additionCount, capacity, scratch);
        }
    }

    /** Rewrites an overfull row of {@code count} links down to at most {@code capacity}. */
    private void prune(int target, int level, int[] row, int count, int existing, int[] additions,
                       float[] additionDistances, int additionCount, int capacity, SearchScratch scratch) {
        float[] targetVector = scratch.pruneVector = nodes.traversalVector(target, scratch.pruneVector);
        float[] distances = new float[count + 3];
        // Distances to the existing links are recomputed (rows store no distances, to save memory);
        // the additions' are known.
        searcher.scoreAll(scratch, targetVector, row, existing, distances);
        scratch.distanceComputations += existing;
        long[] candidates = new long[count];
        for (int i = 0; i < count; i++) {
            float d = i < existing ? distances[i] : knownDistance(row[i], additions, additionDistances, additionCount);
            candidates[i] = NodeHeap.pack(row[i], d);
        }
        Arrays.sort(candidates, 0, count);
        int[] kept = new int[capacity];
        int keptCount = selector.select(candidates, count, capacity, kept, new float[capacity], scratch);
        links.writeLinks(target, level, kept, keptCount);
    }

    private static float knownDistance(int node, int[] nodes, float[] distances, int count) {
        for (int i = 0; i < count; i++) {
            if (nodes[i] == node) {
                return distances[i];
            }
        }
        return Float.NaN;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
