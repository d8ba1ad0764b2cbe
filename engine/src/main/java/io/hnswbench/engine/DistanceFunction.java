package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;

/**
 * The distance of one {@link Metric} over the active {@link Kernels}. Cosine is stored normalised,
 * so it shares the inner-product formula; one final class (not one per metric) keeps the call site
 * in the search loop monomorphic whatever metrics the JVM's indexes use.
 *
 * <p>Two kinds of distance: <em>exact</em> ones between floats, which results report, and
 * <em>traversal</em> ones against stored vectors truncated to bfloat16 ({@link PackedVectors}),
 * which steer graph searches and inserts. Traversal queries are padded to
 * {@link PackedVectors#paddedLength}.
 */
final class DistanceFunction {

    private static final VectorKernels KERNELS = Kernels.INSTANCE;

    private final boolean squaredEuclidean;

    DistanceFunction(Metric metric) {
        this.squaredEuclidean = metric == Metric.L2;
    }

    /** Exact distance between two float vectors. */
    float distance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistance(a, aOffset, b, bOffset, length)
                : 1f - KERNELS.dot(a, aOffset, b, bOffset, length);
    }

    /** Exact distance from {@code q} to the vector at {@code byteOffset} of a mapped index file. */
    float distance(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistance(q, qOffset, vectors, byteOffset, length)
                : 1f - KERNELS.dot(q, qOffset, vectors, byteOffset, length);
    }

    /** Exact distance to a heap vector read from its two halves (see {@link PackedVectors}). */
    float distance(float[] q, int[] packed, int offset, short[] lows, int lowOffset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistanceExact(q, packed, offset, lows, lowOffset, length)
                : 1f - KERNELS.dotExact(q, packed, offset, lows, lowOffset, length);
    }

    /** Traversal distance from a padded query to the packed vector at {@code packed[offset..]}. */
    float traversal(float[] q, int[] packed, int offset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistancePacked(q, packed, offset, length)
                : 1f - KERNELS.dotPacked(q, packed, offset, length);
    }

    /** Traversal distances to four packed vectors, into {@code out[outOffset..outOffset+3]}. */
    void traversalBulk4(float[] q, int[] a, int aOffset, int[] b, int bOffset, int[] c, int cOffset,
                        int[] d, int dOffset, int length, float[] out, int outOffset) {
        if (squaredEuclidean) {
            KERNELS.squaredDistancePackedBulk4(q, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
        } else {
            KERNELS.dotPackedBulk4(q, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
            dotsToDistances(out, outOffset, 4);
        }
    }

    /** Traversal distance to a float vector of a mapped file: the same value as to its packed form. */
    float traversal(float[] q, MemorySegment vectors, long byteOffset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistanceTruncated(q, vectors, byteOffset, length)
                : 1f - KERNELS.dotTruncated(q, vectors, byteOffset, length);
    }

    /** Turns dot products (of stored unit or raw vectors) into the 1 − a·b distance, in place. */
    private static void dotsToDistances(float[] values, int from, int count) {
        for (int i = from; i < from + count; i++) {
            values[i] = 1f - values[i];
        }
    }
}
