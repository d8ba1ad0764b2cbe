package io.hnswbench.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the JDK Vector API. Loaded only by {@link Kernels} after it has checked that
 * {@code jdk.incubator.vector} is in the boot layer; touching this class without the module throws
 * {@link NoClassDefFoundError}.
 *
 * <p>The main loop is unrolled four times with independent accumulators so that consecutive fused
 * multiply-adds do not wait on each other's latency; a one-vector loop and a scalar tail finish
 * lengths that are not a multiple of the unrolled stride.
 */
final class PanamaKernels implements VectorKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int UNROLLED_STRIDE = 4 * LANES;

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int i = 0;
        float sum = 0;
        if (length >= LANES) {
            FloatVector acc0 = FloatVector.zero(SPECIES);
            FloatVector acc1 = FloatVector.zero(SPECIES);
            FloatVector acc2 = FloatVector.zero(SPECIES);
            FloatVector acc3 = FloatVector.zero(SPECIES);
            for (int bound = length - length % UNROLLED_STRIDE; i < bound; i += UNROLLED_STRIDE) {
                acc0 = load(a, aOffset + i).fma(load(b, bOffset + i), acc0);
                acc1 = load(a, aOffset + i + LANES).fma(load(b, bOffset + i + LANES), acc1);
                acc2 = load(a, aOffset + i + 2 * LANES).fma(load(b, bOffset + i + 2 * LANES), acc2);
                acc3 = load(a, aOffset + i + 3 * LANES).fma(load(b, bOffset + i + 3 * LANES), acc3);
            }
            for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
                acc0 = load(a, aOffset + i).fma(load(b, bOffset + i), acc0);
            }
            sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < length; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    @Override
    public float squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int i = 0;
        float sum = 0;
        if (length >= LANES) {
            FloatVector acc0 = FloatVector.zero(SPECIES);
            FloatVector acc1 = FloatVector.zero(SPECIES);
            FloatVector acc2 = FloatVector.zero(SPECIES);
            FloatVector acc3 = FloatVector.zero(SPECIES);
            for (int bound = length - length % UNROLLED_STRIDE; i < bound; i += UNROLLED_STRIDE) {
                FloatVector d0 = load(a, aOffset + i).sub(load(b, bOffset + i));
                FloatVector d1 = load(a, aOffset + i + LANES).sub(load(b, bOffset + i + LANES));
                FloatVector d2 = load(a, aOffset + i + 2 * LANES).sub(load(b, bOffset + i + 2 * LANES));
                FloatVector d3 = load(a, aOffset + i + 3 * LANES).sub(load(b, bOffset + i + 3 * LANES));
                acc0 = d0.fma(d0, acc0);
                acc1 = d1.fma(d1, acc1);
                acc2 = d2.fma(d2, acc2);
                acc3 = d3.fma(d3, acc3);
            }
            for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
                FloatVector d = load(a, aOffset + i).sub(load(b, bOffset + i));
                acc0 = d.fma(d, acc0);
            }
            sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < length; i++) {
            float d = a[aOffset + i] - b[bOffset + i];
            sum += d * d;
        }
        return sum;
    }

    /*
     * The bulk kernels below repeat, for each of the four vectors, exactly the arithmetic of the
     * single kernels above (same accumulators, same order of additions), so a distance is
     * bit-for-bit the same whichever path computed it. Sixteen accumulators fit the 32 vector
     * registers of AVX-512; narrower machines spill a few, which the memory-bound loop absorbs.
     */

    @Override
    public void dotBulk4(float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                         float[] c, int cOffset, float[] d, int dOffset, int length, float[] out, int outOffset) {
        bulk4(false, q, qOffset, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
    }

    @Override
    public void squaredDistanceBulk4(float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                                     float[] c, int cOffset, float[] d, int dOffset, int length,
                                     float[] out, int outOffset) {
        bulk4(true, q, qOffset, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
    }

    private static void bulk4(boolean squared, float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                              float[] c, int cOffset, float[] d, int dOffset, int length, float[] out, int outOffset) {
        int i = 0;
        float sumA = 0, sumB = 0, sumC = 0, sumD = 0;
        if (length >= LANES) {
            FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
            FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            FloatVector c0 = a0, c1 = a0, c2 = a0, c3 = a0;
            FloatVector d0 = a0, d1 = a0, d2 = a0, d3 = a0;
            for (int bound = length - length % UNROLLED_STRIDE; i < bound; i += UNROLLED_STRIDE) {
                FloatVector q0 = load(q, qOffset + i);
                FloatVector q1 = load(q, qOffset + i + LANES);
                FloatVector q2 = load(q, qOffset + i + 2 * LANES);
                FloatVector q3 = load(q, qOffset + i + 3 * LANES);
                a0 = term(squared, q0, a, aOffset + i, a0);
                b0 = term(squared, q0, b, bOffset + i, b0);
                c0 = term(squared, q0, c, cOffset + i, c0);
                d0 = term(squared, q0, d, dOffset + i, d0);
                a1 = term(squared, q1, a, aOffset + i + LANES, a1);
                b1 = term(squared, q1, b, bOffset + i + LANES, b1);
                c1 = term(squared, q1, c, cOffset + i + LANES, c1);
                d1 = term(squared, q1, d, dOffset + i + LANES, d1);
                a2 = term(squared, q2, a, aOffset + i + 2 * LANES, a2);
                b2 = term(squared, q2, b, bOffset + i + 2 * LANES, b2);
                c2 = term(squared, q2, c, cOffset + i + 2 * LANES, c2);
                d2 = term(squared, q2, d, dOffset + i + 2 * LANES, d2);
                a3 = term(squared, q3, a, aOffset + i + 3 * LANES, a3);
                b3 = term(squared, q3, b, bOffset + i + 3 * LANES, b3);
                c3 = term(squared, q3, c, cOffset + i + 3 * LANES, c3);
                d3 = term(squared, q3, d, dOffset + i + 3 * LANES, d3);
            }
            for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
                FloatVector q0 = load(q, qOffset + i);
                a0 = term(squared, q0, a, aOffset + i, a0);
                b0 = term(squared, q0, b, bOffset + i, b0);
                c0 = term(squared, q0, c, cOffset + i, c0);
                d0 = term(squared, q0, d, dOffset + i, d0);
            }
            sumA = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
            sumB = b0.add(b1).add(b2.add(b3)).reduceLanes(VectorOperators.ADD);
            sumC = c0.add(c1).add(c2.add(c3)).reduceLanes(VectorOperators.ADD);
            sumD = d0.add(d1).add(d2.add(d3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < length; i++) {
            float component = q[qOffset + i];
            sumA += scalarTerm(squared, component, a[aOffset + i]);
            sumB += scalarTerm(squared, component, b[bOffset + i]);
            sumC += scalarTerm(squared, component, c[cOffset + i]);
            sumD += scalarTerm(squared, component, d[dOffset + i]);
        }
        out[outOffset] = sumA;
        out[outOffset + 1] = sumB;
        out[outOffset + 2] = sumC;
        out[outOffset + 3] = sumD;
    }

    /** One step of either kernel: {@code acc + q*v} or {@code acc + (q-v)^2}. */
    private static FloatVector term(boolean squared, FloatVector query, float[] array, int offset, FloatVector acc) {
        FloatVector v = load(array, offset);
        if (squared) {
            FloatVector diff = query.sub(v);
            return diff.fma(diff, acc);
        }
        return query.fma(v, acc);
    }

    private static float scalarTerm(boolean squared, float query, float value) {
        if (squared) {
            float diff = query - value;
            return diff * diff;
        }
        return query * value;
    }

    @Override
    public String description() {
        return "Panama SIMD, " + SPECIES.vectorBitSize() + "-bit (" + LANES + " float lanes)";
    }

    private static FloatVector load(float[] array, int offset) {
        return FloatVector.fromArray(SPECIES, array, offset);
    }
}
