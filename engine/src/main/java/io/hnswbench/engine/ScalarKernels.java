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

    @Override
    public void dotBulk4(float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                         float[] c, int cOffset, float[] d, int dOffset, int length, float[] out, int outOffset) {
        out[outOffset] = dot(q, qOffset, a, aOffset, length);
        out[outOffset + 1] = dot(q, qOffset, b, bOffset, length);
        out[outOffset + 2] = dot(q, qOffset, c, cOffset, length);
        out[outOffset + 3] = dot(q, qOffset, d, dOffset, length);
    }

    @Override
    public void squaredDistanceBulk4(float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                                     float[] c, int cOffset, float[] d, int dOffset, int length,
                                     float[] out, int outOffset) {
        out[outOffset] = squaredDistance(q, qOffset, a, aOffset, length);
        out[outOffset + 1] = squaredDistance(q, qOffset, b, bOffset, length);
        out[outOffset + 2] = squaredDistance(q, qOffset, c, cOffset, length);
        out[outOffset + 3] = squaredDistance(q, qOffset, d, dOffset, length);
    }

    @Override
    public void dotBulk8(float[] q, int qOffset, float[][] arrays, int[] offsets, int from, int length,
                         float[] out, int outOffset) {
        for (int t = 0; t < 8; t++) {
            out[outOffset + t] = dot(q, qOffset, arrays[from + t], offsets[from + t], length);
        }
    }

    @Override
    public void squaredDistanceBulk8(float[] q, int qOffset, float[][] arrays, int[] offsets, int from, int length,
                                     float[] out, int outOffset) {
        for (int t = 0; t < 8; t++) {
            out[outOffset + t] = squaredDistance(q, qOffset, arrays[from + t], offsets[from + t], length);
        }
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

    @Override
    public void dotBulk8(float[] q, int qOffset, MemorySegment vectors, long[] byteOffsets, int from, int length,
                         float[] out, int outOffset) {
        for (int t = 0; t < 8; t++) {
            out[outOffset + t] = dot(q, qOffset, vectors, byteOffsets[from + t], length);
        }
    }

    @Override
    public void squaredDistanceBulk8(float[] q, int qOffset, MemorySegment vectors, long[] byteOffsets, int from,
                                     int length, float[] out, int outOffset) {
        for (int t = 0; t < 8; t++) {
            out[outOffset + t] = squaredDistance(q, qOffset, vectors, byteOffsets[from + t], length);
        }
    }

    @Override
    public String description() {
        return "scalar";
    }
}
