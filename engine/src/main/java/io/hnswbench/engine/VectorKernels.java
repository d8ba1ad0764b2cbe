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

    /**
     * Four dot products of one query with four vectors, into {@code out[outOffset..outOffset+3]}. Reading the four
     * vectors in one loop keeps four memory streams in flight at once: in a graph search the
     * vectors are scattered and mostly not in cache, so this hides much of the memory latency
     * that four separate calls would wait out one after another.
     */
    void dotBulk4(float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                  float[] c, int cOffset, float[] d, int dOffset, int length, float[] out, int outOffset);

    /** Four squared distances of one query to four vectors; see {@link #dotBulk4}. */
    void squaredDistanceBulk4(float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                              float[] c, int cOffset, float[] d, int dOffset, int length, float[] out, int outOffset);

    /**
     * Eight dot products of one query with the vectors at {@code arrays[from..from+7]} /
     * {@code offsets[from..from+7]}, into {@code out[outOffset..outOffset+7]}: eight memory
     * streams in flight (see {@link #dotBulk4}).
     */
    void dotBulk8(float[] q, int qOffset, float[][] arrays, int[] offsets, int from, int length, float[] out, int outOffset);

    /** Eight squared distances; see {@link #dotBulk8}. */
    void squaredDistanceBulk8(float[] q, int qOffset, float[][] arrays, int[] offsets, int from, int length,
                              float[] out, int outOffset);

    /** A short name for logs and benchmark reports, e.g. {@code "scalar"}. */
    String description();
}
