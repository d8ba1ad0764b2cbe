package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both kernel implementations against a plain double-precision loop and against each other. */
class DistanceKernelsTest {

    static Stream<Arguments> kernelsAndLengths() {
        IntStream lengths = IntStream.concat(IntStream.rangeClosed(1, 67), IntStream.of(128, 384, 784, 1536));
        return lengths.boxed().flatMap(length -> Stream.of(
                Arguments.of(new PanamaKernels(), length),
                Arguments.of(new ScalarKernels(), length)));
    }

    @ParameterizedTest(name = "{0} length {1}")
    @MethodSource("kernelsAndLengths")
    void kernelsEqualAPlainLoop(VectorKernels kernels, int length) {
        SplittableRandom random = new SplittableRandom(length);
        // Offsets into larger arrays, as vectors are read from pages.
        int aOffset = 3;
        int bOffset = 5;
        float[] a = new float[length + 7];
        float[] b = new float[length + 9];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        double dot = 0;
        double dotMagnitude = 0;
        double squared = 0;
        for (int i = 0; i < length; i++) {
            double product = (double) a[aOffset + i] * b[bOffset + i];
            dot += product;
            dotMagnitude += Math.abs(product);
            double difference = (double) a[aOffset + i] - b[bOffset + i];
            squared += difference * difference;
        }
        // Relative to the sum of magnitudes: a dot product near zero is a cancellation, not an error.
        assertEquals(dot, kernels.dot(a, aOffset, b, bOffset, length), 1e-5 * Math.max(dotMagnitude, 1e-6),
                kernels.description() + " dot");
        assertEquals(squared, kernels.squaredDistance(a, aOffset, b, bOffset, length), 1e-5 * squared,
                kernels.description() + " squaredDistance");
    }

    @ParameterizedTest(name = "{0} length {1}")
    @MethodSource("kernelsAndLengths")
    void segmentKernelsGiveTheArrayKernelsResults(VectorKernels kernels, int length) {
        SplittableRandom random = new SplittableRandom(2000 + length);
        float[] query = new float[length + 1];
        for (int i = 0; i < query.length; i++) {
            query[i] = (float) random.nextGaussian();
        }
        float[][] targets = gaussianVectors(random, 8, length);
        try (Arena arena = Arena.ofConfined()) {
            MappedVectors mapped = MappedVectors.of(arena, targets);
            // Same order of additions, so bit-for-bit equal, compiled or not (ENGINE.md, Determinism).
            for (int t = 0; t < 8; t++) {
                assertEquals(kernels.dot(query, 1, targets[t], 0, length),
                        kernels.dot(query, 1, mapped.segment, mapped.offsets[t], length), 0f, "segment dot " + t);
                assertEquals(kernels.squaredDistance(query, 1, targets[t], 0, length),
                        kernels.squaredDistance(query, 1, mapped.segment, mapped.offsets[t], length), 0f,
                        "segment squared distance " + t);
            }
        }
    }

    @ParameterizedTest(name = "{0} length {1}")
    @MethodSource("kernelsAndLengths")
    void traversalKernelsScoreTheTruncatedVectorsLikeAPlainLoop(VectorKernels kernels, int length) {
        SplittableRandom random = new SplittableRandom(3000 + length);
        float[] query = paddedQuery(kernels, random, length);
        float[][] targets = gaussianVectors(random, 4, length);
        Packed packed = Packed.of(kernels, targets, 3);
        float[] dots = new float[5];
        float[] squares = new float[5];
        kernels.dotPackedBulk4(query, packed.slots, packed.offset(0), packed.slots, packed.offset(1),
                packed.slots, packed.offset(2), packed.slots, packed.offset(3), length, dots, 1);
        kernels.squaredDistancePackedBulk4(query, packed.slots, packed.offset(0), packed.slots, packed.offset(1),
                packed.slots, packed.offset(2), packed.slots, packed.offset(3), length, squares, 1);
        for (int t = 0; t < 4; t++) {
            double dot = 0;
            double dotMagnitude = 0;
            double squared = 0;
            for (int i = 0; i < length; i++) {
                double truncated = PackedVectors.truncated(targets[t][i]);
                dot += query[i] * truncated;
                dotMagnitude += Math.abs(query[i] * truncated);
                squared += (query[i] - truncated) * (query[i] - truncated);
            }
            float singleDot = kernels.dotPacked(query, packed.slots, packed.offset(t), length);
            float singleSquared = kernels.squaredDistancePacked(query, packed.slots, packed.offset(t), length);
            assertEquals(dot, singleDot, 1e-5 * Math.max(dotMagnitude, 1e-6), "packed dot " + t);
            assertEquals(squared, singleSquared, 1e-5 * squared, "packed squared distance " + t);
            assertEquals(singleDot, dots[1 + t], 0f, "bulk4 packed dot " + t);
            assertEquals(singleSquared, squares[1 + t], 0f, "bulk4 packed squared distance " + t);
        }
    }

