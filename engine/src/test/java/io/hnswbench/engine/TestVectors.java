package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic vectors and brute-force neighbours for tests that need no real data. */
final class TestVectors {

    private TestVectors() {
    }

    /** {@code count} vectors with components uniform in [-1, 1). */
    static List<float[]> uniform(long seed, int count, int dimension) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] vector = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                vector[d] = (float) (random.nextDouble() * 2 - 1);
            }
            vectors.add(vector);
        }
        return vectors;
    }

    /** Ids "v0", "v1", ... */
    static List<String> ids(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add("v" + i);
        }
        return ids;
    }

    /** Every {@code step}-th vector, searched for, comes back first as its own id ({@link #ids}). */
    static void assertEachFindsItself(HnswIndex index, List<float[]> vectors, int step) {
        for (int i = 0; i < vectors.size(); i += step) {
            assertEquals("v" + i, index.search(vectors.get(i), 1).get(0).id(), "vector " + i);
        }
    }

    static double squaredL2(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
