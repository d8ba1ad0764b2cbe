package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.SyntheticData.Kind;
import io.hnswbench.datasets.SyntheticData.Spec;
import io.hnswbench.engine.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticDataTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sameSpecAndSeedGiveIdenticalVectors(Kind kind) {
        Spec spec = new Spec(kind, 500, 50, 12, 6, 0.1, 42, Metric.L2);

        VectorMatrix[] first = SyntheticData.generate(spec);
        VectorMatrix[] second = SyntheticData.generate(spec);

        assertEquals(500, first[0].rows());
        assertEquals(50, first[1].rows());
        assertEquals(12, first[0].dimension());
        assertArrayEquals(first[0].data(), second[0].data());
        assertArrayEquals(first[1].data(), second[1].data());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void differentSeedGivesDifferentVectors(Kind kind) {
        VectorMatrix[] one = SyntheticData.generate(new Spec(kind, 200, 20, 8, 4, 0.1, 1, Metric.L2));
        VectorMatrix[] two = SyntheticData.generate(new Spec(kind, 200, 20, 8, 4, 0.1, 2, Metric.L2));

        assertFalse(Arrays.equals(one[0].data(), two[0].data()));
        assertFalse(Arrays.equals(one[1].data(), two[1].data()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void queriesDoNotDependOnTheBaseCount(Kind kind) {
        VectorMatrix[] small = SyntheticData.generate(new Spec(kind, 100, 30, 8, 4, 0.1, 9, Metric.COSINE));
        VectorMatrix[] large = SyntheticData.generate(new Spec(kind, 3000, 30, 8, 4, 0.1, 9, Metric.COSINE));

        assertArrayEquals(small[1].data(), large[1].data());
        assertArrayEquals(small[0].data(), large[0].head(100).data(), "a larger set extends the smaller one");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void queriesAreNotCopiesOfBaseVectors(Kind kind) {
        VectorMatrix[] vectors = SyntheticData.generate(new Spec(kind, 300, 30, 8, 4, 0.1, 3, Metric.L2));

        for (int q = 0; q < 30; q++) {
            for (int row = 0; row < 300; row++) {
                assertFalse(Arrays.equals(vectors[1].row(q), vectors[0].row(row)), "query " + q + " = base " + row);
            }
        }
    }

    @Test
    void clustersReallyCluster() {
        int clusters = 5;
        int dimension = 16;
        double spread = 0.05;
        VectorMatrix base = SyntheticData.generate(new Spec(Kind.CLUSTERS, 1000, 10, dimension, clusters, spread, 7,
                Metric.L2))[0];

        // Group by linking vectors closer than 1 (within a cluster the typical distance is
        // spread * sqrt(2 * dimension) = 0.28; centres uniform in [-1, 1)^16 are about 3.3 apart).
        int[] group = groupsWithin(base, 1.0);
        int groups = Arrays.stream(group).max().orElseThrow() + 1;
        assertEquals(clusters, groups, "one group per cluster");

        float[][] centres = means(base, group, groups);
        double meanToOwnCentre = 0;
        for (int row = 0; row < base.rows(); row++) {
            meanToOwnCentre += Math.sqrt(BruteForce.distance(Metric.L2, base.row(row), centres[group[row]]));
        }
        meanToOwnCentre /= base.rows();
        double closestCentres = Double.MAX_VALUE;
        for (int a = 0; a < groups; a++) {
            for (int b = a + 1; b < groups; b++) {
                double apart = Math.sqrt(BruteForce.distance(Metric.L2, centres[a], centres[b]));
                closestCentres = Math.min(closestCentres, apart);
            }
        }
        assertTrue(meanToOwnCentre < 0.1 * closestCentres, "mean distance to own centre " + meanToOwnCentre
                + ", closest two centres " + closestCentres);
        // Normal noise of standard deviation `spread` per component: about spread * sqrt(dimension) from the centre.
        assertEquals(spread * Math.sqrt(dimension), meanToOwnCentre, 0.1 * spread * Math.sqrt(dimension));
    }

    @Test
    void uniformAndGaussianHaveTheirDocumentedDistributions() {
        float[] uniform = SyntheticData.generate(new Spec(Kind.UNIFORM, 2000, 1, 50, 0, 0, 5, Metric.L2))[0].data();
        float[] gaussian = SyntheticData.generate(new Spec(Kind.GAUSSIAN, 2000, 1, 50, 0, 0, 5, Metric.L2))[0].data();

        for (float component : uniform) {
            assertTrue(component >= -1 && component < 1, "uniform component " + component);
        }
        assertEquals(0, mean(uniform), 0.01);
        assertEquals(1.0 / 3, variance(uniform), 0.01, "variance of uniform [-1, 1) is 1/3");
        assertEquals(0, mean(gaussian), 0.02);
        assertEquals(1, variance(gaussian), 0.02);
    }

    @Test
    void specRefusesShapesWithoutVectors() {
        assertThrows(IllegalArgumentException.class, () -> new Spec(Kind.UNIFORM, 0, 1, 8, 0, 0, 1, Metric.L2));
        assertThrows(IllegalArgumentException.class, () -> new Spec(Kind.UNIFORM, 10, 1, 0, 0, 0, 1, Metric.L2));
        assertThrows(IllegalArgumentException.class, () -> new Spec(Kind.CLUSTERS, 10, 1, 8, 0, 0.1, 1, Metric.L2));
        assertThrows(IllegalArgumentException.class, () -> new Spec(Kind.CLUSTERS, 10, 1, 8, 3, 0, 1, Metric.L2));
        assertEquals(Kind.CLUSTERS, Kind.parse(" Clusters "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Kind.parse("zipf"));
        assertTrue(unknown.getMessage().contains("uniform, gaussian or clusters"), unknown.getMessage());
    }

    /** Connected components of the graph linking vectors closer than {@code threshold}, numbered 0, 1, ... */
    private static int[] groupsWithin(VectorMatrix vectors, double threshold) {
        int[] group = new int[vectors.rows()];
        Arrays.fill(group, -1);
        int next = 0;
        for (int start = 0; start < vectors.rows(); start++) {
            if (group[start] >= 0) {
                continue;
            }
            List<Integer> stack = new ArrayList<>(List.of(start));
            group[start] = next;
            while (!stack.isEmpty()) {
                float[] vector = vectors.row(stack.removeLast());
                for (int other = 0; other < vectors.rows(); other++) {
                    if (group[other] < 0
                            && BruteForce.distance(Metric.L2, vector, vectors.row(other)) < threshold * threshold) {
                        group[other] = next;
                        stack.add(other);
                    }
                }
            }
            next++;
        }
        return group;
    }

    private static float[][] means(VectorMatrix vectors, int[] group, int groups) {
        double[][] sums = new double[groups][vectors.dimension()];
        int[] counts = new int[groups];
        for (int row = 0; row < vectors.rows(); row++) {
            float[] vector = vectors.row(row);
            for (int i = 0; i < vector.length; i++) {
                sums[group[row]][i] += vector[i];
            }
            counts[group[row]]++;
        }
        float[][] means = new float[groups][vectors.dimension()];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < vectors.dimension(); i++) {
                means[g][i] = (float) (sums[g][i] / counts[g]);
            }
        }
        return means;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(float[] values) {
        double mean = mean(values);
        double sum = 0;
        for (float value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / values.length;
    }
}
