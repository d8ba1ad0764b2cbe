package io.hnswbench.reports.peers;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.SweepEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * DataStax JVector ({@code io.github.jbellis:jvector} 4.x) as a sweep engine named {@code jvector}:
 * its {@link GraphIndexBuilder} over vectors held on the heap, searched with exact scores by
 * {@link GraphSearcher}.
 *
 * <p>Parameters. JVector 4 takes a maximum degree per level, so M maps to the degrees
 * {@code [2·M, M]}: 2·M links on level 0 and M above, the layout of this project's engine and of
 * Lucene, so that the three graphs spend the same links per node. (A single {@code maxDegree = M}
 * would halve level 0 and lose recall for no reason of the algorithm; {@code 2·M} everywhere would
 * fatten the upper levels.) efConstruction is JVector's {@code beamWidth}. The rest are JVector's
 * own defaults, kept on purpose: {@code neighborOverflow} 1.2, {@code alpha} 1.2 (its Vamana-style
 * pruning keeps some longer edges than HNSW's heuristic), {@code addHierarchy} true and
 * {@code refineFinalGraph} true. JVector draws levels from its own generator with a fixed seed and
 * with mL = 1/ln(level-0 degree), so {@code BuildSettings.seed()} is not used and upper levels hold
 * fewer nodes than HNSW's 1/ln(M) would give. Builds run on a {@link ForkJoinPool} of
 * {@code BuildSettings.threads()} workers, passed to JVector as both of its executors.
 *
 * <p>Search: k is JVector's {@code topK} and efSearch its {@code rerankK}, the size of the queue the
 * search keeps (at least k); no similarity threshold. A {@link GraphSearcher} is not thread-safe,
 * so each search borrows one from a pool and returns it.
 *
 * <p>Metrics and distances (JVector scores, larger is nearer, are converted back exactly):
 * <ul>
 *   <li>cosine: vectors and queries scaled to unit length and compared with {@code DOT_PRODUCT},
 *       s = (1 + a·b)/2, so distance 1 − cos = 2 − 2s;</li>
 *   <li>L2: {@code EUCLIDEAN}, s = 1/(1 + d²), so d² = 1/s − 1;</li>
 *   <li>inner product: {@code DOT_PRODUCT} on the vectors as given, s = (1 + a·b)/2, so
 *       1 − a·b = 2 − 2s (JVector has no maximum-inner-product transform).</li>
 * </ul>
 *
 * <p>{@link EngineIndex#bytes()} is JVector's {@code ramBytesUsed()} of the graph plus that of the
 * vectors. Work counts are JVector's own: nodes visited (scored) and nodes expanded, on all levels.
 */
public final class JVectorEngine implements SweepEngine {

    public static final String NAME = "jvector";

    /** Defaults of JVector's own {@code GraphIndexBuilder.Builder}. */
    static final float NEIGHBOR_OVERFLOW = 1.2f;
    static final float ALPHA = 1.2f;

    private static final int PROGRESS_INTERVAL = 1024;
    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();

    @Override
    public String name() {
        return NAME;
    }

    /** JVector's version and the vectorization provider it chose, for the sweep's environment. */
    @Override
    public String environmentNote() {
        return "JVector " + version() + "; " + vectorizationDescription();
    }

    /** Which of its vector back ends JVector uses here, e.g. {@code "JVector vectorization: PanamaVectorizationProvider"}. */
    public static String vectorizationDescription() {
        return "JVector vectorization: " + VectorizationProvider.getInstance().getClass().getSimpleName();
    }

    private static String version() {
        try (InputStream in = VectorizationProvider.class.getResourceAsStream(
                "/META-INF/maven/io.github.jbellis/jvector-base/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException unreadable) {
            return "(version unknown)";
        }
    }

    @Override
    public EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress)
            throws InterruptedException {
        float[][] rows = PeerVectors.rows(base, metric);
        List<VectorFloat<?>> vectors = new ArrayList<>(rows.length);
        for (float[] row : rows) {
            vectors.add(VECTORS.createFloatVector(row));
        }
        RandomAccessVectorValues values = new ListRandomAccessVectorValues(vectors, base.dimension());
        VectorSimilarityFunction similarity = similarityOf(metric);
        BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(values, similarity);
        int size = rows.length;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong inserted = new AtomicLong();
        ForkJoinPool workers = new ForkJoinPool(settings.threads());
        // With more than one degree JVector always adds the hierarchy; refineFinalGraph is its default (true).
        try (GraphIndexBuilder builder = GraphIndexBuilder.builder(scores, base.dimension(),
                        List.of(2 * settings.m(), settings.m()))
                .withBeamWidth(settings.efConstruction()).withNeighborOverflow(NEIGHBOR_OVERFLOW).withAlpha(ALPHA)
                .withSimdExecutor(workers).withParallelExecutor(workers).build()) {
            ForkJoinTask<?> insertion = workers.submit(() -> IntStream.range(0, size).parallel().forEach(node -> {
                if (stop.get()) {
                    throw new CancellationException("build interrupted");
                }
                builder.addGraphNode(node, vectors.get(node));
                long done = inserted.incrementAndGet();
                if (done % PROGRESS_INTERVAL == 0) {
                    progress.inserted(done, size);
                }
            }));
            // get(), unlike join(), answers the caller's interrupt; the workers then stop at their next node.
            try {
                insertion.get();
            } catch (InterruptedException interrupted) {
                stop.set(true);
                insertion.quietlyJoin();
                throw new InterruptedException("JVector build interrupted");
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("JVector build failed", failed.getCause());
            }
            builder.cleanup();
            ImmutableGraphIndex graph = builder.getGraph();
            progress.inserted(size, size);
            long vectorBytes = vectors.stream().mapToLong(VectorFloat::ramBytesUsed).sum();
            return new Built(new State(graph, values, similarity, metric, base.dimension(), settings.m(), vectorBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workers.shutdownNow();
        }
    }

    private static VectorSimilarityFunction similarityOf(Metric metric) {
        return switch (metric) {
            case COSINE, INNER_PRODUCT -> VectorSimilarityFunction.DOT_PRODUCT;
            case L2 -> VectorSimilarityFunction.EUCLIDEAN;
        };
    }

    /** This project's distance for a JVector score; the inverse of each similarity's score formula. */
    static float distanceOf(VectorSimilarityFunction similarity, float score) {
        double s = score;
        return (float) switch (similarity) {
            case DOT_PRODUCT -> 2 - 2 * s;
            case EUCLIDEAN -> 1 / s - 1;
            case COSINE -> throw new IllegalArgumentException("cosine is searched as DOT_PRODUCT on unit vectors");
        };
    }

    /** A built graph, no longer changed, searched through pooled {@link GraphSearcher}s. */
    private static final class Built extends PeerIndex<State> {

        Built(State state) {
            super("JVector", state);
        }

        @Override
        public int search(float[] query, int k, int efSearch, int[] ids, float[] distances) {
            State current = openForSearch(k);
            if (current.graph.size(0) == 0) {
                return 0;
            }
            VectorFloat<?> target = VECTORS.createFloatVector(PeerVectors.query(query, current.dimension, current.metric));
            GraphSearcher searcher = current.searchers.poll();
            if (searcher == null) {
                searcher = new GraphSearcher(current.graph);
            }
            try {
                SearchResult result = searcher.search(
                        DefaultSearchScoreProvider.exact(target, current.similarity, current.values), k,
                        Math.max(k, efSearch), Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Bits.ALL);
                SearchResult.NodeScore[] hits = result.getNodes();
                int count = Math.min(k, hits.length);
                for (int i = 0; i < count; i++) {
                    ids[i] = hits[i].node;
                    distances[i] = distanceOf(current.similarity, hits[i].score);
                }
                countWork(result.getVisitedCount(), result.getExpandedCount());
                return count;
            } finally {
                current.searchers.offer(searcher);
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
            return LayeredGraphStatistics.of(new JVectorLayers(current.graph), current.graph.size(0), current.m,
                    current.vectorBytes, current.graph.ramBytesUsed());
        }

        @Override
        public void close() {
            State current = release();
            if (current != null) {
                current.searchers.clear();
            }
        }
    }

    /** What a built index holds; dropped on close. */
    private record State(ImmutableGraphIndex graph, RandomAccessVectorValues values, VectorSimilarityFunction similarity,
                         Metric metric, int dimension, int m, long vectorBytes,
                         ConcurrentLinkedQueue<GraphSearcher> searchers) {

        State(ImmutableGraphIndex graph, RandomAccessVectorValues values, VectorSimilarityFunction similarity,
              Metric metric, int dimension, int m, long vectorBytes) {
            this(graph, values, similarity, metric, dimension, m, vectorBytes, new ConcurrentLinkedQueue<>());
        }
    }

    /** JVector's graph as {@link LayeredGraphStatistics} reads it. */
    private record JVectorLayers(ImmutableGraphIndex graph) implements LayeredGraphStatistics.LayeredGraph {

        @Override
        public int levelCount() {
            return graph.size(0) == 0 ? 0 : graph.getMaxLevel() + 1;
        }

        @Override
        public int nodeBound() {
            return graph.getIdUpperBound();
        }

        @Override
        public int entryNode() {
            try (ImmutableGraphIndex.View view = graph.getView()) {
                return view.entryNode().node;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int capacity(int level) {
            return graph.getDegree(level);
        }

        @Override
        public int[] nodesOn(int level) {
            return drain(graph.getNodes(level));
        }

        @Override
        public int[] neighborsOf(int level, int node) {
            try (ImmutableGraphIndex.View view = graph.getView()) {
                return drain(view.getNeighborsIterator(level, node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int[] drain(NodesIterator nodes) {
            int[] ids = new int[nodes.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = nodes.nextInt();
            }
            return ids;
        }
    }
}
