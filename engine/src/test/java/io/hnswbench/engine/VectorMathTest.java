package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorMathTest {

    @Test
    void rowsOfOneArrayAreComparedInPlace() {
        SplittableRandom random = new SplittableRandom(3);
        int dimension = 37;
        float[] rows = new float[3 * dimension];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextGaussian();
        }
        double dot = 0;
        double squared = 0;
        for (int i = 0; i < dimension; i++) {
            dot += (double) rows[dimension + i] * rows[2 * dimension + i];
            double difference = (double) rows[dimension + i] - rows[2 * dimension + i];
            squared += difference * difference;
        }
        assertEquals(dot, VectorMath.dot(rows, dimension, rows, 2 * dimension, dimension), 1e-4);
        assertEquals(squared, VectorMath.squaredDistance(rows, dimension, rows, 2 * dimension, dimension), 1e-4);
    }

    @Test
    void readingPastAnArrayNamesBothArrays() {
        float[] a = new float[10];
        float[] b = new float[8];
        IndexOutOfBoundsException error = assertThrows(IndexOutOfBoundsException.class,
                () -> VectorMath.dot(a, 0, b, 2, 8));
        assertTrue(error.getMessage().contains("arrays of 10 and 8"), error.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> VectorMath.squaredDistance(a, -1, b, 0, 4));
    }
}
