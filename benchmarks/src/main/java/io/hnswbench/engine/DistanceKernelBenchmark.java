package io.hnswbench.engine;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per distance of the distance kernels; it lives in the engine's package because the
 * kernels are package-private. Run it with {@code ./bench kernels}. Two groups, each with its own
 * state (and so its own parameters):
 *
 * <ul>
 *   <li>{@code dot} and {@code squaredDistance}: the single kernels on operands that stay in cache,
 *       SIMD ({@link PanamaKernels}) against plain Java ({@link ScalarKernels}). The operands,
 *       {@code 2 * PAIRS * dimension} floats, stay in L1 up to 784-d on a core with 32 KB of L1d
 *       (25 KB); at 1536-d (48 KB) they come from L2, so the largest size also measures L2
 *       bandwidth. The time includes a counter increment and a mask, about one cycle.</li>
 *   <li>{@code scatteredDot4Single} and {@code scatteredDotBulk4}: why the bulk kernels exist. One
 *       query against four vectors picked at random from a pool much larger than the caches, as a
 *       graph search reads a neighbour row: four {@code dot} calls against one {@code dotBulk4}
 *       call. Both are reported per distance ({@code @OperationsPerInvocation(4)}).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DistanceKernelBenchmark {

    /** Power of two so the rotation is a mask; more than one so the JIT cannot fold a constant pair. */
    private static final int PAIRS = 4;

    /**
     * JMH forks a JVM per parameter combination, so the call sites below only ever see one class
     * and the JIT inlines it as it does the engine's {@code Kernels.INSTANCE}.
     */
    private static VectorKernels kernels(String kernel) {
        return switch (kernel) {
            case "panama" -> new PanamaKernels();
            case "scalar" -> new ScalarKernels();
            default -> throw new IllegalArgumentException("kernel must be panama or scalar, got " + kernel);
        };
    }

    private static void fill(float[] vectors, Random random) {
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = random.nextFloat() * 2 - 1;
        }
    }

    /** Operands of the single kernels: a few vectors that stay in L1 (L2 at 1536-d). */
    @State(Scope.Thread)
    public static class InCache {

        @Param({"128", "384", "784", "1536"})
        int dimension;

        @Param({"panama", "scalar"})
        String kernel;

        VectorKernels kernels;
        /** {@code PAIRS} vectors laid end to end, as the engine stores them many to a page. */
        float[] left;
        float[] right;
        int nextPair;

        @Setup
        public void setUp() {
            kernels = kernels(kernel);
            Random random = new Random(42);
            left = new float[PAIRS * dimension];
            right = new float[PAIRS * dimension];
            fill(left, random);
            fill(right, random);
        }

        int nextOffset() {
            return (nextPair++ & (PAIRS - 1)) * dimension;
        }
    }

    /**
     * A pool of vectors in pages of {@link NodeStore#PAGE_SIZE}, as the engine stores them, and a
     * sequence of random picks from it, fixed per trial (seeded). The pool is {@code poolMegabytes}
     * of floats rounded up to whole pages (1 MB becomes 1.5 MB): the default 64 MB is twice the
     * 32 MB L3 this benchmark was written on, so nearly every pick misses the caches, as the
     * vectors of a neighbour row do in a large index. Setup prints the pool's actual size.
     */
    @State(Scope.Thread)
    public static class Scattered {

        /** Sequence of picks, a power of two; it touches ~{@code PICKS * 4 * dimension} bytes before it repeats. */
        private static final int PICKS = 1 << 18;

        @Param({"384", "784"})
        int dimension;

        @Param({"panama"})
        String kernel;

        @Param({"64"})
        int poolMegabytes;

        VectorKernels kernels;
        float[][] pages;
        float[] query;
        /** Vector numbers in the pool, read four at a time. */
        int[] picks;
        int nextPick;
        /** Where both variants put their four distances, so both end the same way. */
        final float[] out = new float[4];

        @Setup
        public void setUp() {
            kernels = kernels(kernel);
            long poolVectors = Math.max(4, (long) poolMegabytes * 1024 * 1024 / ((long) Float.BYTES * dimension));
            int pageCount = (int) ((poolVectors + NodeStore.PAGE_SIZE - 1) / NodeStore.PAGE_SIZE);
            Random random = new Random(42);
            pages = new float[pageCount][];
            for (int p = 0; p < pageCount; p++) {
                pages[p] = new float[NodeStore.PAGE_SIZE * dimension];
                fill(pages[p], random);
            }
            int vectors = pageCount * NodeStore.PAGE_SIZE;
            query = new float[dimension];
            fill(query, random);
            picks = new int[PICKS];
            for (int i = 0; i < PICKS; i++) {
                picks[i] = random.nextInt(vectors);
            }
            System.out.printf("pool: %d vectors of %d-d in %d pages, %.1f MB; %d random picks%n",
                    vectors, dimension, pageCount, (double) vectors * dimension * Float.BYTES / (1024 * 1024), PICKS);
        }

        /** The next four picks start at {@code nextPick}; advances it. */
        int takeFour() {
            int first = nextPick;
            nextPick = (first + 4) & (PICKS - 1);
            return first;
        }

        float[] page(int vector) {
            return pages[vector >>> NodeStore.PAGE_BITS];
        }

        int offset(int vector) {
            return (vector & NodeStore.PAGE_MASK) * dimension;
        }
    }

    @Benchmark
    public float dot(InCache s) {
        int offset = s.nextOffset();
        return s.kernels.dot(s.left, offset, s.right, offset, s.dimension);
    }

    @Benchmark
    public float squaredDistance(InCache s) {
        int offset = s.nextOffset();
        return s.kernels.squaredDistance(s.left, offset, s.right, offset, s.dimension);
    }

    /**
     * Four {@code dot} calls, one after another, on four scattered vectors. One call site in a
     * loop, as a search loop over a neighbour row has: four separate call sites in this method
     * exceed C2's inlining budget, so the Vector API calls are no longer inlined and every
     * {@code FloatVector} is allocated (about 1.8 KB per distance at 784-d, several times slower).
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public float[] scatteredDot4Single(Scattered s) {
        int first = s.takeFour();
        int[] picks = s.picks;
        float[] q = s.query;
        float[] out = s.out;
        int n = s.dimension;
        for (int j = 0; j < 4; j++) {
            int v = picks[first + j];
            out[j] = s.kernels.dot(q, 0, s.page(v), s.offset(v), n);
        }
        return out;
    }

    /** One {@code dotBulk4} call on the same four scattered vectors. */
    @Benchmark
    @OperationsPerInvocation(4)
    public float[] scatteredDotBulk4(Scattered s) {
        int first = s.takeFour();
        int[] picks = s.picks;
        int a = picks[first], b = picks[first + 1], c = picks[first + 2], d = picks[first + 3];
        s.kernels.dotBulk4(s.query, 0, s.page(a), s.offset(a), s.page(b), s.offset(b),
                s.page(c), s.offset(c), s.page(d), s.offset(d), s.dimension, s.out, 0);
        return s.out;
    }
}
