package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;

/**
 * The distance of one {@link Metric} over the active {@link Kernels}. Cosine is stored normalised,
 * so it shares the inner-product formula; one final class (not one per metric) keeps the call site
 * in the search loop monomorphic whatever metrics the JVM's indexes use.
 */
final class DistanceFunction {

    private static final VectorKernels KERNELS = Kernels.INSTANCE;

    private final boolean squaredEuclidean;

    DistanceFunction(Metric metric) {
        this.squaredEuclidean = metric == Metric.L2;
    }

    float distance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistance(a, aOffset, b, bOffset, length)
                : 1f - KERNELS.dot(a, aOffset, b, bOffset, length);
    }

    /** Distances from {@code q} to the eight vectors at {@code arrays/offsets[from..from+7]}, into {@code out[outOffset..]}. */
    void distanceBulk8(float[] q, int qOffset, float[][] arrays, int[] offsets, int from, int length,
                       float[] out, int outOffset) {
        if (squaredEuclidean) {
            KERNELS.squaredDistanceBulk8(q, qOffset, arrays, offsets, from, length, out, outOffset);
        } else {
            KERNELS.dotBulk8(q, qOffset, arrays, offsets, from, length, out, outOffset);
            dotsToDistances(out, outOffset, 8);
        }
    }

    /** Distances from {@code q} to four vectors at once, into {@code out[outOffset..outOffset+3]}. */
    void distanceBulk4(float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                       float[] c, int cOffset, float[] d, int dOffset, int length, float[] out, int outOffset) {
        if (squaredEuclidean) {
            KERNELS.squaredDistanceBulk4(q, qOffset, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
        } else {
            KERNELS.dotBulk4(q, qOffset, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
            dotsToDistances(out, outOffset, 4);
        }
    }

    /** Distance from {@code q} to the vector at {@code byteOffset} of a mapped index file. */
    float distance(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistance(q, qOffset, vectors, byteOffset, length)
                : 1f - KERNELS.dot(q, qOffset, vectors, byteOffset, length);
    }

    /** Distances from {@code q} to the eight mapped vectors at {@code byteOffsets[from..from+7]}. */
    void distanceBulk8(float[] q, int qOffset, MemorySegment vectors, long[] byteOffsets, int from, int length,
                       float[] out, int outOffset) {
        if (squaredEuclidean) {
            KERNELS.squaredDistanceBulk8(q, qOffset, vectors, byteOffsets, from, length, out, outOffset);
        } else {
            KERNELS.dotBulk8(q, qOffset, vectors, byteOffsets, from, length, out, outOffset);
            dotsToDistances(out, outOffset, 8);
        }
    }

    /** Turns dot products (of stored unit or raw vectors) into the 1 − a·b distance, in place. */
    private static void dotsToDistances(float[] values, int from, int count) {
        for (int i = from; i < from + count; i++) {
            values[i] = 1f - values[i];
        }
    }
}
