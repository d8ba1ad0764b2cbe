package io.hnswbench.engine;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per distance of the two primitive kernels, SIMD ({@link PanamaKernels}) against
 * plain Java ({@link ScalarKernels}). It lives in the engine's package because the kernels are
 * package-private; run it with {@code ./bench kernels}.
 *
 * <p>The reported time includes a counter increment and a mask, about one cycle, on top of the
 * kernel. The operands, {@code 2 * PAIRS * dimension} floats, stay in L1 up to 784-d on a core
 * with 32 KB of L1d (25 KB); at 1536-d (48 KB) they come from L2, so the largest size also
 * measures L2 bandwidth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class DistanceKernelBenchmark {

    /** Power of two so the rotation is a mask; more than one so the JIT cannot fold a constant pair. */
    private static final int PAIRS = 4;

    @Param({"128", "384", "784", "1536"})
    int dimension;

    @Param({"panama", "scalar"})
    String kernel;

    /**
     * JMH forks a JVM per parameter combination, so this call site only ever sees one class and
     * the JIT inlines it as it does the engine's {@code Kernels.INSTANCE}.
     */
    private VectorKernels kernels;
    /** {@code PAIRS} vectors laid end to end, as the engine stores them many to a page. */
    private float[] left;
    private float[] right;
    private int nextPair;

    @Setup
    public void setUp() {
        kernels = switch (kernel) {
            case "panama" -> new PanamaKernels();
            case "scalar" -> new ScalarKernels();
            default -> throw new IllegalArgumentException("kernel must be panama or scalar, got " + kernel);
        };
        Random random = new Random(42);
        left = randomVectors(random);
        right = randomVectors(random);
    }

    @Benchmark
    public float dot() {
        int offset = nextOffset();
        return kernels.dot(left, offset, right, offset, dimension);
    }

    @Benchmark
    public float squaredDistance() {
        int offset = nextOffset();
        return kernels.squaredDistance(left, offset, right, offset, dimension);
    }

    private int nextOffset() {
        return (nextPair++ & (PAIRS - 1)) * dimension;
    }

    private float[] randomVectors(Random random) {
        float[] vectors = new float[PAIRS * dimension];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = random.nextFloat() * 2 - 1;
        }
        return vectors;
    }
}
