package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.engine.Metric;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExactNeighborsTest {

    @Test
    void tiesAreBrokenByLowerIdUnderL2() throws InterruptedException {
        VectorMatrix base = VectorMatrix.of(
                new float[] {5, 5}, new float[] {1, 0}, new float[] {9, 9}, new float[] {0, 1},
                new float[] {1, 0}, new float[] {0, -1}, new float[] {2, 2});
        VectorMatrix query = VectorMatrix.of(new float[] {0, 0});

        GroundTruth truth = ExactNeighbors.compute(base, query, Metric.L2, 5, 1, ProgressListener.NONE);

        // Rows 1, 3, 4 and 5 are all at squared distance 1; row 6 at 8.
        assertArrayEquals(new int[] {1, 3, 4, 5, 6}, truth.ids().row(0));
        assertArrayEquals(new float[] {1, 1, 1, 1, 8}, truth.distances().orElseThrow().row(0));
    }

    @Test
    void tiesAreBrokenByLowerIdUnderCosine() throws InterruptedException {
        VectorMatrix base = VectorMatrix.of(
                new float[] {5, 5}, new float[] {2, 0}, new float[] {5, 5}, new float[] {0, 3},
                new float[] {7, 0}, new float[] {5, 5});
        VectorMatrix query = VectorMatrix.of(new float[] {1, 0});

        GroundTruth truth = ExactNeighbors.compute(base, query, Metric.COSINE, 6, 1, ProgressListener.NONE);

        // Same direction as the query: 1 and 4 (cosine exactly 1 in double too); the same vector at 45
        // degrees: 0, 2 and 5 (not (1, 1) and (9, 9): their cosines differ in the last bit); at 90 degrees: 3.
        assertArrayEquals(new int[] {1, 4, 0, 2, 5, 3}, truth.ids().row(0));
    }

    @Test
    void tiesAmongMoreVectorsThanThePoolHoldsKeepTheLowestIds() throws InterruptedException {
        // 500 copies of one vector among 500 farther ones: every pool the search starts with is full of
        // exact ties, so it must widen its pool until nothing outside can be nearer.
        float[][] vectors = new float[1000][];
        for (int row = 0; row < vectors.length; row++) {
            vectors[row] = row % 2 == 1 ? new float[] {1, 2, 3} : new float[] {10 + row, 2, 3};
        }
        VectorMatrix query = VectorMatrix.of(new float[] {1, 2, 3.5f});

        GroundTruth truth = ExactNeighbors.compute(VectorMatrix.of(vectors), query, Metric.L2, 40, 1,
                ProgressListener.NONE);

        int[] expected = new int[40];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 2 * i + 1;
        }
        assertArrayEquals(expected, truth.ids().row(0));
    }

    @Test
    void kLargerThanTheBaseSetGivesEveryBaseVectorInOrder() throws InterruptedException {
        VectorMatrix base = VectorMatrix.of(new float[] {4}, new float[] {1}, new float[] {3}, new float[] {2});
        VectorMatrix queries = VectorMatrix.of(new float[] {0}, new float[] {5});

        GroundTruth truth = ExactNeighbors.compute(base, queries, Metric.L2, 10, 2, ProgressListener.NONE);

        assertEquals(4, truth.k(), "as many neighbours as there are base vectors");
        assertArrayEquals(new int[] {1, 3, 2, 0}, truth.ids().row(0));
        assertArrayEquals(new int[] {0, 2, 3, 1}, truth.ids().row(1));
        assertArrayEquals(new float[] {1, 4, 9, 16}, truth.distances().orElseThrow().row(0));
    }

    @Test
    void eachMetricOrdersByItsOwnDistance() throws InterruptedException {
        VectorMatrix base = VectorMatrix.of(new float[] {1, 0}, new float[] {3, 0}, new float[] {0, 5},
                new float[] {-1, 0});
        VectorMatrix query = VectorMatrix.of(new float[] {1, 0});

        // L2: 0, 4, 26, 4. Cosine: 0, 0, 1, 2. Inner product 1 - a.b: 0, -2, 1, 2.
        assertArrayEquals(new int[] {0, 1, 3, 2}, nearest(base, query, Metric.L2));
        assertArrayEquals(new int[] {0, 1, 2, 3}, nearest(base, query, Metric.COSINE));
        assertArrayEquals(new int[] {1, 0, 2, 3}, nearest(base, query, Metric.INNER_PRODUCT));
        assertArrayEquals(new float[] {-2, 0, 1, 2}, ExactNeighbors.compute(base, query, Metric.INNER_PRODUCT, 4, 1,
                ProgressListener.NONE).distances().orElseThrow().row(0));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void matchesAPlainDoubleBruteForceIncludingNearDuplicates(Metric metric) throws InterruptedException {
        VectorMatrix base = withNearDuplicates(Fixtures.gaussianMatrix(7, 400, 24));
        // Queries: fresh vectors, plus exact copies of base rows that have nudged twins in the base set.
        VectorMatrix fresh = Fixtures.gaussianMatrix(8, 30, 24);
        float[] queryData = new float[40 * 24];
        System.arraycopy(fresh.data(), 0, queryData, 0, fresh.data().length);
        for (int i = 0; i < 10; i++) {
            System.arraycopy(base.data(), base.offset(i * 7), queryData, (30 + i) * 24, 24);
        }
        VectorMatrix queries = VectorMatrix.wrap(queryData, 40, 24);

        GroundTruth truth = ExactNeighbors.compute(base, queries, metric, 20, 2, ProgressListener.NONE);

        int[][] expected = BruteForce.neighbors(base, queries, metric, 20);
        assertArrayEquals(expected, BruteForce.rows(truth.ids()));
        VectorMatrix distances = truth.distances().orElseThrow();
        for (int q = 0; q < queries.rows(); q++) {
            for (int rank = 0; rank < 20; rank++) {
                double exact = BruteForce.distance(metric, queries.row(q), base.row(expected[q][rank]));
                assertEquals(exact, distances.data()[q * 20 + rank], 1e-6 * Math.max(1, Math.abs(exact)),
                        "query " + q + " rank " + rank);
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameGroundTruth() throws InterruptedException {
        VectorMatrix base = Fixtures.gaussianMatrix(3, 2000, 16);
        VectorMatrix queries = Fixtures.gaussianMatrix(4, 101, 16);

        GroundTruth one = ExactNeighbors.compute(base, queries, Metric.COSINE, 30, 1, ProgressListener.NONE);
        GroundTruth two = ExactNeighbors.compute(base, queries, Metric.COSINE, 30, 2, ProgressListener.NONE);

        assertArrayEquals(one.ids().data(), two.ids().data());
        assertArrayEquals(one.distances().orElseThrow().data(), two.distances().orElseThrow().data());
    }

    @Test
    void progressCountsEveryQueryOnce() throws InterruptedException {
        AtomicLong largestDone = new AtomicLong();
        AtomicLong updates = new AtomicLong();
        ProgressListener listener = (stage, done, total) -> {
            assertEquals(101, total);
            largestDone.accumulateAndGet(done, Math::max);
            updates.incrementAndGet();
        };

        ExactNeighbors.compute(Fixtures.gaussianMatrix(1, 50, 3), Fixtures.gaussianMatrix(2, 101, 3), Metric.L2, 5, 2,
                listener);

        assertEquals(101, largestDone.get());
        assertTrue(updates.get() >= 2, "progress comes in several steps, got " + updates.get());
    }

    @Test
    void distancesOfGivenNeighborsAreTheEngineDistances() throws InterruptedException {
        VectorMatrix base = Fixtures.gaussianMatrix(5, 300, 10);
        VectorMatrix queries = Fixtures.gaussianMatrix(6, 12, 10);
        for (Metric metric : Metric.values()) {
            GroundTruth truth = ExactNeighbors.compute(base, queries, metric, 15, 1, ProgressListener.NONE);

            VectorMatrix recomputed = ExactNeighbors.distancesOf(base, queries, metric, truth.ids());

            assertArrayEquals(truth.distances().orElseThrow().data(), recomputed.data(), metric.name());
        }
    }

    @Test
    void refusesInputsWithoutAnAnswer() {
        VectorMatrix base = VectorMatrix.of(new float[] {1, 2}, new float[] {0, 0});
        VectorMatrix query = VectorMatrix.of(new float[] {1, 1});

        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ExactNeighbors.compute(base, query, Metric.COSINE, 1, 1, ProgressListener.NONE));
        assertTrue(zero.getMessage().contains("base vector 1 is the zero vector"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ExactNeighbors.compute(base, query, Metric.L2, 0, 1, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> ExactNeighbors.compute(base,
                VectorMatrix.of(new float[] {1, 2, 3}), Metric.L2, 1, 1, ProgressListener.NONE));
    }

    private static int[] nearest(VectorMatrix base, VectorMatrix query, Metric metric) throws InterruptedException {
        return ExactNeighbors.compute(base, query, metric, base.rows(), 1, ProgressListener.NONE).ids().row(0);
    }

    /**
     * Rows 100..199 become copies of rows 0..99 with one component moved by one ulp (distances that
     * tie in float but not in double), rows 200..209 exact copies of rows 0..9 (ties in double too).
     */
    private static VectorMatrix withNearDuplicates(VectorMatrix random) {
        float[] data = random.data().clone();
        int dimension = random.dimension();
        for (int row = 0; row < 100; row++) {
            System.arraycopy(data, row * dimension, data, (100 + row) * dimension, dimension);
            int component = (100 + row) * dimension + row % dimension;
            data[component] = Math.nextUp(data[component]);
        }
        for (int row = 0; row < 10; row++) {
            System.arraycopy(data, row * dimension, data, (200 + row) * dimension, dimension);
        }
        return VectorMatrix.wrap(data, random.rows(), dimension);
    }
}
