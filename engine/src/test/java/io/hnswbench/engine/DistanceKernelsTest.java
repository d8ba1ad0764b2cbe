package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both kernel implementations against a plain double-precision loop. */
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
    void bulkKernelsGiveBitForBitTheSingleKernelsResults(VectorKernels kernels, int length) {
        SplittableRandom random = new SplittableRandom(1000 + length);
        float[] query = new float[length + 2];
        float[][] targets = new float[8][length + 8];
        for (int i = 0; i < query.length; i++) {
            query[i] = (float) random.nextGaussian();
        }
        for (float[] target : targets) {
            for (int i = 0; i < target.length; i++) {
                target[i] = (float) random.nextGaussian();
            }
        }
        float[] dots = new float[6];
        float[] squares = new float[6];
        kernels.dotBulk4(query, 2, targets[0], 1, targets[1], 2, targets[2], 3, targets[3], 4, length, dots, 1);
        kernels.squaredDistanceBulk4(query, 2, targets[0], 1, targets[1], 2, targets[2], 3, targets[3], 4, length, squares, 2);
        for (int t = 0; t < 4; t++) {
            assertEquals(kernels.dot(query, 2, targets[t], t + 1, length), dots[1 + t], 0f, "dot of target " + t);
            assertEquals(kernels.squaredDistance(query, 2, targets[t], t + 1, length), squares[2 + t], 0f,
                    "squared distance of target " + t);
        }
        int[] offsets = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        float[][] arrays = new float[10][];
        System.arraycopy(targets, 0, arrays, 2, 8);
        float[] dots8 = new float[9];
        float[] squares8 = new float[9];
        kernels.dotBulk8(query, 2, arrays, offsets, 2, length, dots8, 1);
        kernels.squaredDistanceBulk8(query, 2, arrays, offsets, 2, length, squares8, 1);
        for (int t = 0; t < 8; t++) {
            assertEquals(kernels.dot(query, 2, targets[t], t + 1, length), dots8[1 + t], 0f, "bulk8 dot of target " + t);
            assertEquals(kernels.squaredDistance(query, 2, targets[t], t + 1, length), squares8[1 + t], 0f,
                    "bulk8 squared distance of target " + t);
        }
    }

    @ParameterizedTest(name = "{0} length {1}")
    @MethodSource("kernelsAndLengths")
    void segmentKernelsGiveTheArrayKernelsResults(VectorKernels kernels, int length) {
        SplittableRandom random = new SplittableRandom(2000 + length);
        float[] query = new float[length + 1];
        float[][] targets = new float[8][length];
        for (int i = 0; i < query.length; i++) {
            query[i] = (float) random.nextGaussian();
        }
        // The eight vectors lie in one little-endian segment, as in a mapped index file, at
        // offsets that are not in order and one that is not a multiple of 64 bytes.
        long stride = 4L * length + 12;
        long[] offsets = new long[9];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(8 * stride + 64, 64);
            for (int t = 0; t < 8; t++) {
                offsets[1 + t] = (7 - t) * stride + 4;
                for (int i = 0; i < length; i++) {
                    targets[t][i] = (float) random.nextGaussian();
                    segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
                            offsets[1 + t] + 4L * i, targets[t][i]);
                }
            }
            float[] dots8 = new float[10];
            float[] squares8 = new float[10];
            kernels.dotBulk8(query, 1, segment, offsets, 1, length, dots8, 2);
            kernels.squaredDistanceBulk8(query, 1, segment, offsets, 1, length, squares8, 2);
            // Same order of additions, so bit-for-bit equal, compiled or not (ENGINE.md, Determinism).
            for (int t = 0; t < 8; t++) {
                float dot = kernels.dot(query, 1, targets[t], 0, length);
                float squared = kernels.squaredDistance(query, 1, targets[t], 0, length);
                assertEquals(dot, kernels.dot(query, 1, segment, offsets[1 + t], length), 0f, "segment dot " + t);
                assertEquals(squared, kernels.squaredDistance(query, 1, segment, offsets[1 + t], length), 0f,
                        "segment squared distance " + t);
                assertEquals(dot, dots8[2 + t], 0f, "segment bulk8 dot " + t);
                assertEquals(squared, squares8[2 + t], 0f, "segment bulk8 squared distance " + t);
            }
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
