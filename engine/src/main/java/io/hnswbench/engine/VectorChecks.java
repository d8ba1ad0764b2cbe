package io.hnswbench.engine;

/**
 * Validation of user vectors and the cosine normalisation, shared by insert and search so that
 * both reject the same inputs with the same messages.
 */
final class VectorChecks {

    private VectorChecks() {
    }

    /**
     * Checks one vector and returns the factor to store or search it with: {@code 1/|v|} under
     * cosine, 1 otherwise.
     *
     * @param what names the vector in messages, e.g. {@code "vector for id 'a'"} or {@code "query"}
     */
    static float checkedScale(float[] vector, int offset, int dimension, Metric metric, String what) {
        double squaredNorm = 0;
        for (int i = 0; i < dimension; i++) {
            float component = vector[offset + i];
            if (!Float.isFinite(component)) {
                throw new IllegalArgumentException(what + " has a " + (Float.isNaN(component) ? "NaN" : "infinite")
                        + " component at position " + i + "; every component must be a finite number");
            }
            squaredNorm += (double) component * component;
        }
        if (metric != Metric.COSINE) {
            return 1f;
        }
        if (squaredNorm == 0) {
            throw new IllegalArgumentException(what + " is the zero vector, which has no direction under the "
                    + "COSINE metric; use L2 or INNER_PRODUCT, or drop the vector");
        }
        float scale = (float) (1.0 / Math.sqrt(squaredNorm));
        if (!Float.isFinite(scale) || scale == 0f) {
            throw new IllegalArgumentException(what + " has a norm (" + Math.sqrt(squaredNorm)
                    + ") that cannot be normalised in float precision");
        }
        return scale;
    }

    static void checkLength(float[] vector, int dimension, String what) {
        if (vector == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (vector.length != dimension) {
            throw new IllegalArgumentException(what + " has dimension " + vector.length
                    + " but the index has dimension " + dimension);
        }
    }
}