    /**
     * The test above runs each kernel a few times, mostly interpreted. The four-vector kernel sums
     * its lanes with other instructions than the single ones (two-vector selects), so check they
     * still agree bit for bit after enough calls for C2 to have compiled both, in the lengths of
     * real embeddings. A search and the insert that built its graph may run either kernel.
     */
    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {100, 384, 784})
    void fourVectorAndSingleTraversalKernelsAgreeOnceCompiled(int length) {
        VectorKernels kernels = Kernels.INSTANCE;
        SplittableRandom random = new SplittableRandom(7000 + length);
        float[] query = paddedQuery(kernels, random, length);
        Packed packed = Packed.of(kernels, gaussianVectors(random, 64, length), 1);
        float[] bulk = new float[4];
        for (int call = 0; call < 40_000; call++) {
            int[] targets = {random.nextInt(64), random.nextInt(64), random.nextInt(64), random.nextInt(64)};
            boolean squared = call % 2 == 1;
            if (squared) {
                kernels.squaredDistancePackedBulk4(query, packed.slots, packed.offset(targets[0]), packed.slots,
                        packed.offset(targets[1]), packed.slots, packed.offset(targets[2]), packed.slots,
                        packed.offset(targets[3]), length, bulk, 0);
            } else {
                kernels.dotPackedBulk4(query, packed.slots, packed.offset(targets[0]), packed.slots,
                        packed.offset(targets[1]), packed.slots, packed.offset(targets[2]), packed.slots,
                        packed.offset(targets[3]), length, bulk, 0);
            }
            for (int t = 0; t < 4; t++) {
                float single = squared
                        ? kernels.squaredDistancePacked(query, packed.slots, packed.offset(targets[t]), length)
                        : kernels.dotPacked(query, packed.slots, packed.offset(targets[t]), length);
                if (Float.floatToRawIntBits(single) != Float.floatToRawIntBits(bulk[t])) {
                    assertEquals(single, bulk[t], 0f, (squared ? "squared distance" : "dot") + ", call " + call
                            + ", vector " + t);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} length {1}")
    @MethodSource("kernelsAndLengths")
    void mappedVectorsTruncatedAsReadScoreBitForBitAsTheirPackedForm(VectorKernels kernels, int length) {
        SplittableRandom random = new SplittableRandom(4000 + length);
        float[] query = paddedQuery(kernels, random, length);
        float[][] targets = gaussianVectors(random, 4, length);
        Packed packed = Packed.of(kernels, targets, 0);
        try (Arena arena = Arena.ofConfined()) {
            MappedVectors mapped = MappedVectors.of(arena, targets);
            for (int t = 0; t < 4; t++) {
                assertEquals(kernels.dotPacked(query, packed.slots, packed.offset(t), length),
                        kernels.dotTruncated(query, mapped.segment, mapped.offsets[t], length), 0f, "dot " + t);
                assertEquals(kernels.squaredDistancePacked(query, packed.slots, packed.offset(t), length),
                        kernels.squaredDistanceTruncated(query, mapped.segment, mapped.offsets[t], length), 0f,
                        "squared distance " + t);
            }
        }
    }

    @ParameterizedTest(name = "{0} length {1}")
    @MethodSource("kernelsAndLengths")
    void bothHalvesGiveBackTheExactVectorAndItsFloatKernelDistances(VectorKernels kernels, int length) {
        SplittableRandom random = new SplittableRandom(5000 + length);
        float[] query = new float[length];
        for (int i = 0; i < length; i++) {
            query[i] = (float) random.nextGaussian();
        }
        float[][] targets = gaussianVectors(random, 3, length);
        Packed packed = Packed.of(kernels, targets, 5);
        float[] unpacked = new float[length];
        int padded = paddedLength(kernels, length);
        float[] truncated = new float[padded + 1];
        Arrays.fill(truncated, Float.NaN);
        for (int t = 0; t < 3; t++) {
            kernels.unpackExact(packed.slots, packed.offset(t), packed.lows, packed.lowOffset(t), length, unpacked);
            kernels.unpackTruncated(packed.slots, packed.offset(t), length, truncated);
            for (int i = 0; i < length; i++) {
                assertEquals(Float.floatToRawIntBits(targets[t][i]), Float.floatToRawIntBits(unpacked[i]),
                        "exact component " + i);
                assertEquals(Float.floatToRawIntBits(PackedVectors.truncated(targets[t][i])),
                        Float.floatToRawIntBits(truncated[i]), "truncated component " + i);
            }
            for (int i = length; i < padded; i++) {
                assertEquals(0f, truncated[i], 0f, "padding " + i);
            }
            assertEquals(Float.NaN, truncated[padded], "written past the padding");
            assertEquals(kernels.dot(query, 0, targets[t], 0, length),
                    kernels.dotExact(query, packed.slots, packed.offset(t), packed.lows, packed.lowOffset(t), length),
                    0f, "exact dot " + t);
            assertEquals(kernels.squaredDistance(query, 0, targets[t], 0, length),
                    kernels.squaredDistanceExact(query, packed.slots, packed.offset(t), packed.lows,
                            packed.lowOffset(t), length), 0f, "exact squared distance " + t);
        }
    }

    private static float[][] gaussianVectors(SplittableRandom random, int count, int length) {
        float[][] vectors = new float[count][length];
        for (float[] vector : vectors) {
            for (int i = 0; i < length; i++) {
                vector[i] = (float) random.nextGaussian();
            }
        }
        return vectors;
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {1, 15, 16, 17, 31, 32, 33, 384, 784})
    void packingAVectorKeepsEveryBitAndScalesItFirst(int length) {
        SplittableRandom random = new SplittableRandom(6000 + length);
        float[][] vector = gaussianVectors(random, 1, length);
        float[] scaled = new float[length];
        for (int i = 0; i < length; i++) {
            scaled[i] = vector[0][i] * 0.5f;
        }
        Packed expected = Packed.of(Kernels.INSTANCE, new float[][] {scaled}, 2);
        int[] slots = new int[expected.slots().length];
        short[] lows = new short[expected.lows().length];
        PackedVectors.pack(vector[0], 0, 0.5f, length, slots, 2, lows, 2);
        assertArrayEquals(expected.slots(), slots, "upper halves");
        assertArrayEquals(expected.lows(), lows, "lower halves");
        assertEquals(paddedLength(Kernels.INSTANCE, length), PackedVectors.paddedLength(length));
        assertEquals(paddedLength(Kernels.INSTANCE, length) / 2, PackedVectors.packedInts(length));
    }

    private static int paddedLength(VectorKernels kernels, int length) {
        int block = 2 * kernels.packedHalfBlock();
        return (length + block - 1) / block * block;
    }

    /** A query of the kernels' padded length: random up to {@code length}, zero after. */
    private static float[] paddedQuery(VectorKernels kernels, SplittableRandom random, int length) {
        float[] query = new float[paddedLength(kernels, length)];
        for (int i = 0; i < length; i++) {
            query[i] = (float) random.nextGaussian();
        }
        return query;
    }

    /**
     * Vectors packed for {@code kernels} as a page holds them, one after another from a non-zero
     * start. Packed by hand here (not by {@link PackedVectors}, which follows the active kernels).
     */
    private record Packed(int[] slots, short[] lows, int stride, int start, int length) {

        static Packed of(VectorKernels kernels, float[][] vectors, int start) {
            int half = kernels.packedHalfBlock();
            int length = vectors[0].length;
            int blocks = (length + 2 * half - 1) / (2 * half);
            int stride = blocks * half + 3;
            int[] slots = new int[start + vectors.length * stride];
            short[] lows = new short[start + vectors.length * length];
            for (int v = 0; v < vectors.length; v++) {
                for (int i = 0; i < length; i++) {
                    int bits = Float.floatToRawIntBits(vectors[v][i]);
                    int block = i / (2 * half);
                    int inBlock = i % (2 * half);
                    int at = start + v * stride + block * half + inBlock % half;
                    slots[at] |= inBlock < half ? bits >>> 16 : bits & 0xFFFF_0000;
                    lows[start + v * length + i] = (short) bits;
                }
            }
            return new Packed(slots, lows, stride, start, length);
        }

        int offset(int vector) {
            return start + vector * stride;
        }

        int lowOffset(int vector) {
            return start + vector * length;
        }
    }

    /** Float vectors in one little-endian segment, as in a mapped index file, out of order and not 64-byte aligned. */
    private record MappedVectors(MemorySegment segment, long[] offsets) {

        static MappedVectors of(Arena arena, float[][] vectors) {
            int length = vectors[0].length;
            long stride = 4L * length + 12;
            MemorySegment segment = arena.allocate(vectors.length * stride + 64, 64);
            long[] offsets = new long[vectors.length];
            for (int t = 0; t < vectors.length; t++) {
                offsets[t] = (vectors.length - 1 - t) * stride + 4;
                for (int i = 0; i < length; i++) {
                    segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
                            offsets[t] + 4L * i, vectors[t][i]);
                }
            }
            return new MappedVectors(segment, offsets);
        }
    }

    @Test
    void simdKernelsAreChosenWhenTheVectorModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent(),
                "the test JVM should run with --add-modules jdk.incubator.vector");
        assertTrue(Kernels.simdActive(), "expected SIMD kernels, got " + HnswIndex.kernelDescription());
    }

    @Test
    void cosineAndInnerProductAndL2DistancesFollowTheirDocumentedFormulas() {
        float[] a = {3, 4};
        float[] b = {4, 3};
        assertEquals(25 * 2 - 2 * 24, new DistanceFunction(Metric.L2).distance(a, 0, b, 0, 2), 1e-6);
        assertEquals(1 - 24, new DistanceFunction(Metric.INNER_PRODUCT).distance(a, 0, b, 0, 2), 1e-6);
    }
}
