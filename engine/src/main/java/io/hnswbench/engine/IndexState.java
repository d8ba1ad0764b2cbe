package io.hnswbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One generation of an index: the graph, the id table and the counters. {@link HnswIndex#clear()}
 * and {@link HnswIndex#rebuild()} replace the generation whole, so a search that began on the old
 * one finishes on it undisturbed.
 */
final class IndexState implements IndexContents {

    /** Small inserts add up to a connectivity repair once they reach an eighth of the index, and at least this many. */
    static final int REPAIR_MIN_INSERTS = 1024;

    final IndexConfig config;
    final HnswGraph graph;
    private final GraphSearcher searcher;
    private final GraphQuery queries;
    private final GraphInserter inserter;
    private final LevelGenerator levels;
    private final ConnectivityRepair connectivityRepair;
    /** Guarded by itself; searches never touch it. */
    private final IdTable ids = new IdTable();
    private volatile int liveCount;
    /** Ordinals reserved by a cancelled bulk insert and never filled: unreachable, never returned. */
    private volatile int abandonedCount;
    /**
     * Set before an id's second node is shown: only then can a racing search meet two nodes of one
     * id (the bare loop cannot, it ignores nodes inserted after it started).
     */
    private volatile boolean anyReplaced;
    private final LongAdder distanceComputations = new LongAdder();
    private final AtomicInteger insertsSinceRepair = new AtomicInteger();
    private final ReentrantLock repairLock = new ReentrantLock();

    IndexState(IndexConfig config) {
        this.config = config;
        DistanceFunction distance = new DistanceFunction(config.metric());
        this.graph = new HnswGraph(config, distance);
        this.searcher = new GraphSearcher(graph);
        this.queries = new GraphQuery(graph, searcher, config, distanceComputations);
        this.inserter = new GraphInserter(config, graph, searcher, distance);
        this.levels = new LevelGenerator(config);
        this.connectivityRepair = new ConnectivityRepair(config, graph, searcher, inserter);
    }

    /**
     * The generation saved in {@code file}, with the same ordinals, links and node states, so it
     * searches exactly as the saved one did.
     *
     * @throws IndexFileException if two live nodes of the file share an id
     */
    static IndexState restore(IndexFile file) throws IndexFileException {
        IndexState state = new IndexState(file.config);
        NodeStore nodes = state.graph.nodes;
        if (file.nodeCount > 0) {
            nodes.allocate(file.nodeCount);
        }
        long vectorsAt = file.sectionOffset(IndexFileFormat.Section.VECTORS);
        long vectorStride = IndexFileFormat.vectorStride(file.config.dimension());
        long level0At = file.sectionOffset(IndexFileFormat.Section.LEVEL0_LINKS);
        long level0RowBytes = (long) IndexFileFormat.level0RowInts(file.config.m()) * Integer.BYTES;
        int abandoned = 0;
        float[] vectorBuffer = new float[file.config.dimension()];
        for (int node = 0; node < file.nodeCount; node++) {
            byte nodeState = file.state(node);
            String id = file.id(node);
            nodes.restore(node, id, file.levels[node], nodeState, file.segment, vectorsAt + node * vectorStride,
                    level0At + node * level0RowBytes, file.upperLinks[node], vectorBuffer);
            if (nodeState == IndexFileFormat.UNFINISHED) {
                abandoned++;
            } else if (nodeState == IndexFileFormat.VISIBLE && state.ids.put(id, node) != IdTable.ABSENT) {
                throw new IndexFileException(IndexFileException.Problem.INVALID, file.path,
                        "id \"" + id + "\" belongs to two live nodes");
            }
        }
        state.liveCount = state.ids.size();
        state.abandonedCount = abandoned;
        state.graph.setEntryPoint(file.entryPoint);
        return state;
    }

    @Override
    public int size() {
        return liveCount;
    }

    @Override
    public SearchableGraph graph() {
        return graph;
    }

    long distanceComputations() {
        return distanceComputations.sum();
    }

    /**
     * Stores the vector at an ordinal reserved with {@link NodeStore#allocate}, links it, then
     * makes it the one node of its id (removing the id's previous node, if any).
     */
    void insert(int node, String id, float[] source, int offset, float scale) {
        graph.nodes.initialise(node, id, source, offset, scale, levels.levelOf(node));
        linkAndPublish(node, id);
    }

    /** {@link #insert}, for a vector already stored in {@code source} (node {@code sourceNode}): copied bit for bit. */
    void insertStored(int node, String id, NodeStore source, int sourceNode) {
        graph.nodes.initialiseCopy(node, id, source, sourceNode, levels.levelOf(node));
        linkAndPublish(node, id);
    }

    private void linkAndPublish(int node, String id) {
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
                anyReplaced = true;
            }
            // New before old: a racing search may briefly see both (de-duplicated) but never neither.
            graph.nodes.markVisible(node);
            if (previous != IdTable.ABSENT) {
                graph.nodes.markRemoved(previous);
            }
            liveCount = ids.size();
        }
    }

    /**
     * Called once a batch of {@code inserted} vectors is in. A large batch is repaired at once;
     * small ones add up until the inserts since the last repair reach an eighth of the index.
     * A graph walk every N/8 inserts costs a few link visits per insert, next to the thousands of
     * distances an insert computes.
     */
    void insertsDone(int inserted, boolean largeBatch) {
        int since = insertsSinceRepair.addAndGet(inserted);
        if (largeBatch || since >= Math.max(REPAIR_MIN_INSERTS, liveCount / 8)) {
            repairConnectivity();
        }
    }

    /** Records ordinals that a cancelled bulk insert reserved but never filled. */
    void abandoned(int count) {
        synchronized (ids) {
            abandonedCount += count;
        }
    }

    /** Links every visible node that the entry point cannot reach; returns how many there were. */
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

    boolean remove(String id) {
        synchronized (ids) {
            int node = ids.remove(id);
            if (node == IdTable.ABSENT) {
                return false;
            }
            graph.nodes.markRemoved(node);
            liveCount = ids.size();
            return true;
        }
    }

    @Override
    public boolean contains(String id) {
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

    @Override
    public SearchCounters searchCounters() {
        return queries.counters();
    }

    @Override
    public IndexStatistics statistics() {
        long idTableBytes;
        synchronized (ids) {
            idTableBytes = ids.bytes();
        }
        return StatisticsCollector.collect(graph, config, size(), idTableBytes, distanceComputations());
    }

    @Override
    public List<SearchResult> search(float[] query, int k, SearchOptions options) {
        // Read before nodeCount(): if every node below that mark was visible then, the bare loop
        // may skip the per-node check, provided it drops nodes inserted since (at or above the mark).
        int live = liveCount + abandonedCount;
        int allocatedAtStart = graph.nodeCount();
        return queries.search(query, k, options, live == allocatedAtStart ? allocatedAtStart : -1, () -> anyReplaced);
    }
}
