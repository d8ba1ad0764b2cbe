package io.hnswbench.engine;

/**
 * The index's distance kernels for code outside the index that scans vectors itself, such as an
 * exact (brute-force) search that computes ground truth. SIMD when {@code jdk.incubator.vector} is
 * in the boot layer, plain Java otherwise — the same choice the index makes.
 *
 * <p>Both methods read {@code length} floats of each operand from the given offsets, so rows of one
 * large row-major array can be compared without copying them out. Results are rounded in float and
 * the summation order is not specified; callers that need an exact order of near-equal distances
 * recompute those in double precision.
 */
public final class VectorMath {

    private VectorMath() {
    }

    /** The dot product {@code sum(a_i * b_i)}. */
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        checkRange(a, aOffset, b, bOffset, length);
        return Kernels.INSTANCE.dot(a, aOffset, b, bOffset, length);
    }

    /** The squared Euclidean distance {@code sum((a_i - b_i)^2)}. */
    public static float squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        checkRange(a, aOffset, b, bOffset, length);
        return Kernels.INSTANCE.squaredDistance(a, aOffset, b, bOffset, length);
    }

    /** Which kernels run, e.g. {@code "Panama SIMD, 512-bit (16 float lanes)"}. */
    public static String kernelDescription() {
        return Kernels.INSTANCE.description();
    }

    // Checked once here so a wrong offset fails with a message naming both arrays, not somewhere
    // inside a vector loop of the kernel.
    private static void checkRange(float[] a, int aOffset, float[] b, int bOffset, int length) {
        if (length < 0 || aOffset < 0 || bOffset < 0
                || aOffset > a.length - length || bOffset > b.length - length) {
            throw new IndexOutOfBoundsException("cannot read " + length + " floats at offsets " + aOffset
                    + " and " + bOffset + " of arrays of " + a.length + " and " + b.length);
        }
    }
}
