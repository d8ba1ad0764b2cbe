package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.IntMatrix;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.sweep.BatchSearchable;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.SweepEngine;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real hnswlib through Debian's python3-hnswlib; skipped where it is not installed. */
class HnswlibEngineTest {

    private static final int K = 10;
    private static final int EF_SEARCH = 100;
    private static final int BASE = 2000;
    private static final int DIMENSION = 32;
    private static final int QUERIES = 100;
    private static final SweepEngine.BuildSettings SETTINGS = new SweepEngine.BuildSettings(16, 100, 2, 42);
    private static final SweepEngine.BuildProgress NO_PROGRESS = (done, total) -> { };

    @BeforeAll
    static void hnswlibIsInstalled() {
        Optional<String> unavailable = HnswlibEngine.availability();
        assumeTrue(unavailable.isEmpty(), unavailable::orElseThrow);
    }

    private static VectorMatrix[] randomData(Metric metric) {
        return SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.UNIFORM, BASE, QUERIES, DIMENSION, 0,
                0, 11, metric));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void findsNearlyAllTrueNeighboursWithExactDistancesOfTheRowsItReturns(Metric metric) throws InterruptedException {
        VectorMatrix[] data = randomData(metric);
        GroundTruth truth = ExactNeighbors.compute(data[0], data[1], metric, K, 2, ProgressListener.NONE);
        try (HnswlibIndex index = (HnswlibIndex) new HnswlibEngine().build(data[0], metric, SETTINGS, NO_PROGRESS)) {
            BatchSearchable.BatchResult batch = index.searchAll(data[1], K, EF_SEARCH);
            int hits = 0;
            int[] found = new int[QUERIES * K];
            for (int q = 0; q < QUERIES; q++) {
                assertEquals(K, batch.counts()[q]);
                int[] expected = truth.ids().row(q);
                for (int id : batch.ids()[q]) {
                    hits += Arrays.stream(expected).anyMatch(e -> e == id) ? 1 : 0;
                }
                System.arraycopy(batch.ids()[q], 0, found, q * K, K);
            }
            double recall = (double) hits / (QUERIES * K);
            assertTrue(recall >= 0.9, metric + " recall@10 at ef=100 is " + recall);

            VectorMatrix exact = ExactNeighbors.distancesOf(data[0], data[1], metric, IntMatrix.wrap(found, QUERIES, K));
            for (int q = 0; q < QUERIES; q++) {
                for (int i = 0; i < K; i++) {
                    float expected = exact.data()[q * K + i];
                    // Relative, with distance 1 as the floor: inner-product distances pass through 0.
                    assertEquals(expected, batch.distances()[q][i], 1e-4 * Math.max(1, Math.abs(expected)),
                            metric + " query " + q + " rank " + i);
                }
            }
        }
    }

    @Test
    void batchSearchReturnsWhatSearchingOneQueryAtATimeReturns() throws InterruptedException {
        VectorMatrix[] data = randomData(Metric.L2);
        try (HnswlibIndex index = (HnswlibIndex) new HnswlibEngine().build(data[0], Metric.L2, SETTINGS, NO_PROGRESS)) {
            BatchSearchable.BatchResult batch = index.searchAll(data[1], K, 40);
            int[] ids = new int[K];
            float[] distances = new float[K];
            for (int q = 0; q < QUERIES; q++) {
                assertEquals(K, index.search(data[1].row(q), K, 40, ids, distances));
                assertArrayEquals(batch.ids()[q], ids, "query " + q);
                assertArrayEquals(batch.distances()[q], distances, "query " + q);
            }
            long latencySum = 0;
            for (long latency : batch.latencyNanos()) {
                assertTrue(latency > 0, "latency " + latency);
                latencySum += latency;
            }
            // Each query's interval lies inside the pass, one after another.
            assertTrue(batch.elapsedNanos() >= latencySum, batch.elapsedNanos() + " < " + latencySum);
        }
    }

    @Test
    void aNewQuerySetReplacesTheStoredOne() throws InterruptedException {
        VectorMatrix[] data = randomData(Metric.COSINE);
        try (HnswlibIndex index = (HnswlibIndex) new HnswlibEngine().build(data[0], Metric.COSINE, SETTINGS,
                NO_PROGRESS)) {
            BatchSearchable.BatchResult all = index.searchAll(data[1], K, EF_SEARCH);
            BatchSearchable.BatchResult again = index.searchAll(data[1], K, EF_SEARCH);
            BatchSearchable.BatchResult some = index.searchAll(data[1].select(new int[] {7, 3}), 5, EF_SEARCH);
            assertArrayEquals(all.ids(), again.ids());
            assertEquals(2, some.counts().length);
            assertArrayEquals(Arrays.copyOf(all.ids()[7], 5), some.ids()[0]);
            assertArrayEquals(Arrays.copyOf(all.ids()[3], 5), some.ids()[1]);
        }
    }

    @Test
    void oneThreadWithOneSeedBuildsTheSameGraphTwice() throws InterruptedException {
        VectorMatrix[] data = randomData(Metric.L2);
        SweepEngine.BuildSettings oneThread = new SweepEngine.BuildSettings(8, 40, 1, 5);
        try (HnswlibIndex first = (HnswlibIndex) new HnswlibEngine().build(data[0], Metric.L2, oneThread, NO_PROGRESS);
             HnswlibIndex second = (HnswlibIndex) new HnswlibEngine().build(data[0], Metric.L2, oneThread,
                     NO_PROGRESS)) {
            assertArrayEquals(first.searchAll(data[1], K, 10).ids(), second.searchAll(data[1], K, 10).ids());
            // The bytes are the worker's malloc heap, which also holds the Python interpreter's own
            // small objects: two builds of one graph were seen to differ by 976 of 3.2 million bytes.
            assertEquals(first.bytes(), second.bytes(), first.bytes() * 0.001);
        }
    }

    @Test
    void bytesAreTheHeapTheIndexHoldsBeyondItsSavedFile() throws InterruptedException {
        VectorMatrix[] data = randomData(Metric.L2);
        try (HnswlibIndex index = (HnswlibIndex) new HnswlibEngine().build(data[0], Metric.L2, SETTINGS, NO_PROGRESS)) {
            // Per vector on level 0: a link count, 2·M links, the vector and an 8-byte label.
            long levelZero = (long) BASE * (Integer.BYTES + 2 * SETTINGS.m() * Integer.BYTES
                    + DIMENSION * Float.BYTES + Long.BYTES);
            long saved = index.savedIndexBytes();
            assertTrue(saved >= levelZero && saved < 2 * levelZero, saved + " bytes saved, level 0 alone " + levelZero);
            // In memory hnswlib also holds its label map, a mutex per vector and a table of label mutexes.
            long bytes = index.bytes();
            assertTrue(bytes > saved, bytes + " bytes in memory, " + saved + " in the file");
            assertTrue(bytes < saved + (16L << 20), bytes + " bytes in memory is more than the index can hold");
            assertNull(index.statistics());
            assertNull(index.work());
        }
    }

    @Test
    void buildReportsProgressUpToEveryRow() throws InterruptedException {
        VectorMatrix[] data = randomData(Metric.L2);
        AtomicLong lastDone = new AtomicLong();
        AtomicLong lastTotal = new AtomicLong();
        new HnswlibEngine().build(data[0], Metric.L2, SETTINGS, (done, total) -> {
            assertTrue(done >= lastDone.get(), "progress went back");
            lastDone.set(done);
            lastTotal.set(total);
        }).close();
        assertEquals(BASE, lastDone.get());
        assertEquals(BASE, lastTotal.get());
    }

    @Test
    void kAboveTheIndexSizeReturnsEveryRow() throws InterruptedException {
        VectorMatrix base = VectorMatrix.of(new float[] {0, 0}, new float[] {3, 0}, new float[] {1, 0});
        try (HnswlibIndex index = (HnswlibIndex) new HnswlibEngine().build(base, Metric.L2, SETTINGS, NO_PROGRESS)) {
            int[] ids = new int[K];
            float[] distances = new float[K];
            assertEquals(3, index.search(new float[] {0.1f, 0}, K, EF_SEARCH, ids, distances));
            assertArrayEquals(new int[] {0, 2, 1}, Arrays.copyOf(ids, 3));
            assertArrayEquals(new float[] {0.01f, 0.81f, 8.41f}, Arrays.copyOf(distances, 3), 1e-5f);
            assertEquals(3, index.searchAll(VectorMatrix.of(new float[] {0.1f, 0}), K, EF_SEARCH).counts()[0]);
        }
    }

    @Test
    void aQueryOfAnotherDimensionIsRejectedBeforeReachingPython() throws InterruptedException {
        try (HnswlibIndex index = (HnswlibIndex) new HnswlibEngine().build(VectorMatrix.of(new float[] {1, 0}),
                Metric.L2, SETTINGS, NO_PROGRESS)) {
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> index.search(new float[] {1, 0, 0}, 1, 10, new int[1], new float[1]));
            assertEquals("query has dimension 3 but the index has dimension 2", wrong.getMessage());
            assertEquals(1, index.search(new float[] {1, 0}, 1, 10, new int[1], new float[1]));
        }
    }

    @Test
    void theEnvironmentNoteNamesTheVersionsOnceABuildHasRun() throws InterruptedException {
        HnswlibEngine engine = new HnswlibEngine();
        assertNull(engine.environmentNote());
        engine.build(VectorMatrix.of(new float[] {1, 0}), Metric.L2, SETTINGS, NO_PROGRESS).close();
        assertTrue(engine.environmentNote().matches("hnswlib \\S+ \\(Python binding\\) on Python 3\\..*"),
                engine.environmentNote());
    }

    @Test
    void closeEndsTheWorkerProcess() throws Exception {
        HnswlibIndex index = (HnswlibIndex) new HnswlibEngine().build(randomData(Metric.L2)[0], Metric.L2, SETTINGS,
                NO_PROGRESS);
        ProcessHandle process = index.process();
        assertTrue(process.isAlive());
        assertTrue(index.versions().startsWith("hnswlib 0.6"), index.versions());
        index.close();
        process.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(process.isAlive());
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> index.search(new float[DIMENSION], 1, 10, new int[1], new float[1]));
        assertTrue(closed.getMessage().contains("the index was closed"), closed.getMessage());
    }
}
