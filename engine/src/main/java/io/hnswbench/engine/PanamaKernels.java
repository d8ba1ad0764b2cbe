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

    @Override
    public String description() {
        return "Panama SIMD, " + SPECIES.vectorBitSize() + "-bit (" + LANES + " float lanes)";
    }

    private static FloatVector load(float[] array, int offset) {
        return FloatVector.fromArray(SPECIES, array, offset);
    }
}
