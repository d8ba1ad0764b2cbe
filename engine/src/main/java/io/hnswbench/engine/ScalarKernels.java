package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Plain-Java kernels, used when {@code jdk.incubator.vector} is not in the boot layer. Four
 * independent accumulators let the CPU overlap the additions even without SIMD.
 */
final class ScalarKernels implements VectorKernels {

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int bound = length & ~3; i < bound; i += 4) {
            s0 += a[aOffset + i] * b[bOffset + i];
            s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
            s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
            s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
        }
        for (; i < length; i++) {
            s0 += a[aOffset + i] * b[bOffset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int bound = length & ~3; i < bound; i += 4) {
            float d0 = a[aOffset + i] - b[bOffset + i];
            float d1 = a[aOffset + i + 1] - b[bOffset + i + 1];
            float d2 = a[aOffset + i + 2] - b[bOffset + i + 2];
            float d3 = a[aOffset + i + 3] - b[bOffset + i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < length; i++) {
            float d = a[aOffset + i] - b[bOffset + i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT.withOrder(ByteOrder.LITTLE_ENDIAN);

    // The segment kernels add up in exactly the order of the array kernels above, so a vector
    // scores the same bits whether it is on the heap or in a mapped file.

    @Override
    public float dot(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int bound = length & ~3; i < bound; i += 4) {
            long at = byteOffset + (long) i * Float.BYTES;
            s0 += q[qOffset + i] * vectors.get(FLOAT_LE, at);
            s1 += q[qOffset + i + 1] * vectors.get(FLOAT_LE, at + 4);
            s2 += q[qOffset + i + 2] * vectors.get(FLOAT_LE, at + 8);
            s3 += q[qOffset + i + 3] * vectors.get(FLOAT_LE, at + 12);
        }
        for (; i < length; i++) {
            s0 += q[qOffset + i] * vectors.get(FLOAT_LE, byteOffset + (long) i * Float.BYTES);
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float squaredDistance(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int bound = length & ~3; i < bound; i += 4) {
            long at = byteOffset + (long) i * Float.BYTES;
            float d0 = q[qOffset + i] - vectors.get(FLOAT_LE, at);
            float d1 = q[qOffset + i + 1] - vectors.get(FLOAT_LE, at + 4);
            float d2 = q[qOffset + i + 2] - vectors.get(FLOAT_LE, at + 8);
            float d3 = q[qOffset + i + 3] - vectors.get(FLOAT_LE, at + 12);
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < length; i++) {
            float d = q[qOffset + i] - vectors.get(FLOAT_LE, byteOffset + (long) i * Float.BYTES);
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    // Traversal kernels (see VectorKernels): the dimensions in order, one accumulator, so the
    // packed and the mapped forms add alike. Padding dimensions are skipped: they would add zeros.

    /** Any even width works for plain Java; eight keeps padding small. */
    private static final int HALF = 8;
    private static final int UPPER_HALF = 0xFFFF_0000;

    @Override
    public int packedHalfBlock() {
        return HALF;
    }

    @Override
    public float dotPacked(float[] q, int[] packed, int offset, int length) {
        return packed(false, q, packed, offset, length);
    }

    @Override
    public float squaredDistancePacked(float[] q, int[] packed, int offset, int length) {
        return packed(true, q, packed, offset, length);
    }

    @Override
    public void dotPackedBulk4(float[] q, int[] a, int aOffset, int[] b, int bOffset, int[] c, int cOffset,
                               int[] d, int dOffset, int length, float[] out, int outOffset) {
        out[outOffset] = packed(false, q, a, aOffset, length);
        out[outOffset + 1] = packed(false, q, b, bOffset, length);
        out[outOffset + 2] = packed(false, q, c, cOffset, length);
        out[outOffset + 3] = packed(false, q, d, dOffset, length);
    }

    @Override
    public void squaredDistancePackedBulk4(float[] q, int[] a, int aOffset, int[] b, int bOffset, int[] c, int cOffset,
                                           int[] d, int dOffset, int length, float[] out, int outOffset) {
        out[outOffset] = packed(true, q, a, aOffset, length);
        out[outOffset + 1] = packed(true, q, b, bOffset, length);
        out[outOffset + 2] = packed(true, q, c, cOffset, length);
        out[outOffset + 3] = packed(true, q, d, dOffset, length);
    }

    private static float packed(boolean squared, float[] q, int[] packed, int offset, int length) {
        float sum = 0;
        for (int i = 0; i < length; i++) {
            sum += term(squared, q[i], Float.intBitsToFloat(upperHalf(packed, offset, i)));
        }
        return sum;
    }

    @Override
    public float dotTruncated(float[] q, MemorySegment vectors, long byteOffset, int length) {
        return truncated(false, q, vectors, byteOffset, length);
    }

    @Override
    public float squaredDistanceTruncated(float[] q, MemorySegment vectors, long byteOffset, int length) {
        return truncated(true, q, vectors, byteOffset, length);
    }

    private static float truncated(boolean squared, float[] q, MemorySegment vectors, long byteOffset, int length) {
        float sum = 0;
        for (int i = 0; i < length; i++) {
            sum += term(squared, q[i], PackedVectors.truncated(vectors.get(FLOAT_LE, byteOffset + 4L * i)));
        }
        return sum;
    }

    @Override
    public void unpackTruncated(int[] packed, int offset, int length, float[] destination) {
        int padded = (length + 2 * HALF - 1) / (2 * HALF) * (2 * HALF);
        for (int i = 0; i < padded; i++) {
            destination[i] = Float.intBitsToFloat(upperHalf(packed, offset, i));
        }
    }

    @Override
    public void unpackExact(int[] packed, int offset, short[] lows, int lowOffset, int length, float[] destination) {
        for (int i = 0; i < length; i++) {
            destination[i] = exactComponent(packed, offset, lows, lowOffset, i);
        }
    }

    // Exact kernels over the two halves: dot and squaredDistance's four-accumulator order.

    @Override
    public float dotExact(float[] q, int[] packed, int offset, short[] lows, int lowOffset, int length) {
        return exact(false, q, packed, offset, lows, lowOffset, length);
    }

    @Override
    public float squaredDistanceExact(float[] q, int[] packed, int offset, short[] lows, int lowOffset, int length) {
        return exact(true, q, packed, offset, lows, lowOffset, length);
    }

    private static float exact(boolean squared, float[] q, int[] packed, int offset, short[] lows, int lowOffset,
                               int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int bound = length & ~3; i < bound; i += 4) {
            s0 += term(squared, q[i], exactComponent(packed, offset, lows, lowOffset, i));
            s1 += term(squared, q[i + 1], exactComponent(packed, offset, lows, lowOffset, i + 1));
            s2 += term(squared, q[i + 2], exactComponent(packed, offset, lows, lowOffset, i + 2));
            s3 += term(squared, q[i + 3], exactComponent(packed, offset, lows, lowOffset, i + 3));
        }
        for (; i < length; i++) {
            s0 += term(squared, q[i], exactComponent(packed, offset, lows, lowOffset, i));
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static float exactComponent(int[] packed, int offset, short[] lows, int lowOffset, int i) {
        return Float.intBitsToFloat(upperHalf(packed, offset, i) | (lows[lowOffset + i] & 0xFFFF));
    }

    /** Dimension {@code i}'s upper half, in place in an int (lower 16 bits zero). */
    private static int upperHalf(int[] packed, int offset, int i) {
        int block = i / (2 * HALF);
        int inBlock = i - block * 2 * HALF;
        return inBlock < HALF
                ? packed[offset + block * HALF + inBlock] << 16
                : packed[offset + block * HALF + inBlock - HALF] & UPPER_HALF;
    }

    private static float term(boolean squared, float query, float value) {
        if (squared) {
            float diff = query - value;
            return diff * diff;
        }
        return query * value;
    }

    @Override
    public String description() {
        return "scalar";
    }
}
