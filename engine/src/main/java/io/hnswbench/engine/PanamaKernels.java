package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.function.IntUnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the JDK Vector API. Loaded only by {@link Kernels} after it has checked that
 * {@code jdk.incubator.vector} is in the boot layer; touching this class without the module throws
 * {@link NoClassDefFoundError}.
 *
 * <p>Every kernel adds up one vector the same way: even chunks of {@code LANES} floats into one
 * accumulator and odd chunks into another (two independent chains, so consecutive fused
 * multiply-adds do not wait on each other), the two accumulators added and their lanes summed in
 * a fixed order ({@link #sumLanes}). The exact kernels (floats, or both halves of a heap vector)
 * put a last odd chunk into the first accumulator before the lane sum and add a scalar tail after
 * it, so a distance is bit for bit the same whichever of them computed it, compiled or not. The traversal kernels (bfloat16
 * upper halves, or mapped floats truncated as read) pad the last block with zeros instead. The
 * four-vector kernel reads four vectors in one loop, which keeps that many memory streams in
 * flight: in a graph search the vectors are scattered and mostly not in cache, and waiting out
 * their misses one vector at a time is what costs.
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
    /**
     * Whether the four-vector kernel sums its four vectors' lanes together in one register (see
     * {@link #pairFold}) rather than one by one: bit for bit the same sums with a third of the
     * shuffles where a two-vector select is one instruction, as on AVX-512 (vpermt2ps): the kernel
     * takes 0.72–0.79× the time per 384-d distance in cache (docs/BENCHMARKS.md). With 8 lanes
     * (AVX2) C2 builds each select from two permutes and a blend, and searches ran slower.
     */
    private static final boolean FOLD_FOUR_AT_ONCE = LANES == 16;
    /** Lanes per vector in the register the four-vector kernel folds four lane sums into: 4 of 16. */
    private static final int QUARTER = LANES / 4;
    private static final FloatVector PAIR_LOW = selector(lane -> lane < LANES / 2 ? lane : lane + LANES / 2);
    private static final FloatVector PAIR_HIGH = selector(lane -> lane < LANES / 2 ? lane + LANES / 2 : lane + LANES);
    private static final FloatVector QUAD_LOW = selector(PanamaKernels::quadSource);
    private static final FloatVector QUAD_HIGH = selector(lane -> quadSource(lane) + QUARTER);
    private static final int PAIR_STRIDE = 2 * LANES;
    private static final ByteOrder FILE_ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT.withOrder(FILE_ORDER);
    /** Ints of the float species' width: one load is a block of the packed layout. */
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());
    /** As many shorts as there are float lanes: the lower halves of one register of floats. */
    private static final VectorSpecies<Short> LOWS = VectorSpecies.of(short.class, VectorShape.forBitSize(LANES * Short.SIZE));
    private static final int UPPER_HALF = 0xFFFF_0000;

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

    // Traversal kernels (see VectorKernels). A block of the packed layout is one int register:
    // shifted up 16 bits it is the block's first LANES dimensions as floats, masked to its upper
    // halves the next LANES. They go into the even and odd accumulators as in the float kernels.

    @Override
    public int packedHalfBlock() {
        return LANES;
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
        packed4(false, q, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
    }

    @Override
    public void squaredDistancePackedBulk4(float[] q, int[] a, int aOffset, int[] b, int bOffset, int[] c, int cOffset,
                                           int[] d, int dOffset, int length, float[] out, int outOffset) {
        packed4(true, q, a, aOffset, b, bOffset, c, cOffset, d, dOffset, length, out, outOffset);
    }

    private static float packed(boolean squared, float[] q, int[] v, int offset, int length) {
        FloatVector even = FloatVector.zero(SPECIES);
        FloatVector odd = even;
        for (int i = 0, at = offset; i < length; i += PAIR_STRIDE, at += LANES) {
            IntVector block = IntVector.fromArray(INTS, v, at);
            even = term(squared, load(q, i), firstHalf(block), even);
            odd = term(squared, load(q, i + LANES), secondHalf(block), odd);
        }
        return sumLanes(even.add(odd));
    }

    private static void packed4(boolean squared, float[] q, int[] a, int aOffset, int[] b, int bOffset,
                                int[] c, int cOffset, int[] d, int dOffset, int length, float[] out, int outOffset) {
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
        for (int i = 0, at = 0; i < length; i += PAIR_STRIDE, at += LANES) {
            FloatVector q0 = load(q, i);
            FloatVector q1 = load(q, i + LANES);
            IntVector va = IntVector.fromArray(INTS, a, aOffset + at);
            IntVector vb = IntVector.fromArray(INTS, b, bOffset + at);
            IntVector vc = IntVector.fromArray(INTS, c, cOffset + at);
            IntVector vd = IntVector.fromArray(INTS, d, dOffset + at);
            a0 = term(squared, q0, firstHalf(va), a0);
            b0 = term(squared, q0, firstHalf(vb), b0);
            c0 = term(squared, q0, firstHalf(vc), c0);
            d0 = term(squared, q0, firstHalf(vd), d0);
            a1 = term(squared, q1, secondHalf(va), a1);
            b1 = term(squared, q1, secondHalf(vb), b1);
            c1 = term(squared, q1, secondHalf(vc), c1);
            d1 = term(squared, q1, secondHalf(vd), d1);
        }
        if (!FOLD_FOUR_AT_ONCE) {
            out[outOffset] = sumLanes(a0.add(a1));
            out[outOffset + 1] = sumLanes(b0.add(b1));
            out[outOffset + 2] = sumLanes(c0.add(c1));
            out[outOffset + 3] = sumLanes(d0.add(d1));
            return;
        }
        // With 16 lanes each quarter holds 4 partial sums: two more folds, within the quarters.
        FloatVector sums = foldedBy(foldedBy(quadFold(pairFold(a0.add(a1), b0.add(b1)),
                pairFold(c0.add(c1), d0.add(d1))), FOLD_2), FOLD_1);
        out[outOffset] = sums.lane(0);
        out[outOffset + 1] = sums.lane(QUARTER);
        out[outOffset + 2] = sums.lane(2 * QUARTER);
        out[outOffset + 3] = sums.lane(3 * QUARTER);
    }

    @Override
    public float dotTruncated(float[] q, MemorySegment vectors, long byteOffset, int length) {
        return truncated(false, q, vectors, byteOffset, length);
    }

    @Override
    public float squaredDistanceTruncated(float[] q, MemorySegment vectors, long byteOffset, int length) {
        return truncated(true, q, vectors, byteOffset, length);
    }

    /**
     * A mapped float vector scored as its packed form would be: each register truncated to its
     * upper halves, the last block read under a mask so its missing lanes are the same zeros as
     * the packed layout's padding.
     */
    private static float truncated(boolean squared, float[] q, MemorySegment vectors, long byteOffset, int length) {
        FloatVector even = FloatVector.zero(SPECIES);
        FloatVector odd = even;
        int i = 0;
        for (int bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE) {
            even = term(squared, load(q, i), upperHalves(FloatVector.fromMemorySegment(SPECIES, vectors,
                    byteOffset + 4L * i, FILE_ORDER)), even);
            odd = term(squared, load(q, i + LANES), upperHalves(FloatVector.fromMemorySegment(SPECIES, vectors,
                    byteOffset + 4L * (i + LANES), FILE_ORDER)), odd);
        }
        if (i < length) {
            VectorMask<Float> first = SPECIES.indexInRange(i, length);
            VectorMask<Float> second = SPECIES.indexInRange(i + LANES, length);
            even = term(squared, load(q, i), upperHalves(FloatVector.fromMemorySegment(SPECIES, vectors,
                    byteOffset + 4L * i, FILE_ORDER, first)), even);
            odd = term(squared, load(q, i + LANES), upperHalves(FloatVector.fromMemorySegment(SPECIES, vectors,
                    byteOffset + 4L * (i + LANES), FILE_ORDER, second)), odd);
        }
        return sumLanes(even.add(odd));
    }

    @Override
    public void unpackTruncated(int[] packed, int offset, int length, float[] destination) {
        for (int i = 0, at = offset; i < length; i += PAIR_STRIDE, at += LANES) {
            IntVector block = IntVector.fromArray(INTS, packed, at);
            firstHalf(block).intoArray(destination, i);
            secondHalf(block).intoArray(destination, i + LANES);
        }
    }

    @Override
    public void unpackExact(int[] packed, int offset, short[] lows, int lowOffset, int length, float[] destination) {
        int i = 0;
        for (int at = offset, bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE, at += LANES) {
            IntVector block = IntVector.fromArray(INTS, packed, at);
            exactFirst(block, lows, lowOffset + i).intoArray(destination, i);
            exactSecond(block, lows, lowOffset + i + LANES).intoArray(destination, i + LANES);
        }
        // The last, partial block: few enough floats to put together one by one.
        for (; i < length; i++) {
            destination[i] = exactComponent(packed, offset, lows, lowOffset, i);
        }
    }

    // Exact kernels over the two halves: the float kernels' order (pairs of registers into two
    // accumulators, a last odd register into the first, lane sum, scalar tail), each register put
    // together from its block's upper halves and LANES lower halves.

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
        int i = 0;
        float sum = 0;
        if (length >= LANES) {
            FloatVector even = FloatVector.zero(SPECIES);
            FloatVector odd = even;
            int at = offset;
            for (int bound = length - length % PAIR_STRIDE; i < bound; i += PAIR_STRIDE, at += LANES) {
                IntVector block = IntVector.fromArray(INTS, packed, at);
                even = term(squared, load(q, i), exactFirst(block, lows, lowOffset + i), even);
                odd = term(squared, load(q, i + LANES), exactSecond(block, lows, lowOffset + i + LANES), odd);
            }
            if (i + LANES <= length) {
                IntVector block = IntVector.fromArray(INTS, packed, at);
                even = term(squared, load(q, i), exactFirst(block, lows, lowOffset + i), even);
                i += LANES;
            }
            sum = sumLanes(even.add(odd));
        }
        for (; i < length; i++) {
            sum += scalarTerm(squared, q[i], exactComponent(packed, offset, lows, lowOffset, i));
        }
        return sum;
    }

    /** The block's first LANES dimensions, exact: upper halves shifted into place, lower halves added in. */
    private static FloatVector exactFirst(IntVector block, short[] lows, int lowOffset) {
        return block.lanewise(VectorOperators.LSHL, 16).or(lowBits(lows, lowOffset)).reinterpretAsFloats();
    }

    /** The block's next LANES dimensions, exact. */
    private static FloatVector exactSecond(IntVector block, short[] lows, int lowOffset) {
        return block.and(UPPER_HALF).or(lowBits(lows, lowOffset)).reinterpretAsFloats();
    }

    /** Dimension {@code i} of a vector stored as two halves. */
    private static float exactComponent(int[] packed, int offset, short[] lows, int lowOffset, int i) {
        int block = i / PAIR_STRIDE;
        int inBlock = i - block * PAIR_STRIDE;
        int at = offset + block * LANES;
        int upper = inBlock < LANES ? packed[at + inBlock] << 16 : packed[at + inBlock - LANES] & UPPER_HALF;
        return Float.intBitsToFloat(upper | (lows[lowOffset + i] & 0xFFFF));
    }

    /** LANES lower halves as ints, zero-extended. */
    private static IntVector lowBits(short[] lows, int offset) {
        return ((IntVector) ShortVector.fromArray(LOWS, lows, offset).convertShape(VectorOperators.S2I, INTS, 0))
                .and(0xFFFF);
    }

    /** The block's first LANES dimensions: the low 16 bits of each int, moved up to be a float's upper half. */
    private static FloatVector firstHalf(IntVector block) {
        return block.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
    }

    /** The block's next LANES dimensions: the high 16 bits of each int, already where a float's upper half goes. */
    private static FloatVector secondHalf(IntVector block) {
        return block.and(UPPER_HALF).reinterpretAsFloats();
    }

    private static FloatVector upperHalves(FloatVector v) {
        return v.reinterpretAsInts().and(UPPER_HALF).reinterpretAsFloats();
    }

    /** One step over floats already in a register: {@code acc + q*v} or {@code acc + (q-v)^2}. */
    private static FloatVector term(boolean squared, FloatVector query, FloatVector v, FloatVector acc) {
        if (squared) {
            FloatVector diff = query.sub(v);
            return diff.fma(diff, acc);
        }
        return query.fma(v, acc);
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
        return foldedBy(foldedBy(foldedBy(foldedBy(v, FOLD_8), FOLD_4), FOLD_2), FOLD_1).lane(0);
    }

    /**
     * One fold: lane i plus the lane {@code fold} pairs it with; {@code null} (a fold wider than
     * the species) leaves {@code v} as it is.
     *
     * <p>This and the other helpers that take or return vectors stay under C2's always-inline size
     * (35 bytes of bytecode). A vector passed to a call that is not inlined is boxed on the heap;
     * a larger helper was inlined in some compilations and not in others.
     */
    private static FloatVector foldedBy(FloatVector v, VectorShuffle<Float> fold) {
        return fold == null ? v : v.add(v.rearrange(fold));
    }

    /**
     * The first fold of two vectors in one register: lanes below LANES/2 hold {@code a}'s lane i
     * plus lane i + LANES/2, the lanes above the same of {@code b}. The four-vector kernel then
     * folds two such registers by quarters ({@link #quadFold}) and the last folds act on all four
     * sums at once, so each sum still adds lane i to lane i + LANES/2, then i + LANES/4, and so on,
     * as {@link #sumLanes} does.
     */
    private static FloatVector pairFold(FloatVector a, FloatVector b) {
        return PAIR_LOW.selectFrom(a, b).add(PAIR_HIGH.selectFrom(a, b));
    }

    /** The second fold of two {@link #pairFold} results: vector g's partial sums in lanes [g*QUARTER, (g+1)*QUARTER). */
    private static FloatVector quadFold(FloatVector ab, FloatVector cd) {
        return QUAD_LOW.selectFrom(ab, cd).add(QUAD_HIGH.selectFrom(ab, cd));
    }

    /**
     * Where lane {@code lane} of the quarter fold reads from, in the index space of a two-vector
     * select over (ab, cd): lanes [g*QUARTER, (g+1)*QUARTER) gather vector g's half-folded lanes,
     * which lie in the low half of ab (g = 0), the high half of ab (1), of cd (2, 3).
     */
    private static int quadSource(int lane) {
        int vector = lane / QUARTER;
        return (vector / 2) * LANES + (vector % 2) * (LANES / 2) + lane % QUARTER;
    }

    /**
     * Indexes for {@link FloatVector#selectFrom(Vector, Vector)}: lane i holds {@code source(i)},
     * where 0..LANES-1 name the first vector's lanes and LANES..2*LANES-1 the second's. Only
     * built where they are used ({@link #FOLD_FOUR_AT_ONCE}).
     */
    private static FloatVector selector(IntUnaryOperator source) {
        if (!FOLD_FOUR_AT_ONCE) {
            return null;
        }
        float[] lanes = new float[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            lanes[lane] = source.applyAsInt(lane);
        }
        return FloatVector.fromArray(SPECIES, lanes, 0);
    }

    /** Lane i takes lane i XOR distance: a fold of the lanes {@code distance} apart; null when wider than the species. */
    private static VectorShuffle<Float> fold(int distance) {
        return LANES >= 2 * distance ? VectorShuffle.fromOp(SPECIES, lane -> lane ^ distance) : null;
    }

    private static FloatVector load(float[] array, int offset) {
        return FloatVector.fromArray(SPECIES, array, offset);
    }
}
