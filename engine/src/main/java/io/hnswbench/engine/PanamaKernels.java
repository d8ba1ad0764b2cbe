package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the JDK Vector API. Loaded only by {@link Kernels} after it has checked that
 * {@code jdk.incubator.vector} is in the boot layer; touching this class without the module throws
 * {@link NoClassDefFoundError}.
 *
 * <p>Every kernel, single or bulk, adds up one vector the same way: even chunks of
 * {@code LANES} floats into one accumulator and odd chunks into another (two independent chains,
 * so consecutive fused multiply-adds do not wait on each other), a last odd chunk into the first,
 * the two accumulators added and their lanes summed in a fixed order ({@link #sumLanes}), then a
 * scalar tail. So a distance is bit-for-bit the same whichever kernel computed it, compiled or
 * not. The bulk kernels read four or eight vectors in one loop, which
 * keeps that many memory streams in flight: in a graph search the vectors are scattered and
 * mostly not in cache, and waiting out their misses one vector at a time is what costs.
 */
final class PanamaKernels implements VectorKernels {

    /** The preferred species, capped at 512 bits: {@link #sumLanes} folds at most 16 lanes. */
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED.vectorBitSize() > 512
            ? FloatVector.SPECIES_512 : FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorShuffle<Float> FOLD_8 = fold(8);
    private static final VectorShuffle<Float> FOLD_4 = fold(4);
    private static final VectorShuffle<Float> FOLD_2 = fold(2);
    private static final VectorShuffle<Float> FOLD_1 = fold(1);
    private static final int PAIR_STRIDE = 2 * LANES;
    private static final ByteOrder FILE_ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT.withOrder(FILE_ORDER);

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return single(false, a, aOffset, b, bOffset, length);
    }

    @Override
    public float squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return single(true, a, aOffset, b, bOffset, length);
    }

    private static float single(boolean squared, float[] q, int qOffset, float[] v, int vOffset, int length) {
        int i = 0;
        float sum = 0;
        if (length >= LANES) {
            FloatVector even = FloatVector.zero(SPECIES);
            FloatVector odd = even;
            for (int bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE) {
                even = term(squared, load(q, qOffset + i), v, vOffset + i, even);
                odd = term(squared, load(q, qOffset + i + LANES), v, vOffset + i + LANES, odd);
            }
            if (i + LANES <= length) {
                even = term(squared, load(q, qOffset + i), v, vOffset + i, even);
                i += LANES;
            }
            sum = sumLanes(even.add(odd));
        }
        for (; i < length; i++) {
            sum += scalarTerm(squared, q[qOffset + i], v[vOffset + i]);
        }
        return sum;
    }

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

    @Override
    public void dotBulk8(float[] q, int qOffset, float[][] arrays, int[] offsets, int from, int length,
                         float[] out, int outOffset) {
        bulk8(false, q, qOffset, arrays, offsets, from, length, out, outOffset);
    }

    @Override
    public void squaredDistanceBulk8(float[] q, int qOffset, float[][] arrays, int[] offsets, int from, int length,
                                     float[] out, int outOffset) {
        bulk8(true, q, qOffset, arrays, offsets, from, length, out, outOffset);
    }

    private static void bulk4(boolean squared, float[] q, int qOffset, float[] a, int aOffset, float[] b, int bOffset,
                              float[] c, int cOffset, float[] d, int dOffset, int length, float[] out, int outOffset) {
        int i = 0;
        float sumA = 0, sumB = 0, sumC = 0, sumD = 0;
        if (length >= LANES) {
            FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
            for (int bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE) {
                FloatVector q0 = load(q, qOffset + i);
                FloatVector q1 = load(q, qOffset + i + LANES);
                a0 = term(squared, q0, a, aOffset + i, a0);
                b0 = term(squared, q0, b, bOffset + i, b0);
                c0 = term(squared, q0, c, cOffset + i, c0);
                d0 = term(squared, q0, d, dOffset + i, d0);
                a1 = term(squared, q1, a, aOffset + i + LANES, a1);
                b1 = term(squared, q1, b, bOffset + i + LANES, b1);
                c1 = term(squared, q1, c, cOffset + i + LANES, c1);
                d1 = term(squared, q1, d, dOffset + i + LANES, d1);
            }
            if (i + LANES <= length) {
                FloatVector q0 = load(q, qOffset + i);
                a0 = term(squared, q0, a, aOffset + i, a0);
                b0 = term(squared, q0, b, bOffset + i, b0);
                c0 = term(squared, q0, c, cOffset + i, c0);
                d0 = term(squared, q0, d, dOffset + i, d0);
                i += LANES;
            }
            sumA = sumLanes(a0.add(a1));
            sumB = sumLanes(b0.add(b1));
            sumC = sumLanes(c0.add(c1));
            sumD = sumLanes(d0.add(d1));
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

    private static void bulk8(boolean squared, float[] q, int qOffset, float[][] arrays, int[] offsets, int from,
                              int length, float[] out, int outOffset) {
        float[] va = arrays[from], vb = arrays[from + 1], vc = arrays[from + 2], vd = arrays[from + 3];
        float[] ve = arrays[from + 4], vf = arrays[from + 5], vg = arrays[from + 6], vh = arrays[from + 7];
        int oa = offsets[from], ob = offsets[from + 1], oc = offsets[from + 2], od = offsets[from + 3];
        int oe = offsets[from + 4], of = offsets[from + 5], og = offsets[from + 6], oh = offsets[from + 7];
        int i = 0;
        float sa = 0, sb = 0, sc = 0, sd = 0, se = 0, sf = 0, sg = 0, sh = 0;
        if (length >= LANES) {
            FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
            FloatVector e0 = a0, e1 = a0, f0 = a0, f1 = a0, g0 = a0, g1 = a0, h0 = a0, h1 = a0;
            for (int bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE) {
                FloatVector q0 = load(q, qOffset + i);
                FloatVector q1 = load(q, qOffset + i + LANES);
                a0 = term(squared, q0, va, oa + i, a0);
                b0 = term(squared, q0, vb, ob + i, b0);
                c0 = term(squared, q0, vc, oc + i, c0);
                d0 = term(squared, q0, vd, od + i, d0);
                e0 = term(squared, q0, ve, oe + i, e0);
                f0 = term(squared, q0, vf, of + i, f0);
                g0 = term(squared, q0, vg, og + i, g0);
                h0 = term(squared, q0, vh, oh + i, h0);
                a1 = term(squared, q1, va, oa + i + LANES, a1);
                b1 = term(squared, q1, vb, ob + i + LANES, b1);
                c1 = term(squared, q1, vc, oc + i + LANES, c1);
                d1 = term(squared, q1, vd, od + i + LANES, d1);
                e1 = term(squared, q1, ve, oe + i + LANES, e1);
                f1 = term(squared, q1, vf, of + i + LANES, f1);
                g1 = term(squared, q1, vg, og + i + LANES, g1);
                h1 = term(squared, q1, vh, oh + i + LANES, h1);
            }
            if (i + LANES <= length) {
                FloatVector q0 = load(q, qOffset + i);
                a0 = term(squared, q0, va, oa + i, a0);
                b0 = term(squared, q0, vb, ob + i, b0);
                c0 = term(squared, q0, vc, oc + i, c0);
                d0 = term(squared, q0, vd, od + i, d0);
                e0 = term(squared, q0, ve, oe + i, e0);
                f0 = term(squared, q0, vf, of + i, f0);
                g0 = term(squared, q0, vg, og + i, g0);
                h0 = term(squared, q0, vh, oh + i, h0);
                i += LANES;
            }
            sa = sumLanes(a0.add(a1));
            sb = sumLanes(b0.add(b1));
            sc = sumLanes(c0.add(c1));
            sd = sumLanes(d0.add(d1));
            se = sumLanes(e0.add(e1));
            sf = sumLanes(f0.add(f1));
            sg = sumLanes(g0.add(g1));
            sh = sumLanes(h0.add(h1));
        }
        for (; i < length; i++) {
            float component = q[qOffset + i];
            sa += scalarTerm(squared, component, va[oa + i]);
            sb += scalarTerm(squared, component, vb[ob + i]);
            sc += scalarTerm(squared, component, vc[oc + i]);
            sd += scalarTerm(squared, component, vd[od + i]);
            se += scalarTerm(squared, component, ve[oe + i]);
            sf += scalarTerm(squared, component, vf[of + i]);
            sg += scalarTerm(squared, component, vg[og + i]);
            sh += scalarTerm(squared, component, vh[oh + i]);
        }
        out[outOffset] = sa;
        out[outOffset + 1] = sb;
        out[outOffset + 2] = sc;
        out[outOffset + 3] = sd;
        out[outOffset + 4] = se;
        out[outOffset + 5] = sf;
        out[outOffset + 6] = sg;
        out[outOffset + 7] = sh;
    }

    // Segment kernels: the same two-accumulator order as the array kernels above, over vectors in
    // a memory-mapped file, so heap and mapped indexes score bit-for-bit alike.

    @Override
    public float dot(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length) {
        return single(false, q, qOffset, vectors, byteOffset, length);
    }

    @Override
    public float squaredDistance(float[] q, int qOffset, MemorySegment vectors, long byteOffset, int length) {
        return single(true, q, qOffset, vectors, byteOffset, length);
    }

    @Override
    public void dotBulk8(float[] q, int qOffset, MemorySegment vectors, long[] byteOffsets, int from, int length,
                         float[] out, int outOffset) {
        bulk8(false, q, qOffset, vectors, byteOffsets, from, length, out, outOffset);
    }

    @Override
    public void squaredDistanceBulk8(float[] q, int qOffset, MemorySegment vectors, long[] byteOffsets, int from,
                                     int length, float[] out, int outOffset) {
        bulk8(true, q, qOffset, vectors, byteOffsets, from, length, out, outOffset);
    }

    private static float single(boolean squared, float[] q, int qOffset, MemorySegment vectors, long byteOffset,
                                int length) {
        int i = 0;
        float sum = 0;
        if (length >= LANES) {
            FloatVector even = FloatVector.zero(SPECIES);
            FloatVector odd = even;
            for (int bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE) {
                even = term(squared, load(q, qOffset + i), vectors, byteOffset + 4L * i, even);
                odd = term(squared, load(q, qOffset + i + LANES), vectors, byteOffset + 4L * (i + LANES), odd);
            }
            if (i + LANES <= length) {
                even = term(squared, load(q, qOffset + i), vectors, byteOffset + 4L * i, even);
                i += LANES;
            }
            sum = sumLanes(even.add(odd));
        }
        for (; i < length; i++) {
            sum += scalarTerm(squared, q[qOffset + i], vectors.get(FLOAT_LE, byteOffset + 4L * i));
        }
        return sum;
    }

    private static void bulk8(boolean squared, float[] q, int qOffset, MemorySegment v, long[] offsets, int from,
                              int length, float[] out, int outOffset) {
        long oa = offsets[from], ob = offsets[from + 1], oc = offsets[from + 2], od = offsets[from + 3];
        long oe = offsets[from + 4], of = offsets[from + 5], og = offsets[from + 6], oh = offsets[from + 7];
        int i = 0;
        float sa = 0, sb = 0, sc = 0, sd = 0, se = 0, sf = 0, sg = 0, sh = 0;
        if (length >= LANES) {
            FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
            FloatVector e0 = a0, e1 = a0, f0 = a0, f1 = a0, g0 = a0, g1 = a0, h0 = a0, h1 = a0;
            for (int bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE) {
                FloatVector q0 = load(q, qOffset + i);
                FloatVector q1 = load(q, qOffset + i + LANES);
                long even = 4L * i;
                long odd = 4L * (i + LANES);
                a0 = term(squared, q0, v, oa + even, a0);
                b0 = term(squared, q0, v, ob + even, b0);
                c0 = term(squared, q0, v, oc + even, c0);
                d0 = term(squared, q0, v, od + even, d0);
                e0 = term(squared, q0, v, oe + even, e0);
                f0 = term(squared, q0, v, of + even, f0);
                g0 = term(squared, q0, v, og + even, g0);
                h0 = term(squared, q0, v, oh + even, h0);
                a1 = term(squared, q1, v, oa + odd, a1);
                b1 = term(squared, q1, v, ob + odd, b1);
                c1 = term(squared, q1, v, oc + odd, c1);
                d1 = term(squared, q1, v, od + odd, d1);
                e1 = term(squared, q1, v, oe + odd, e1);
                f1 = term(squared, q1, v, of + odd, f1);
                g1 = term(squared, q1, v, og + odd, g1);
                h1 = term(squared, q1, v, oh + odd, h1);
            }
            if (i + LANES <= length) {
                FloatVector q0 = load(q, qOffset + i);
                long even = 4L * i;
                a0 = term(squared, q0, v, oa + even, a0);
                b0 = term(squared, q0, v, ob + even, b0);
                c0 = term(squared, q0, v, oc + even, c0);
                d0 = term(squared, q0, v, od + even, d0);
                e0 = term(squared, q0, v, oe + even, e0);
                f0 = term(squared, q0, v, of + even, f0);
                g0 = term(squared, q0, v, og + even, g0);
                h0 = term(squared, q0, v, oh + even, h0);
                i += LANES;
            }
            sa = sumLanes(a0.add(a1));
            sb = sumLanes(b0.add(b1));
            sc = sumLanes(c0.add(c1));
            sd = sumLanes(d0.add(d1));
            se = sumLanes(e0.add(e1));
            sf = sumLanes(f0.add(f1));
            sg = sumLanes(g0.add(g1));
            sh = sumLanes(h0.add(h1));
        }
        for (; i < length; i++) {
            float component = q[qOffset + i];
            long at = 4L * i;
            sa += scalarTerm(squared, component, v.get(FLOAT_LE, oa + at));
            sb += scalarTerm(squared, component, v.get(FLOAT_LE, ob + at));
            sc += scalarTerm(squared, component, v.get(FLOAT_LE, oc + at));
            sd += scalarTerm(squared, component, v.get(FLOAT_LE, od + at));
            se += scalarTerm(squared, component, v.get(FLOAT_LE, oe + at));
            sf += scalarTerm(squared, component, v.get(FLOAT_LE, of + at));
            sg += scalarTerm(squared, component, v.get(FLOAT_LE, og + at));
            sh += scalarTerm(squared, component, v.get(FLOAT_LE, oh + at));
        }
        out[outOffset] = sa;
        out[outOffset + 1] = sb;
        out[outOffset + 2] = sc;
        out[outOffset + 3] = sd;
        out[outOffset + 4] = se;
        out[outOffset + 5] = sf;
        out[outOffset + 6] = sg;
        out[outOffset + 7] = sh;
    }

    private static FloatVector term(boolean squared, FloatVector query, MemorySegment vectors, long byteOffset,
                                    FloatVector acc) {
        FloatVector v = FloatVector.fromMemorySegment(SPECIES, vectors, byteOffset, FILE_ORDER);
        if (squared) {
            FloatVector diff = query.sub(v);
            return diff.fma(diff, acc);
        }
        return query.fma(v, acc);
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

    /**
     * The sum of the lanes, in a fixed order: fold the upper half of the lanes onto the lower half,
     * then the upper quarter, and so on down to lane 0. Every step is a lane-wise add, which the
     * interpreter, C1 and C2 all compute alike, so a distance never depends on whether its kernel
     * has been compiled yet. {@code reduceLanes(ADD)} leaves the order open and does not give that:
     * C2's intrinsic adds in a tree, the Java fallback in sequence, and their last bits differ.
     */
    private static float sumLanes(FloatVector v) {
        if (LANES >= 16) {
            v = v.add(v.rearrange(FOLD_8));
        }
        if (LANES >= 8) {
            v = v.add(v.rearrange(FOLD_4));
        }
        if (LANES >= 4) {
            v = v.add(v.rearrange(FOLD_2));
        }
        if (LANES >= 2) {
            v = v.add(v.rearrange(FOLD_1));
        }
        return v.lane(0);
    }

    /** Lane i takes lane i XOR distance: a fold of the lanes {@code distance} apart; null when wider than the species. */
    private static VectorShuffle<Float> fold(int distance) {
        return LANES >= 2 * distance ? VectorShuffle.fromOp(SPECIES, lane -> lane ^ distance) : null;
    }

    private static FloatVector load(float[] array, int offset) {
        return FloatVector.fromArray(SPECIES, array, offset);
    }
}
