package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.SweepEngine;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExactEngineTest {

    private static final SweepEngine.BuildSettings SETTINGS = new SweepEngine.BuildSettings(16, 100, 1, 42);
    private static final SweepEngine.BuildProgress NO_PROGRESS = (done, total) -> { };
    private static final int K = 10;

    @ParameterizedTest
    @EnumSource(Metric.class)
    void returnsTheIdsAndDistancesOfTheGroundTruth(Metric metric) throws InterruptedException {
        VectorMatrix[] data = SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.GAUSSIAN, 2000, 100, 32,
                0, 0, 7, metric));
        GroundTruth truth = ExactNeighbors.compute(data[0], data[1], metric, K, 2, ProgressListener.NONE);
        try (EngineIndex index = new ExactEngine().build(data[0], metric, SETTINGS, NO_PROGRESS)) {
            int[] ids = new int[K];
            float[] distances = new float[K];
            for (int q = 0; q < data[1].rows(); q++) {
                // efSearch is ignored: 1 must still give the exact answer.
                assertEquals(K, index.search(data[1].row(q), K, 1, ids, distances));
                assertArrayEquals(truth.ids().row(q), ids, "query " + q);
                float[] expected = truth.distances().orElseThrow().row(q);
                for (int i = 0; i < K; i++) {
                    assertEquals(expected[i], distances[i], 1e-5 * Math.max(1, Math.abs(expected[i])),
                            "query " + q + " rank " + i);
                }
            }
        }
    }

    @Test
    void equalDistancesAreOrderedByTheLowerRow() throws InterruptedException {
        float[] near = {1, 0};
        float[] far = {0, 3};
        VectorMatrix base = VectorMatrix.of(far, near, far, near, near);
        try (EngineIndex index = new ExactEngine().build(base, Metric.L2, SETTINGS, NO_PROGRESS)) {
            int[] ids = new int[5];
            float[] distances = new float[5];
            assertEquals(5, index.search(new float[] {1, 0}, 5, 10, ids, distances));
            assertArrayEquals(new int[] {1, 3, 4, 0, 2}, ids);
            assertArrayEquals(new float[] {0, 0, 0, 10, 10}, distances);
            // The ties at the cut keep the lower rows.
            assertEquals(2, index.search(new float[] {0, 3}, 2, 10, ids, distances));
            assertArrayEquals(new int[] {0, 2}, Arrays.copyOf(ids, 2));
        }
    }

    @Test
    void distancesFollowTheEngineConventions() throws InterruptedException {
        VectorMatrix base = VectorMatrix.of(new float[] {2, 0}, new float[] {0, 0.5f});
        float[] query = {0.6f, 0.8f};
        int[] ids = new int[2];
        float[] distances = new float[2];
        try (EngineIndex cosine = new ExactEngine().build(base, Metric.COSINE, SETTINGS, NO_PROGRESS);
             EngineIndex l2 = new ExactEngine().build(base, Metric.L2, SETTINGS, NO_PROGRESS);
             EngineIndex innerProduct = new ExactEngine().build(base, Metric.INNER_PRODUCT, SETTINGS, NO_PROGRESS)) {
            cosine.search(query, 2, 0, ids, distances);
            assertArrayEquals(new int[] {1, 0}, ids);
            assertArrayEquals(new float[] {1 - 0.8f, 1 - 0.6f}, distances, 1e-6f);
            l2.search(query, 2, 0, ids, distances);
            assertArrayEquals(new int[] {1, 0}, ids);
            assertArrayEquals(new float[] {0.36f + 0.09f, 1.96f + 0.64f}, distances, 1e-6f);
            innerProduct.search(query, 2, 0, ids, distances);
            assertArrayEquals(new int[] {0, 1}, ids);
            assertArrayEquals(new float[] {1 - 1.2f, 1 - 0.4f}, distances, 1e-6f);
        }
    }

    @Test
    void cosineNormalisesACopyAndLeavesTheBaseAlone() throws InterruptedException {
        float[] data = {3, 4, 0, 2};
        VectorMatrix base = VectorMatrix.wrap(data, 2, 2);
        try (EngineIndex index = new ExactEngine().build(base, Metric.COSINE, SETTINGS, NO_PROGRESS)) {
            assertArrayEquals(new float[] {3, 4, 0, 2}, data);
            float[] distances = new float[2];
            index.search(new float[] {6, 8}, 2, 10, new int[2], distances);
            assertArrayEquals(new float[] {0, 1 - 0.8f}, distances, 1e-6f);
        }
    }

    @Test
    void kAboveTheBaseCountReturnsEveryRow() throws InterruptedException {
        VectorMatrix base = VectorMatrix.of(new float[] {1, 1}, new float[] {2, 2}, new float[] {0, 1});
        try (EngineIndex index = new ExactEngine().build(base, Metric.L2, SETTINGS, NO_PROGRESS)) {
            int[] ids = new int[10];
            float[] distances = new float[10];
            assertEquals(3, index.search(new float[] {0, 0}, 10, 10, ids, distances));
            assertArrayEquals(new int[] {2, 0, 1}, Arrays.copyOf(ids, 3));
        }
    }

    @Test
    void workCountsEveryBaseVectorPerQueryAndNoHops() throws InterruptedException {
        VectorMatrix base = SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.UNIFORM, 300, 1, 8, 0, 0,
                3, Metric.L2))[0];
        try (EngineIndex index = new ExactEngine().build(base, Metric.L2, SETTINGS, NO_PROGRESS)) {
            assertEquals(new EngineIndex.Work(0, 0), index.work());
            for (int q = 0; q < 4; q++) {
                index.search(base.row(q), 5, 10, new int[5], new float[5]);
            }
            assertEquals(new EngineIndex.Work(4 * 300, 0), index.work());
            assertEquals(300L * 8 * Float.BYTES, index.bytes());
            assertNull(index.statistics());
        }
    }

    @Test
    void buildReportsEveryRowInserted() throws InterruptedException {
        VectorMatrix base = SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.UNIFORM, 5000, 1, 4, 0, 0,
                3, Metric.COSINE))[0];
        long[] last = new long[2];
        new ExactEngine().build(base, Metric.COSINE, SETTINGS, (done, total) -> {
            last[0] = done;
            last[1] = total;
        }).close();
        assertArrayEquals(new long[] {5000, 5000}, last);
    }

    @Test
    void zeroVectorsUnderCosineAreRejectedWithTheirRow() throws InterruptedException {
        VectorMatrix withZero = VectorMatrix.of(new float[] {1, 0}, new float[] {0, 0});
        IllegalArgumentException atBuild = assertThrows(IllegalArgumentException.class,
                () -> new ExactEngine().build(withZero, Metric.COSINE, SETTINGS, NO_PROGRESS));
        assertTrue(atBuild.getMessage().contains("base vector 1 is the zero vector"), atBuild.getMessage());
        try (EngineIndex index = new ExactEngine().build(VectorMatrix.of(new float[] {1, 0}), Metric.COSINE, SETTINGS,
                NO_PROGRESS)) {
            IllegalArgumentException atSearch = assertThrows(IllegalArgumentException.class,
                    () -> index.search(new float[] {0, 0}, 1, 10, new int[1], new float[1]));
            assertTrue(atSearch.getMessage().contains("query is the zero vector"), atSearch.getMessage());
        }
    }

    @Test
    void aQueryOfAnotherDimensionIsRejected() throws InterruptedException {
        try (EngineIndex index = new ExactEngine().build(VectorMatrix.of(new float[] {1, 0}), Metric.L2, SETTINGS,
                NO_PROGRESS)) {
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> index.search(new float[] {1, 0, 0}, 1, 10, new int[1], new float[1]));
            assertEquals("query has dimension 3 but the index has dimension 2", wrong.getMessage());
        }
    }
}
