package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.IntMatrix;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.Recall;
import io.hnswbench.reports.sweep.SweepEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every peer adapter must do, run against each by a subclass: recall against brute force,
 * distances in this project's convention, nearest first, the same answers from 4 threads as from
 * one, graph statistics, work counts, progress, cancellation and close.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PeerEngineContract {

    static final int BASE = 2000;
    static final int QUERIES = 50;
    static final int DIMENSION = 32;
    static final int K = 10;
    static final int EF_SEARCH = 100;
    static final int M = 16;
    static final SweepEngine.BuildSettings SETTINGS = new SweepEngine.BuildSettings(M, 100, 1, 42);
    static final SweepEngine.BuildProgress NO_PROGRESS = (done, total) -> { };

    private final Map<Metric, Fixture> fixtures = new EnumMap<>(Metric.class);

    /** The engine under test. */
    abstract SweepEngine engine();

    /** The recall@10 at efSearch 100 the engine must reach under {@code metric} on the Gaussian data. */
    double recallFloor(Metric metric) {
        return 0.9;
    }

    /** One seeded data set, its ground truth and a built index per metric, shared by the tests. */
    record Fixture(VectorMatrix base, VectorMatrix queries, GroundTruth truth, EngineIndex index) {
    }

    @BeforeAll
    void buildOneIndexPerMetric() throws InterruptedException {
        for (Metric metric : Metric.values()) {
            VectorMatrix[] data = SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.GAUSSIAN, BASE,
                    QUERIES, DIMENSION, 0, 0, 7, metric));
            GroundTruth truth = ExactNeighbors.compute(data[0], data[1], metric, K, 2, ProgressListener.NONE);
            fixtures.put(metric, new Fixture(data[0], data[1], truth,
                    engine().build(data[0], metric, SETTINGS, NO_PROGRESS)));
        }
    }

    @AfterAll
    void closeIndexes() {
        fixtures.values().forEach(fixture -> fixture.index().close());
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void recallAtTenIsAtLeastNinetyPercentAtEfHundred(Metric metric) {
        Fixture fixture = fixtures.get(metric);
        assertRecallAtLeast(recallFloor(metric), fixture, fixture.index(), metric + " recall@10");
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void distancesAreTheExactDistancesOfTheReturnedRowsNearestFirst(Metric metric) {
        Fixture fixture = fixtures.get(metric);
        int[] ids = new int[K];
        float[] distances = new float[K];
        for (int q = 0; q < QUERIES; q++) {
            int count = fixture.index().search(fixture.queries().row(q), K, EF_SEARCH, ids, distances);
            assertEquals(K, count, "query " + q);
            VectorMatrix exact = ExactNeighbors.distancesOf(fixture.base(), fixture.queries().select(new int[] {q}),
                    metric, IntMatrix.wrap(ids.clone(), 1, K));
            for (int i = 0; i < K; i++) {
                float expected = exact.data()[i];
                // Relative, with an absolute floor: inner-product distances 1 − a·b pass through zero.
                assertEquals(expected, distances[i], 1e-4 * Math.max(1e-1, Math.abs(expected)),
                        metric + " query " + q + " rank " + i + " row " + ids[i]);
                if (i > 0) {
                    assertTrue(distances[i - 1] <= distances[i], metric + " query " + q + " not nearest first at " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void fourThreadsGetTheAnswersOfOneThread(Metric metric) throws Exception {
        Fixture fixture = fixtures.get(metric);
        int[][] sequentialIds = new int[QUERIES][K];
        float[][] sequentialDistances = new float[QUERIES][K];
        for (int q = 0; q < QUERIES; q++) {
            fixture.index().search(fixture.queries().row(q), K, EF_SEARCH, sequentialIds[q], sequentialDistances[q]);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> passes = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 13;
                passes.add(threads.submit(() -> {
                    int[] ids = new int[K];
                    float[] distances = new float[K];
                    // Each thread walks the queries from a different start, several times over.
                    for (int i = 0; i < 5 * QUERIES; i++) {
                        int q = (offset + i) % QUERIES;
                        fixture.index().search(fixture.queries().row(q), K, EF_SEARCH, ids, distances);
                        assertArrayEquals(sequentialIds[q], ids, "query " + q);
                        assertArrayEquals(sequentialDistances[q], distances, "query " + q);
                    }
                    return null;
                }));
            }
            for (Future<Void> pass : passes) {
                pass.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSmallerKReturnsThePrefixOfTheWiderSearch() {
        Fixture fixture = fixtures.get(Metric.L2);
        int[] ten = new int[K];
        float[] tenDistances = new float[K];
        int[] three = new int[3];
        float[] threeDistances = new float[3];
        float[] query = fixture.queries().row(0);
        fixture.index().search(query, K, EF_SEARCH, ten, tenDistances);
        assertEquals(3, fixture.index().search(query, 3, EF_SEARCH, three, threeDistances));
        assertArrayEquals(new int[] {ten[0], ten[1], ten[2]}, three);
    }

    @Test
    void efSearchBelowKStillReturnsK() {
        Fixture fixture = fixtures.get(Metric.L2);
        assertEquals(K, fixture.index().search(fixture.queries().row(1), K, 1, new int[K], new float[K]));
    }

    @Test
    void parallelBuildReachesTheSameRecall() throws InterruptedException {
        Fixture fixture = fixtures.get(Metric.COSINE);
        try (EngineIndex index = engine().build(fixture.base(), Metric.COSINE,
                new SweepEngine.BuildSettings(M, 100, 2, 42), NO_PROGRESS)) {
            assertRecallAtLeast(0.9, fixture, index, "two-thread build");
        }
    }

    @Test
    void statisticsDescribeTheLayeredGraph() {
        EngineIndex index = fixtures.get(Metric.L2).index();
        GraphStatistics statistics = index.statistics();
        assertNotNull(statistics);
        assertEquals(BASE, statistics.size());
        assertEquals(M, statistics.m());
        assertEquals(statistics.levels().size() - 1, statistics.entryPointLevel());
        assertTrue(statistics.levels().size() >= 2, "a hierarchy over 2,000 nodes");
        GraphStatistics.Level bottom = statistics.levels().getFirst();
        assertEquals(BASE, bottom.nodes());
        // Lucene's HNSW leaves a few nodes without in-links (its reconnection is best effort).
        assertTrue(bottom.unreachableNodes() <= BASE / 100, bottom.unreachableNodes() + " unreachable on level 0");
        assertTrue(bottom.maxDegree() <= 2 * M, "level 0 keeps at most 2·M links, got " + bottom.maxDegree());
        int previousNodes = BASE;
        for (GraphStatistics.Level level : statistics.levels()) {
            assertTrue(level.nodes() <= previousNodes && level.nodes() >= 1, "level " + level.level());
            assertEquals(level.nodes(), Arrays.stream(level.degreeHistogram()).sum());
            assertTrue(level.level() == 0 || level.maxDegree() <= M, "upper levels keep at most M links");
            previousNodes = level.nodes();
        }
        assertEquals(statistics.vectorBytes() + statistics.linkBytes() + statistics.otherBytes(), index.bytes());
        assertTrue(statistics.vectorBytes() >= (long) BASE * DIMENSION * Float.BYTES);
        assertTrue(statistics.linkBytes() >= bottom.edges() * Integer.BYTES);
    }

    @Test
    void workCountsGrowWithEverySearch() {
        Fixture fixture = fixtures.get(Metric.COSINE);
        EngineIndex.Work before = fixture.index().work();
        fixture.index().search(fixture.queries().row(2), K, EF_SEARCH, new int[K], new float[K]);
        EngineIndex.Work after = fixture.index().work();
        assertTrue(after.distanceComputations() - before.distanceComputations() >= EF_SEARCH,
                "at least efSearch vectors scored: " + before + " -> " + after);
        assertTrue(after.hops() - before.hops() >= 1, "at least one node expanded: " + before + " -> " + after);
    }

    @Test
    void progressEndsAtTheTotal() throws InterruptedException {
        Fixture fixture = fixtures.get(Metric.L2);
        AtomicLong lastDone = new AtomicLong();
        AtomicLong lastTotal = new AtomicLong();
        engine().build(fixture.base(), Metric.L2, SETTINGS, (done, total) -> {
            assertTrue(done <= total, done + " of " + total);
            lastDone.set(done);
            lastTotal.set(total);
        }).close();
        assertEquals(BASE, lastDone.get());
        assertEquals(BASE, lastTotal.get());
    }

    @Test
    void anInterruptedBuildThrowsInterruptedException() {
        Fixture fixture = fixtures.get(Metric.L2);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class,
                    () -> engine().build(fixture.base(), Metric.L2, SETTINGS, NO_PROGRESS).close());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aClosedIndexRefusesSearchesAndCanBeClosedAgain() throws InterruptedException {
        Fixture fixture = fixtures.get(Metric.L2);
        EngineIndex index = engine().build(fixture.base().head(300), Metric.L2, SETTINGS, NO_PROGRESS);
        assertEquals(K, index.search(fixture.queries().row(0), K, EF_SEARCH, new int[K], new float[K]));
        index.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> index.search(fixture.queries().row(0), K, EF_SEARCH, new int[K], new float[K]));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(IllegalStateException.class, index::bytes);
        index.close();
    }

    @Test
    void wrongDimensionsAndZeroCosineVectorsAreRejected() {
        Fixture fixture = fixtures.get(Metric.COSINE);
        assertThrows(IllegalArgumentException.class,
                () -> fixture.index().search(new float[DIMENSION + 1], K, EF_SEARCH, new int[K], new float[K]));
        assertThrows(IllegalArgumentException.class,
                () -> fixture.index().search(new float[DIMENSION], K, EF_SEARCH, new int[K], new float[K]));
        VectorMatrix withZero = VectorMatrix.of(new float[] {1, 0}, new float[] {0, 0});
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> engine().build(withZero, Metric.COSINE, SETTINGS, NO_PROGRESS));
        assertTrue(zero.getMessage().contains("base vector 1"), zero.getMessage());
    }

    @Test
    void environmentNoteNamesTheVectorization() {
        String note = engine().environmentNote();
        assertNotNull(note);
        assertTrue(note.contains("vectorization"), note);
        assertFalse(note.isBlank());
    }

    static void assertRecallAtLeast(double floor, Fixture fixture, EngineIndex index, String what) {
        int[] ids = new int[K];
        float[] distances = new float[K];
        double sum = 0;
        for (int q = 0; q < QUERIES; q++) {
            int count = index.search(fixture.queries().row(q), K, EF_SEARCH, ids, distances);
            sum += Recall.of(ids, distances, count, fixture.truth(), q, K);
        }
        double recall = sum / QUERIES;
        assertTrue(recall >= floor, what + " is " + recall);
    }
}
