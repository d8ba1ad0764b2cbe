package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;

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

    /**
     * Sum of {@code q[qOffset + i] * v[i]} for {@code i < length}, where {@code v} is the
     * little-endian float vector at {@code byteOffset} in {@code vectors} (a memory-mapped index
     * file). Adds up in the same order as {@link #dot}, so the result is bit-for-bit the same as for
     * the same floats in an array.
     */
    float dot(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length);

    /** Squared distance to a vector in a segment; see {@link #dot(float[], int, MemorySegment, long, int)}. */
    float squaredDistance(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length);

    /**
     * Eight dot products of one query with the vectors of {@code vectors} at byte offsets
     * {@code byteOffsets[from..from+7]}, into {@code out[outOffset..outOffset+7]}; bit-for-bit the
     * single kernel's results (see {@link #dotBulk4} for why eight at once).
     */
    void dotBulk8(float[] q, int qOffset, MemorySegment vectors, long[] byteOffsets, int from, int length,
                  float[] out, int outOffset);

    /** Eight squared distances to vectors in a segment; see {@link #dotBulk8(float[], int, MemorySegment, long[], int, int, float[], int)}. */
    void squaredDistanceBulk8(float[] q, int qOffset, MemorySegment vectors, long[] byteOffsets, int from, int length,
                              float[] out, int outOffset);

    /** A short name for logs and benchmark reports, e.g. {@code "scalar"}. */
    String description();
}
