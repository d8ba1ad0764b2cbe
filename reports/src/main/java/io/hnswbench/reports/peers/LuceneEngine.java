package io.hnswbench.reports.peers;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.SweepEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.incubator.vector.VectorShape;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsScorer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.IORunnable;
import org.apache.lucene.util.RamUsageEstimator;
import org.apache.lucene.util.ThreadInterruptedException;
import org.apache.lucene.util.Version;
import org.apache.lucene.util.hnsw.HnswBuilder;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Apache Lucene's HNSW (lucene-core 10.x, package {@code org.apache.lucene.util.hnsw}) as a sweep
 * engine named {@code lucene}.
 *
 * <p>Why the {@code util.hnsw} classes and not an {@code IndexWriter} with
 * {@code KnnFloatVectorField}: they are the graph itself — the same {@link HnswGraphBuilder} (or,
 * with several threads, the {@link HnswConcurrentMergeBuilder} Lucene merges with), the same
 * {@link HnswGraphSearcher} and the same flat-vector scorer (Panama SIMD when enabled) that
 * Lucene's {@code Lucene99HnswVectorsFormat} runs. A document index would add what is not HNSW and
 * not ours to race against: documents and segments, a codec that writes the graph to files,
 * {@code forceMerge(1)} rebuilding the graph from flushed segments, and per-query
 * {@code IndexSearcher}/{@code Query} work. Searching follows Lucene's reader: a fresh searcher and
 * graph view per query, vectors scored through {@link FlatVectorsScorer}.
 *
 * <p>Parameters: M is Lucene's {@code maxConn} (upper levels keep M links, level 0 2·M, as here);
 * efConstruction is {@code beamWidth}; efSearch is the size of the {@link TopKnnCollector} queue,
 * of which the first k are returned — the way Lucene's own benchmarks ask for a wider beam.
 * Levels are drawn with {@code BuildSettings.seed()} in a one-thread build; with more threads Lucene
 * builds with its concurrent builder, whose workers draw levels from Lucene's global
 * {@code HnswGraphBuilder.randSeed}, which this class does not change.
 *
 * <p>Metrics and distances (Lucene scores, larger is nearer, are converted back exactly):
 * <ul>
 *   <li>cosine: vectors and queries are scaled to unit length (as this project's engine does) and
 *       compared with {@code DOT_PRODUCT}, score s = (1 + a·b)/2, so distance 1 − cos = 2 − 2s;</li>
 *   <li>L2: {@code EUCLIDEAN}, s = 1/(1 + d²), so d² = 1/s − 1;</li>
 *   <li>inner product: {@code MAXIMUM_INNER_PRODUCT} (no normalisation needed),
 *       s = 1/(1 − a·b) when a·b &lt; 0 else a·b + 1, so 1 − a·b = 1/s when s &lt; 1, else 2 − s.</li>
 * </ul>
 *
 * <p>{@link EngineIndex#bytes()} is Lucene's own {@code ramBytesUsed()} of the graph plus the heap
 * size of the vector arrays. Work counts are Lucene's visited count (vectors scored) and the nodes
 * whose neighbour lists the searcher read, on every level.
 */
public final class LuceneEngine implements SweepEngine {

    public static final String NAME = "lucene";

    /** Progress is reported every this many insertions. */
    private static final int PROGRESS_INTERVAL = 1024;

    private static final String VECTORIZATION = probeVectorization();

    @Override
    public String name() {
        return NAME;
    }

    /** Lucene's version and whether its Panama vectorization is active, for the sweep's environment. */
    @Override
    public String environmentNote() {
        return "Apache Lucene " + Version.LATEST + "; " + vectorizationDescription();
    }

    /**
     * Whether Lucene scores vectors with its Panama (Vector API) code in this JVM, e.g.
     * {@code "Lucene Panama vectorization: enabled, 256-bit, FMA"} or
     * {@code "Lucene Panama vectorization: disabled: <Lucene's reason>"}.
     */
    public static String vectorizationDescription() {
        return VECTORIZATION;
    }

    @Override
    public EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress)
            throws InterruptedException {
        float[][] rows = PeerVectors.rows(base, metric);
        VectorSimilarityFunction similarity = similarityOf(metric);
        FloatVectorValues vectors = FloatVectorValues.fromFloats(Arrays.asList(rows), base.dimension());
        FlatVectorsScorer flatScorer = FlatVectorScorerUtil.getLucene99FlatVectorsScorer();
        int size = rows.length;
        Thread caller = Thread.currentThread();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong started = new AtomicLong();
        // Lucene calls the abort check before inserting each node, on whichever thread inserts it.
        IORunnable abortCheck = () -> {
            if (stop.get() || caller.isInterrupted()) {
                stop.set(true);
                throw new IOException("build interrupted");
            }
            long done = started.incrementAndGet();
            if (done % PROGRESS_INTERVAL == 0) {
                progress.inserted(Math.min(done, size), size);
            }
        };
        ExecutorService workers = settings.threads() > 1
                ? Executors.newFixedThreadPool(settings.threads(), LuceneEngine::buildThread) : null;
        try {
            RandomVectorScorerSupplier scorers = flatScorer.getRandomVectorScorerSupplier(similarity, vectors);
            HnswGraphBuilder oneThread = HnswGraphBuilder.create(scorers, settings.m(), settings.efConstruction(),
                    settings.seed(), size);
            // The concurrent builder fills a pre-sized empty graph; the public way to get one is a builder's.
            HnswBuilder builder = workers == null ? oneThread : new HnswConcurrentMergeBuilder(new TaskExecutor(workers),
                    settings.threads(), scorers, settings.m(), settings.efConstruction(), oneThread.getGraph(), null);
            builder.setAbortCheck(abortCheck);
            OnHeapHnswGraph graph = builder.build(size);
            progress.inserted(size, size);
            long vectorBytes = size == 0 ? 0 : size * RamUsageEstimator.sizeOf(rows[0]) + RamUsageEstimator.shallowSizeOf(rows);
            return new Built(new State(graph, vectors, flatScorer, similarity, metric, base.dimension(), settings.m(),
                    vectorBytes));
        } catch (IOException | RuntimeException failure) {
            // An interrupt seen by a worker, or by the caller waiting for the workers (Lucene wraps that one).
            boolean interrupted = stop.getAndSet(true) | Thread.interrupted()
                    || failure instanceof ThreadInterruptedException;
            if (interrupted) {
                throw new InterruptedException("Lucene HNSW build interrupted");
            }
            throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    private static Thread buildThread(Runnable work) {
        Thread thread = new Thread(work, "lucene-hnsw-build");
        thread.setDaemon(true);
        return thread;
    }

    private static VectorSimilarityFunction similarityOf(Metric metric) {
        return switch (metric) {
            case COSINE -> VectorSimilarityFunction.DOT_PRODUCT;
            case L2 -> VectorSimilarityFunction.EUCLIDEAN;
            case INNER_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
        };
    }

    /** This project's distance for a Lucene score; the inverse of each similarity's score formula. */
    static float distanceOf(VectorSimilarityFunction similarity, float score) {
        double s = score;
        return (float) switch (similarity) {
            case DOT_PRODUCT -> 2 - 2 * s;
            case EUCLIDEAN -> 1 / s - 1;
            case MAXIMUM_INNER_PRODUCT -> s < 1 ? 1 / s : 2 - s;
            case COSINE -> throw new IllegalArgumentException("cosine is searched as DOT_PRODUCT on unit vectors");
        };
    }

    /** A built graph; immutable after the build, so any number of threads search it. */
    private static final class Built extends PeerIndex<State> {

        Built(State state) {
            super("Lucene", state);
        }

        @Override
        public int search(float[] query, int k, int efSearch, int[] ids, float[] distances) {
            State current = openForSearch(k);
            if (current.graph.size() == 0) {
                return 0;
            }
            float[] target = PeerVectors.query(query, current.dimension, current.metric);
            try {
                RandomVectorScorer scorer = current.flatScorer.getRandomVectorScorer(current.similarity,
                        current.vectors.copy(), target);
                TopKnnCollector collector = new TopKnnCollector(Math.max(k, efSearch), Integer.MAX_VALUE);
                CountingGraphView view = new CountingGraphView(current.graph);
                HnswGraphSearcher.search(scorer, collector, view, null);
                ScoreDoc[] hits = collector.topDocs().scoreDocs;
                int count = Math.min(k, hits.length);
                for (int i = 0; i < count; i++) {
                    ids[i] = hits[i].doc;
                    distances[i] = distanceOf(current.similarity, hits[i].score);
                }
                countWork(collector.visitedCount(), view.expanded);
                return count;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long bytes() {
            State current = open();
            return current.vectorBytes + current.graph.ramBytesUsed();
        }

        @Override
        public GraphStatistics statistics() {
            State current = open();
            return LayeredGraphStatistics.of(new LuceneLayers(current.graph), current.graph.size(), current.m,
                    current.vectorBytes, current.graph.ramBytesUsed());
        }

    }

    /** What a built index holds; dropped on close. */
    private record State(OnHeapHnswGraph graph, FloatVectorValues vectors, FlatVectorsScorer flatScorer,
                         VectorSimilarityFunction similarity, Metric metric, int dimension, int m, long vectorBytes) {
    }

    /**
     * One query's view of the graph, as Lucene's reader hands its searcher a fresh graph view per
     * query: the neighbour cursor is per view, so concurrent searches never share it. Counts the
     * nodes whose neighbours were read.
     */
    private static final class CountingGraphView extends HnswGraph {

        private final OnHeapHnswGraph graph;
        private int[] neighbors;
        private int neighborCount;
        private int next;
        long expanded;

        CountingGraphView(OnHeapHnswGraph graph) {
            this.graph = graph;
        }

        @Override
        public void seek(int level, int target) {
            NeighborArray row = graph.getNeighbors(level, target);
            neighbors = row.nodes();
            neighborCount = row.size();
            next = 0;
            expanded++;
        }

        @Override
        public int nextNeighbor() {
            return next < neighborCount ? neighbors[next++] : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public int neighborCount() {
            return neighborCount;
        }

        @Override
        public int size() {
            return graph.size();
        }

        @Override
        public int maxNodeId() {
            return graph.maxNodeId();
        }

        @Override
        public int numLevels() {
            return graph.numLevels();
        }

        @Override
        public int maxConn() {
            return graph.maxConn();
        }

        @Override
        public int entryNode() {
            return graph.entryNode();
        }

        @Override
        public NodesIterator getNodesOnLevel(int level) {
            return graph.getNodesOnLevel(level);
        }
    }

    /** Lucene's graph as {@link LayeredGraphStatistics} reads it. */
    private record LuceneLayers(OnHeapHnswGraph graph) implements LayeredGraphStatistics.LayeredGraph {

        @Override
        public int levelCount() {
            return graph.size() == 0 ? 0 : graph.numLevels();
        }

        @Override
        public int nodeBound() {
            return graph.maxNodeId() + 1;
        }

        @Override
        public int entryNode() {
            return graph.entryNode();
        }

        @Override
        public int capacity(int level) {
            return level == 0 ? 2 * graph.maxConn() : graph.maxConn();
        }

        @Override
        public int[] nodesOn(int level) {
            HnswGraph.NodesIterator nodes = graph.getNodesOnLevel(level);
            int[] ids = new int[nodes.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = nodes.nextInt();
            }
            return ids;
        }

        @Override
        public int[] neighborsOf(int level, int node) {
            NeighborArray row = graph.getNeighbors(level, node);
            return Arrays.copyOf(row.nodes(), row.size());
        }
    }

    /**
     * Lucene decides once per JVM, when its vector utilities first load, and says so only in a log
     * line. The decision shows in which flat-vector scorer it hands out (the Panama one or the
     * scalar {@link DefaultFlatVectorScorer}); the log line, caught when this class is the first to
     * load them, adds the vector width or the reason it is off.
     */
    private static String probeVectorization() {
        Logger logger = Logger.getLogger("org.apache.lucene.internal.vectorization");
        List<String> messages = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler catcher = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(formatter.formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previousLevel = logger.getLevel();
        logger.addHandler(catcher);
        logger.setLevel(Level.INFO);
        boolean enabled;
        try {
            enabled = FlatVectorScorerUtil.getLucene99FlatVectorsScorer().getClass() != DefaultFlatVectorScorer.class;
        } finally {
            logger.removeHandler(catcher);
            logger.setLevel(previousLevel);
        }
        String prefix = "Lucene Panama vectorization: ";
        if (!enabled) {
            return prefix + "disabled: " + (messages.isEmpty()
                    ? "Lucene uses its scalar DefaultFlatVectorScorer (its startup warning was logged earlier)"
                    : String.join("; ", messages));
        }
        Matcher bits = Pattern.compile("preferredBitSize=(\\d+)").matcher(String.join(" ", messages));
        String width = bits.find() ? bits.group(1) : Integer.toString(VectorShape.preferredShape().vectorBitSize());
        boolean fma = messages.stream().anyMatch(message -> message.contains("FMA enabled"));
        return prefix + "enabled, " + width + "-bit" + (fma ? ", FMA" : "");
    }
}
