package io.hnswbench.reports.peers;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;

/**
 * Vectors as the peer libraries take them: one {@code float[]} per row, and under cosine the unit
 * vector of each row and query — the same normalisation this project's engine applies on insert
 * and search, so that every engine computes cosine as a plain dot product.
 */
final class PeerVectors {

    private PeerVectors() {
    }

    /**
     * One array per row of {@code base}; under cosine each is scaled to unit length.
     *
     * @throws IllegalArgumentException if a row is the zero vector under cosine
     */
    static float[][] rows(VectorMatrix base, Metric metric) {
        float[][] rows = new float[base.rows()][];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = base.row(row);
            if (metric == Metric.COSINE) {
                scaleToUnit(rows[row], "base vector " + row);
            }
        }
        return rows;
    }

    /**
     * The query as the library should see it: itself, or under cosine a unit-length copy.
     *
     * @throws IllegalArgumentException if its dimension is not {@code dimension}, or it is the zero
     *                                  vector under cosine
     */
    static float[] query(float[] query, int dimension, Metric metric) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("the query has dimension " + query.length + ", the index " + dimension);
        }
        if (metric != Metric.COSINE) {
            return query;
        }
        float[] unit = query.clone();
        scaleToUnit(unit, "the query");
        return unit;
    }

    private static void scaleToUnit(float[] vector, String what) {
        double squaredNorm = 0;
        for (float component : vector) {
            squaredNorm += (double) component * component;
        }
        if (squaredNorm == 0) {
            throw new IllegalArgumentException(what + " is the zero vector, which has no direction under the cosine metric");
        }
        double inverseNorm = 1 / Math.sqrt(squaredNorm);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] * inverseNorm);
        }
    }
}
