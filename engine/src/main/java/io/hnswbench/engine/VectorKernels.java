package io.hnswbench.engine;

/**
 * The two primitive kernels every metric is built from. Vectors are slices of flat arrays so that
 * stored vectors can live many to a page without an array per vector.
 */
interface VectorKernels {

    /** Sum of {@code a[aOffset + i] * b[bOffset + i]} for {@code i < length}. */
    float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** Sum of {@code (a[aOffset + i] - b[bOffset + i])^2} for {@code i < length}. */
    float squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** A short name for logs and benchmark reports, e.g. {@code "scalar"}. */
    String description();
}
