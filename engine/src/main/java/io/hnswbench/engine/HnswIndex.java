package io.hnswbench.engine;

import java.io.IOException;
import java.nio.file.Path;
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
 *
 * <p><b>Files.</b> {@link #save} writes the index to one file ({@code docs/FORMAT.md});
 * {@link #load} reads it back into an index that can change, {@link #open} maps it read-only
 * without copying vectors or level-0 links onto the heap. Either gives the same search results,
 * bit for bit, as the index that was saved.
 */
public final class HnswIndex implements AutoCloseable {

    private final IndexConfig config;
    /** Writers share it; clear, rebuild and save take it alone. Searches never touch it. */
    private final ReentrantReadWriteLock generationLock = new ReentrantReadWriteLock();
    /** An {@link IndexState}, or a {@link MappedIndex} for an index opened read-only. */
    private volatile IndexContents contents;

    private HnswIndex(IndexConfig config, IndexContents contents) {
        this.config = config;
        this.contents = contents;
    }

    /**
     * Reads an index saved with {@link #save} into memory: the result can change like a new one.
     *
     * @throws IndexFileException if the file is not an index, of an unknown version, truncated,
     *                            fails a checksum or contradicts itself; it names the file and which
     * @throws IOException        if the file cannot be read
     */
    public static HnswIndex load(Path path) throws IOException {
        try (IndexFile file = IndexFileReader.read(path)) {
            return new HnswIndex(file.config, IndexState.restore(file));
        }
    }

    /**
     * Maps an index saved with {@link #save} read-only: searches read vectors and level-0 links
     * straight from the file (the operating system pages them in and out), so an index larger
     * than the heap can be searched. The file is checked completely first, as by {@link #load}.
     * {@link #add}, {@link #addAll}, {@link #remove}, {@link #clear} and {@link #rebuild} throw
     * {@link IllegalStateException}. {@link #close()} unmaps the file; any use afterwards throws
     * {@link IllegalStateException}.
     *
     * @throws IndexFileException as {@link #load} does
     * @throws IOException        if the file cannot be read or mapped
     */
    public static HnswIndex open(Path path) throws IOException {
        MappedIndex mapped = MappedIndex.open(path);
        return new HnswIndex(mapped.config(), mapped);
    }

    /**
     * Starts an index of vectors with {@code dimension} components. Defaults: cosine, M = 16,
     * efConstruction = 200, efSearch = 50, maxLevel = 16, seed = 42.
     */
    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    /**
     * Writes the index to {@code path}, replacing any file there. The file appears complete or not
     * at all: it is written beside the target, forced to disk and renamed over it, so a crash
     * leaves the previous file intact. Writes wait until the save is done; searches go on.
     *
     * @throws IOException if the file cannot be written; the previous file is then unchanged
     */
    public void save(Path path) throws IOException {
        save(path, IndexFileWriter.BeforeRename.NONE);
    }

    /** {@link #save(Path)} with a step between writing and renaming, where tests simulate a crash. */
    void save(Path path, IndexFileWriter.BeforeRename beforeRename) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path is null");
        }
        generationLock.writeLock().lock();
        try {
            IndexContents saved = contents;
            IndexFileWriter.write(saved.graph(), config, saved.size(), path, beforeRename);
        } finally {
            generationLock.writeLock().unlock();
        }
    }

    /** Whether this index was opened with {@link #open} and so cannot change. */
    public boolean isReadOnly() {
        return contents instanceof MappedIndex;
    }

    /**
     * Unmaps the file of an index opened with {@link #open}; afterwards every method throws
     * {@link IllegalStateException}. Does nothing for other indexes, which hold no file.
     */
    @Override
    public void close() {
        if (contents instanceof MappedIndex mapped) {
            mapped.close();
        }
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
        writable("add");
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
        writable("addAll");
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
        writable("addAll");
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
        writable("remove");
        if (id == null) {
            throw new IllegalArgumentException("id is null");
        }
        generationLock.readLock().lock();
        try {
            return writable("remove").remove(id);
        } finally {
            generationLock.readLock().unlock();
        }
    }

    /** Whether a vector is stored under {@code id}. */
    public boolean contains(String id) {
        if (id == null) {
            throw new IllegalArgumentException("id is null");
        }
        return contents.contains(id);
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
        return contents.search(searched, k, options);
    }

    /** Live vectors: added and not removed. */
    public int size() {
        return contents.size();
    }

    /** Removes every vector and frees the graph. Settings stay. */
    public void clear() {
        writable("clear");
        generationLock.writeLock().lock();
        try {
            contents = new IndexState(config);
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
        writable("rebuild");
        generationLock.writeLock().lock();
        try {
            IndexState old = writable("rebuild");
            List<IndexState.LiveNode> live = old.liveNodes();
            List<String> ids = live.stream().map(IndexState.LiveNode::id).toList();
            int[] nodes = live.stream().mapToInt(IndexState.LiveNode::node).toArray();
            IndexState rebuilt = new IndexState(config);
            BulkInserter.insertAll(rebuilt, VectorBatch.ofStored(ids, old.graph.nodes, nodes),
                    Runtime.getRuntime().availableProcessors(), BuildProgressListener.none());
            contents = rebuilt;
        } finally {
            generationLock.writeLock().unlock();
        }
    }

    /**
     * Totals of the work searches have done since the index was built, loaded or opened (or last
     * cleared or rebuilt): cheap to read, so a benchmark can take one before and after a batch of
     * queries and report distance computations and hops per query.
     */
    public SearchCounters searchCounters() {
        return contents.searchCounters();
    }

    /** Describes the graph and its memory; walks the whole graph, so not for a hot loop. */
    public IndexStatistics statistics() {
        return contents.statistics();
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

    /** The current generation of an index that can change; for tests in this package. */
    IndexState currentState() {
        return writable("currentState");
    }

    /** The heap generation, or an exception saying why a read-only index cannot do {@code operation}. */
    private IndexState writable(String operation) {
        if (contents instanceof IndexState state) {
            return state;
        }
        throw new IllegalStateException(operation + "() is not possible: this index is read-only, mapped from "
                + ((MappedIndex) contents).path() + " by HnswIndex.open; use HnswIndex.load(path) for an index that can change");
    }

    private void insert(VectorBatch batch, int threads, BuildProgressListener progress) {
        generationLock.readLock().lock();
        try {
            BulkInserter.insertAll(writable("add"), batch, threads, progress);
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
            IndexConfig config = new IndexConfig(dimension, metric, m, efConstruction, efSearch, maxLevel, seed);
            return new HnswIndex(config, new IndexState(config));
        }
    }
}
