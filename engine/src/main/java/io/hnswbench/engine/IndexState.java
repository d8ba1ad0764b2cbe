package io.hnswbench.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One generation of an index: the graph, the id table and the counters. {@link HnswIndex#clear()}
 * and {@link HnswIndex#rebuild()} replace the generation whole, so a search that began on the old
 * one finishes on it undisturbed.
 */
final class IndexState {

    final IndexConfig config;
    final HnswGraph graph;
    private final GraphSearcher searcher;
    private final GraphInserter inserter;
    private final LevelGenerator levels;
    private final ConnectivityRepair connectivityRepair;
    private final DistanceFunction distance;
    /** Guarded by itself; searches never touch it. */
    private final IdTable ids = new IdTable();
    private volatile int liveCount;
    /** Set once an id has been added twice: only then can a racing search meet both of its nodes. */
    private volatile boolean anyReplaced;
    private final LongAdder distanceComputations = new LongAdder();
    static final int REPAIR_MIN_INSERTS = 1024;
    private final AtomicInteger insertsSinceRepair = new AtomicInteger();
    private final ReentrantLock repairLock = new ReentrantLock();

    IndexState(IndexConfig config) {
        this.config = config;
        this.graph = new HnswGraph(config);
        this.distance = new DistanceFunction(config.metric());
        this.searcher = new GraphSearcher(graph, distance);
        this.inserter = new GraphInserter(config, graph, searcher, distance);
        this.levels = new LevelGenerator(config);
        this.connectivityRepair = new ConnectivityRepair(config, graph, searcher, inserter);
    }

    /** Links every node that the entry point cannot reach; returns how many there were. */
    int repairConnectivity() {
        repairLock.lock();
        SearchScratch scratch = SearchScratch.acquire(config.maxConnectionsLevel0());
        try {
            insertsSinceRepair.set(0);
            return connectivityRepair.repair(scratch);
        } finally {
            distanceComputations.add(scratch.distanceComputations);
            scratch.release();
            repairLock.unlock();
        }
    }

    /**
     * Repairs connectivity once the inserts since the last repair reach an eighth of the index
     * (at least {@link #REPAIR_MIN_INSERTS}): a graph walk every N/8 inserts costs a few link
     * visits per insert, next to the thousands of distances an insert computes. One thread
     * repairs; the others go on inserting.
     */
    private void repairWhenDue() {
        int since = insertsSinceRepair.incrementAndGet();
        if (since >= Math.max(REPAIR_MIN_INSERTS, liveCount / 8) && repairLock.tryLock()) {
            try {
                repairConnectivity();
            } finally {
                repairLock.unlock();
            }
        }
    }

    int size() {
        return liveCount;
    }

    long distanceComputations() {
        return distanceComputations.sum();
    }

    /**
     * Stores the vector at an ordinal reserved with {@link NodeStore#allocate}, links it, then
     * makes it the one node of its id (hiding the id's previous node, if any).
     */
    void insert(int node, String id, float[] source, int offset, float scale) {
        graph.nodes.initialise(node, id, source, offset, scale, levels.levelOf(node));
        SearchScratch scratch = SearchScratch.acquire(config.maxConnectionsLevel0());
        try {
            inserter.insert(node, scratch);
        } finally {
            distanceComputations.add(scratch.distanceComputations);
            scratch.release();
        }
        synchronized (ids) {
            int previous = ids.put(id, node);
            if (previous != IdTable.ABSENT) {
                graph.nodes.setVisible(previous, false);
                anyReplaced = true;
            }
            graph.nodes.setVisible(node, true);
            liveCount = ids.size();
        }
        repairWhenDue();
    }

    boolean remove(String id) {
        synchronized (ids) {
            int node = ids.remove(id);
            if (node == IdTable.ABSENT) {
                return false;
            }
            graph.nodes.setVisible(node, false);
            liveCount = ids.size();
            return true;
        }
    }

    boolean contains(String id) {
        synchronized (ids) {
            return ids.get(id) != IdTable.ABSENT;
        }
    }

    /** The live (id, node) pairs at this moment, ordered by node. */
    List<LiveNode> liveNodes() {
        List<LiveNode> live = new ArrayList<>(liveCount);
        synchronized (ids) {
            ids.forEach((id, node) -> live.add(new LiveNode(id, node)));
        }
        live.sort((a, b) -> Integer.compare(a.node(), b.node()));
        return live;
    }

    record LiveNode(String id, int node) {
    }

    long idTableBytes() {
        synchronized (ids) {
            return ids.bytes();
        }
    }

    /**
     * Searches with a query that has been validated and, under cosine, normalised.
     */
    List<SearchResult> search(float[] query, int k, SearchOptions options) {
        EntryPoint entry = graph.entryPoint();
        if (entry == null) {
            return List.of();
        }
        int ef = Math.max(options.ef() > 0 ? options.ef() : config.efSearch(), k);
        NodeFilter filter = filterFor(options.filter());
        SearchScratch scratch = SearchScratch.acquire(config.maxConnectionsLevel0());
        try {
            float entryDistance = searcher.distanceTo(query, 0, entry.node());
            scratch.distanceComputations++;
            long closest = NodeHeap.pack(entry.node(), entryDistance);
            for (int level = entry.level(); level > 0; level--) {
                closest = searcher.greedyClosest(scratch, query, 0, NodeHeap.node(closest), NodeHeap.distance(closest), level);
            }
            searcher.searchLevel(scratch, query, 0, NodeHeap.node(closest), NodeHeap.distance(closest), ef, 0, filter);
            return nearestResults(scratch.results, k, options.maxDistance());
        } finally {
            distanceComputations.add(scratch.distanceComputations);
            scratch.release();
        }
    }

    /** {@code null} (the bare search loop) when no node is hidden and the caller set no filter. */
    private NodeFilter filterFor(Predicate<String> userFilter) {
        NodeStore nodes = graph.nodes;
        if (userFilter != null) {
            return node -> nodes.isVisible(node) && userFilter.test(nodes.id(node));
        }
        boolean everyNodeVisible = liveCount == nodes.allocated();
        return everyNodeVisible ? null : nodes::isVisible;
    }

    private List<SearchResult> nearestResults(NodeHeap results, int k, float maxDistance) {
        int count = results.size();
        long[] nearestFirst = new long[count];
        for (int i = count - 1; i >= 0; i--) {
            nearestFirst[i] = results.pop();
        }
        List<SearchResult> hits = new ArrayList<>(Math.min(k, count));
        Set<String> seen = anyReplaced ? new HashSet<>() : null;
        for (int i = 0; i < count && hits.size() < k; i++) {
            float d = NodeHeap.distance(nearestFirst[i]);
            if (d > maxDistance) {
                break;
            }
            String id = graph.nodes.id(NodeHeap.node(nearestFirst[i]));
            if (seen == null || seen.add(id)) {
                hits.add(new SearchResult(id, d));
            }
        }
        return hits;
    }
}
