package io.hnswbench.engine;

/**
 * How the heap index stores a vector: every float split into its upper and lower 16 bits, kept
 * apart. The upper halves are the float rounded toward zero to bfloat16 (sign, the full exponent,
 * 7 mantissa bits). Graph searches score against those alone, so they read half the bytes a float
 * vector takes: a search is bound by memory reads, not arithmetic. The lower halves are read only
 * to give a result its exact distance. Together the halves are the float bit for bit, so nothing
 * is lost and the vector takes the same four bytes per dimension.
 *
 * <p>Layout of the upper halves ("packed"): the dimensions in blocks of {@code 2H}, H being
 * {@link VectorKernels#packedHalfBlock()} (a SIMD register's float lanes). Block {@code b} is H
 * ints; int {@code j} holds dimension {@code 2Hb + j} in its low 16 bits and {@code 2Hb + H + j}
 * in its high 16 bits. So one int load and two bit operations (a shift, a mask) give two
 * registers of floats in dimension order, with no lane shuffling. The last block is padded with
 * zeros; queries scored against packed vectors are padded with zeros to {@link #paddedLength} too,
 * which adds exact zeros to the sums. The lower halves are plain {@code short}s in dimension
 * order.
 */
final class PackedVectors {

    private static final int HALF = Kernels.INSTANCE.packedHalfBlock();
    private static final int BLOCK = 2 * HALF;

    private PackedVectors() {
    }

    /** The dimension rounded up to whole blocks: the length of a query scored against packed vectors. */
    static int paddedLength(int dimension) {
        return (dimension + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** Ints one packed vector takes. */
    static int packedInts(int dimension) {
        return paddedLength(dimension) / 2;
    }

    /**
     * Stores {@code source[offset..offset+length)} times {@code scale}: upper halves into
     * {@code packed} from {@code packedOffset} (padding included), lower halves into {@code lows}.
     */
    static void pack(float[] source, int offset, float scale, int length, int[] packed, int packedOffset,
                     short[] lows, int lowOffset) {
        int padded = paddedLength(length);
        for (int blockStart = 0, at = packedOffset; blockStart < padded; blockStart += BLOCK) {
            for (int j = 0; j < HALF; j++, at++) {
                int first = blockStart + j;
                int second = first + HALF;
                int firstBits = first < length ? Float.floatToRawIntBits(source[offset + first] * scale) : 0;
                int secondBits = second < length ? Float.floatToRawIntBits(source[offset + second] * scale) : 0;
                packed[at] = (firstBits >>> 16) | (secondBits & 0xFFFF_0000);
                if (first < length) {
                    lows[lowOffset + first] = (short) firstBits;
                }
                if (second < length) {
                    lows[lowOffset + second] = (short) secondBits;
                }
            }
        }
    }

    /** The float bfloat16 {@code value} stands for: its bits as the upper half, zeros below. */
    static float truncated(float value) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(value) & 0xFFFF_0000);
    }
}
