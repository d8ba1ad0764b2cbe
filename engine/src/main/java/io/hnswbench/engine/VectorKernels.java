package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;

/**
 * The kernels every metric is built from: a dot product and a squared distance, over floats (exact,
 * what results report and what {@link VectorMath} exposes) and over the heap index's split storage
 * ({@link PackedVectors}): bfloat16 traversal and exact reads of both halves. Vectors are slices of
 * flat arrays so that stored vectors can live many to a page without an array per vector.
 */
interface VectorKernels {

    /** Sum of {@code a[aOffset + i] * b[bOffset + i]} for {@code i < length}. */
    float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** Sum of {@code (a[aOffset + i] - b[bOffset + i])^2} for {@code i < length}. */
    float squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * Sum of {@code q[qOffset + i] * v[i]} for {@code i < length}, where {@code v} is the
     * little-endian float vector at {@code byteOffset} in {@code vectors} (a memory-mapped index
     * file). Adds up in the same order as {@link #dot}, so the result is bit-for-bit the same as for
     * the same floats in an array.
     */
    float dot(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length);

    /** Squared distance to a vector in a segment; see {@link #dot(float[], int, MemorySegment, long, int)}. */
    float squaredDistance(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length);

    // Traversal kernels: a float query against vectors rounded toward zero to bfloat16, packed as
    // PackedVectors describes on the heap, or float vectors in a mapped file truncated as they are
    // read. Both add the same terms in the same order, so a heap index and a mapped one score bit
    // for bit alike. The query has PackedVectors.paddedLength(length) floats, zero beyond length.

    /** Lanes per half block of the packed layout (see {@link PackedVectors}). */
    int packedHalfBlock();

    /** Sum of {@code q[i] * v[i]}, {@code v} the packed vector at {@code packed[offset..]}. */
    float dotPacked(float[] q, int[] packed, int offset, int length);

    /** Sum of {@code (q[i] - v[i])^2} over a packed vector; see {@link #dotPacked}. */
    float squaredDistancePacked(float[] q, int[] packed, int offset, int length);

    /**
     * {@link #dotPacked} for four vectors in one loop, into {@code out[outOffset..+3]}. Reading the
     * four vectors in one loop keeps four memory streams in flight at once: in a graph search the
     * vectors are scattered and mostly not in cache, so this hides much of the memory latency that
     * four separate calls would wait out one after another. (Eight at a time did not pay: the
     * kernel outgrows C2's inlining budget and its vector values get boxed.)
     */
    void dotPackedBulk4(float[] q, int[] a, int aOffset, int[] b, int bOffset, int[] c, int cOffset,
                        int[] d, int dOffset, int length, float[] out, int outOffset);

    /** {@link #squaredDistancePacked} for four vectors in one loop. */
    void squaredDistancePackedBulk4(float[] q, int[] a, int aOffset, int[] b, int bOffset, int[] c, int cOffset,
                                    int[] d, int dOffset, int length, float[] out, int outOffset);

    /** {@link #dotPacked}'s result for the float vector at {@code byteOffset} of a mapped file, truncated as read. */
    float dotTruncated(float[] q, MemorySegment vectors, long byteOffset, int length);

    /** {@link #squaredDistancePacked}'s result for a float vector in a mapped file, truncated as read. */
    float squaredDistanceTruncated(float[] q, MemorySegment vectors, long byteOffset, int length);

    /**
     * {@link #dot}'s result, bit for bit, for the exact vector whose upper halves are packed at
     * {@code packed[offset..]} and lower halves at {@code lows[lowOffset..]}: read in place, not
     * unpacked first. {@code q} needs only {@code length} floats.
     */
    float dotExact(float[] q, int[] packed, int offset, short[] lows, int lowOffset, int length);

    /** {@link #squaredDistance}'s result for an exact vector read from its two halves; see {@link #dotExact}. */
    float squaredDistanceExact(float[] q, int[] packed, int offset, short[] lows, int lowOffset, int length);

    /** Writes the packed vector's bfloat16 values as floats, padding included: {@code paddedLength(length)} floats. */
    void unpackTruncated(int[] packed, int offset, int length, float[] destination);

    /** Writes the exact floats of a vector from its packed upper and its lower halves: {@code length} floats. */
    void unpackExact(int[] packed, int offset, short[] lows, int lowOffset, int length, float[] destination);

    /** A short name for logs and benchmark reports, e.g. {@code "scalar"}. */
    String description();
}
