package io.hnswbench.engine;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A Hierarchical Navigable Small World index (Malkov and Yashunin, 2016) over float vectors
 * identified by strings.
 *
 * <pre>{@code
 * HnswIndex index = HnswIndex.builder(384).metric(Metric.COSINE).m(16).efConstruction(200).build();
 * index.add("doc-1", embedding);
 * List<SearchResult> hits = index.search(query, 10);
 * }</pre>
 *
 * <p><b>Threads.</b> Every method may be called from any number of threads at once. Searches take
 * no lock: they never wait for writers and writers never wait for them. {@link #add},
 * {@link #addAll} and {@link #remove} run concurrently with each other; {@link #clear} and
 * {@link #rebuild} wait for writes in progress and make new writes wait, while searches go on
 * against the previous graph until the new one is in place.
 *
 * <p><b>Errors.</b> Bad arguments throw {@link IllegalArgumentException} naming the problem, and a
 * call that throws has not changed the index.
 */
public final class HnswIndex {

    private final IndexConfig config;
    /** Writers share it; clear and rebuild take it alone. Searches never touch it. */
    private final ReentrantReadWriteLock generationLock = new ReentrantReadWriteLock();
    private volatile IndexState state;

    private HnswIndex(IndexConfig config) {
        this.config = config;
        this.state = new IndexState(config);
    }

    /**
     * Starts an index of vectors with {@code dimension} components. Defaults: cosine, M = 16,
     * efConstruction = 200, efSearch = 50, maxLevel = 16, seed = 42.
     */
    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    /**
     * Which distance kernels this JVM runs, e.g. {@code "Panama SIMD, 512-bit (16 float lanes)"} or
     * {@code "scalar"} when {@code jdk.incubator.vector} was not added with
     * {@code --add-modules jdk.incubator.vector}.
     */
    public static String kernelDescription() {
        return Kernels.INSTANCE.description();
    }

    /**
     * Adds a vector under {@code id}; if the id is present, its vector is replaced. Under
     * {@link Metric#COSINE} the vector is stored normalised; the caller's array is never kept.
     *
     * @throws IllegalArgumentException for a null id, a vector of the wrong dimension, a NaN or
     *                                  infinite component, or a zero vector under cosine
     */
    public void add(String id, float[] vector) {
        insert(VectorBatch.of(id, vector, config), 1, BuildProgressListener.none());
    }

    /** Adds many vectors with {@code threads} threads; see {@link #addAll(List, List, int, BuildProgressListener)}. */
    public void addAll(List<String> ids, List<float[]> vectors, int threads) {
        addAll(ids, vectors, threads, BuildProgressListener.none());
    }

    /**
     * Adds many vectors, building the graph with {@code threads} threads (the calling thread is
     * one of them). Every vector is validated before the first is inserted. An id that repeats
     * keeps its last vector. A batch of 256 or more ends by linking any node the graph left
     * unreachable from the entry point (the heuristic can orphan exact duplicates); smaller
     * batches and single adds get the same repair each time they add up to an eighth of the index.
     * More threads than available processors are not started. The listener must not call back
     * into this index. If it throws, the insert stops as on interruption and its exception
     * propagates. With one thread and the same seed, the graph is the same on every
     * run. Interrupting the calling thread stops the insert: the vectors already in stay, and a
     * {@link java.util.concurrent.CancellationException} says how many they are.
     *
     * @throws IllegalArgumentException if the lists differ in length, {@code threads < 1}, or any
     *                                  id or vector is bad (see {@link #add})
     */
    public void addAll(List<String> ids, List<float[]> vectors, int threads, BuildProgressListener progress) {
        checkThreads(threads);
        insert(VectorBatch.of(ids, vectors, config), threads, progressOrNone(progress));
    }

    /** Adds many vectors from one row-major array; see {@link #addAll(List, float[], int, BuildProgressListener)}. */
    public void addAll(List<String> ids, float[] rowMajorVectors, int threads) {
        addAll(ids, rowMajorVectors, threads, BuildProgressListener.none());
    }

    /**
     * Like {@link #addAll(List, List, int, BuildProgressListener)} with the vectors laid end to end
     * in one row-major array ({@code ids.size() * dimension} floats), so that a large batch needs
     * no array per vector.
     */
    public void addAll(List<String> ids, float[] rowMajorVectors, int threads, BuildProgressListener progress) {
        checkThreads(threads);
        insert(VectorBatch.ofRows(ids, rowMajorVectors, config), threads, progressOrNone(progress));
    }

    /**
     * Removes the vector of {@code id}: no search started after this returns finds it. Its node
     * stays in the graph to route searches until {@link #rebuild()}.
     *
     * @return whether the id was present
     */
    public boolean remove(String id) {
        if (id == null) {
            throw new IllegalArgumentException("id is null");
        }
        generationLock.readLock().lock();
        try {
            return state.remove(id);
        } finally {
            generationLock.readLock().unlock();
        }
    }

    /** Whether a vector is stored under {@code id}. */
    public boolean contains(String id) {
        if (id == null) {
            throw new IllegalArgumentException("id is null");
        }
        return state.contains(id);
    }

    /** The {@code k} nearest vectors, nearest first, with the index's efSearch. */
    public List<SearchResult> search(float[] query, int k) {
        return search(query, k, SearchOptions.defaults());
    }

    /**
     * The {@code k} nearest vectors, nearest first. The beam width is {@code max(ef, k)}. Fewer
     * than {@code k} results come back when the index holds fewer vectors, or fewer pass the
     * options' distance limit and filter.
     *
     * @throws IllegalArgumentException for {@code k <= 0}, a query of the wrong dimension, a NaN
     *                                  or infinite component, or a zero query under cosine
     */
    public List<SearchResult> search(float[] query, int k, SearchOptions options) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        if (options == null) {
            throw new IllegalArgumentException("options is null; use SearchOptions.defaults()");
        }
        VectorChecks.checkLength(query, config.dimension(), "query");
        float scale = VectorChecks.checkedScale(query, 0, config.dimension(), config.metric(), "query");
        float[] searched = query;
        if (config.metric() == Metric.COSINE) {
            searched = new float[query.length];
            for (int i = 0; i < query.length; i++) {
                searched[i] = query[i] * scale;
            }
        }
        return state.search(searched, k, options);
    }

    /** Live vectors: added and not removed. */
    public int size() {
        return state.size();
    }

    /** Removes every vector and frees the graph. Settings stay. */
    public void clear() {
        generationLock.writeLock().lock();
        try {
            state = new IndexState(config);
        } finally {
            generationLock.writeLock().unlock();
        }
    }

    /**
     * Builds the graph again from the live vectors only, with all available processors: drops
     * removed and replaced vectors and restores the link quality that many removals erode.
     * Searches keep running on the old graph meanwhile; writes wait.
     */
    public void rebuild() {
        generationLock.writeLock().lock();
        try {
            IndexState old = state;
            List<IndexState.LiveNode> live = old.liveNodes();
            List<String> ids = live.stream().map(IndexState.LiveNode::id).toList();
            float[][] arrays = new float[live.size()][];
            int[] offsets = new int[live.size()];
            for (int i = 0; i < live.size(); i++) {
                int node = live.get(i).node();
                arrays[i] = old.graph.nodes.page(node).slots;
                offsets[i] = old.graph.nodes.vectorOffset(node);
            }
            IndexState rebuilt = new IndexState(config);
            BulkInserter.insertAll(rebuilt, VectorBatch.ofStored(ids, arrays, offsets),
                    Runtime.getRuntime().availableProcessors(), BuildProgressListener.none());
            state = rebuilt;
        } finally {
            generationLock.writeLock().unlock();
        }
    }

    /** Describes the graph and its memory; walks the whole graph, so not for a hot loop. */
    public IndexStatistics statistics() {
        return state.statistics();
    }

    public int dimension() {
        return config.dimension();
    }

    public Metric metric() {
        return config.metric();
    }

    @Override
    public String toString() {
        return "HnswIndex[" + config + ", size=" + size() + "]";
    }

    /** The current generation; for collaborators in this package (persistence, tests). */
    IndexState currentState() {
        return state;
    }

    private void insert(VectorBatch batch, int threads, BuildProgressListener progress) {
        generationLock.readLock().lock();
        try {
            BulkInserter.insertAll(state, batch, threads, progress);
        } finally {
            generationLock.readLock().unlock();
        }
    }

    private static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    private static BuildProgressListener progressOrNone(BuildProgressListener progress) {
        return progress == null ? BuildProgressListener.none() : progress;
    }

    /** Settings for a new {@link HnswIndex}; each setter checks its value at {@link #build()}. */
    public static final class Builder {
        private final int dimension;
        private Metric metric = Metric.COSINE;
        private int m = 16;
        private int efConstruction = 200;
        private int efSearch = 50;
        private int maxLevel = 16;
        private long seed = 42;

        private Builder(int dimension) {
            this.dimension = dimension;
        }

        /** The distance; default {@link Metric#COSINE}. */
        public Builder metric(Metric metric) {
            this.metric = metric;
            return this;
        }

        /** Links per node on the upper levels (2·M on level 0); at least 2, default 16. */
        public Builder m(int m) {
            this.m = m;
            return this;
        }

        /** Beam width while inserting: higher builds slower and a better graph; default 200. */
        public Builder efConstruction(int efConstruction) {
            this.efConstruction = efConstruction;
            return this;
        }

        /** Default beam width of searches (raised to k when smaller); default 50. */
        public Builder efSearch(int efSearch) {
            this.efSearch = efSearch;
            return this;
        }

        /** Highest level a node may get; default 16, enough for any realistic size. */
        public Builder maxLevel(int maxLevel) {
            this.maxLevel = maxLevel;
            return this;
        }

        /** Seed for the level of each node: the same seed and inserts give the same graph. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @throws IllegalArgumentException for a dimension ≤ 0, a null metric, M &lt; 2,
         *                                  efConstruction or efSearch ≤ 0, or maxLevel out of range
         */
        public HnswIndex build() {
            return new HnswIndex(new IndexConfig(dimension, metric, m, efConstruction, efSearch, maxLevel, seed));
        }
    }
}
