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
 *   <li>{@code scattered*}: one query against four vectors picked at random from a pool much
 *       larger than the caches, as a graph search reads a neighbour row, each reported per
 *       distance ({@code @OperationsPerInvocation(4)}). The pool is held twice: as float vectors
 *       and in the heap index's split layout ({@link PackedVectors}). {@code scatteredFloatDot}:
 *       four float {@code dot} calls, what traversal cost before the split layout;
 *       {@code scatteredPackedDot}: four bfloat16 traversal calls; {@code scatteredPackedDotBulk4}:
 *       one four-vector traversal call, what a search does; {@code scatteredExactDot}: four exact
 *       calls reading both halves, what re-ranking a search's results does.</li>
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
     * vectors of a neighbour row do in a large index. It is held as floats and, separately, packed.
     * Setup prints the pool's actual size.
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
        float[][] floatPages;
        /** The same vectors' upper halves, packed, and their lower halves, page by page. */
        int[][] packedPages;
        short[][] lowPages;
        int packedInts;
        float[] query;
        /** {@link #query} padded with zeros to whole blocks, as traversal reads it. */
        float[] paddedQuery;
        /** Vector numbers in the pool, read four at a time. */
        int[] picks;
        int nextPick;
        /** Where every variant puts its four distances, so all end the same way. */
        final float[] out = new float[4];

        @Setup
        public void setUp() {
            kernels = kernels(kernel);
            if (kernels.packedHalfBlock() != Kernels.INSTANCE.packedHalfBlock()) {
                throw new IllegalStateException("the packed layout follows the active kernels; run with panama active");
            }
            long poolVectors = Math.max(4, (long) poolMegabytes * 1024 * 1024 / ((long) Float.BYTES * dimension));
            int pageCount = (int) ((poolVectors + NodeStore.PAGE_SIZE - 1) / NodeStore.PAGE_SIZE);
            packedInts = PackedVectors.packedInts(dimension);
            Random random = new Random(42);
            floatPages = new float[pageCount][];
            packedPages = new int[pageCount][];
            lowPages = new short[pageCount][];
            for (int p = 0; p < pageCount; p++) {
                floatPages[p] = new float[NodeStore.PAGE_SIZE * dimension];
                fill(floatPages[p], random);
                packedPages[p] = new int[NodeStore.PAGE_SIZE * packedInts];
                lowPages[p] = new short[NodeStore.PAGE_SIZE * dimension];
                for (int v = 0; v < NodeStore.PAGE_SIZE; v++) {
                    PackedVectors.pack(floatPages[p], v * dimension, 1f, dimension, packedPages[p], v * packedInts,
                            lowPages[p], v * dimension);
                }
            }
            int vectors = pageCount * NodeStore.PAGE_SIZE;
            query = new float[dimension];
            fill(query, random);
            paddedQuery = java.util.Arrays.copyOf(query, PackedVectors.paddedLength(dimension));
            picks = new int[PICKS];
            for (int i = 0; i < PICKS; i++) {
                picks[i] = random.nextInt(vectors);
            }
            System.out.printf("pool: %d vectors of %d-d in %d pages, %.1f MB as floats; %d random picks%n",
                    vectors, dimension, pageCount, (double) vectors * dimension * Float.BYTES / (1024 * 1024), PICKS);
        }

        /** The next four picks start at {@code nextPick}; advances it. */
        int takeFour() {
            int first = nextPick;
            nextPick = (first + 4) & (PICKS - 1);
            return first;
        }

        int page(int vector) {
            return vector >>> NodeStore.PAGE_BITS;
        }

        int slot(int vector) {
            return vector & NodeStore.PAGE_MASK;
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
     * Four float {@code dot} calls, one after another, on four scattered vectors. One call site in
     * a loop, as a search loop over a neighbour row has: four separate call sites in this method
     * exceed C2's inlining budget, so the Vector API calls are no longer inlined and every
     * {@code FloatVector} is allocated (about 1.8 KB per distance at 784-d, several times slower).
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public float[] scatteredFloatDot(Scattered s) {
        int first = s.takeFour();
        for (int j = 0; j < 4; j++) {
            int v = s.picks[first + j];
            s.out[j] = s.kernels.dot(s.query, 0, s.floatPages[s.page(v)], s.slot(v) * s.dimension, s.dimension);
        }
        return s.out;
    }

    /** Four bfloat16 traversal calls on the same picks, packed: half the bytes of {@link #scatteredFloatDot}. */
    @Benchmark
    @OperationsPerInvocation(4)
    public float[] scatteredPackedDot(Scattered s) {
        int first = s.takeFour();
        for (int j = 0; j < 4; j++) {
            int v = s.picks[first + j];
            s.out[j] = s.kernels.dotPacked(s.paddedQuery, s.packedPages[s.page(v)], s.slot(v) * s.packedInts,
                    s.dimension);
        }
        return s.out;
    }

    /** One four-vector traversal call on the same picks: what a graph search does per four neighbours. */
    @Benchmark
    @OperationsPerInvocation(4)
    public float[] scatteredPackedDotBulk4(Scattered s) {
        int first = s.takeFour();
        int a = s.picks[first], b = s.picks[first + 1], c = s.picks[first + 2], d = s.picks[first + 3];
        s.kernels.dotPackedBulk4(s.paddedQuery,
                s.packedPages[s.page(a)], s.slot(a) * s.packedInts, s.packedPages[s.page(b)], s.slot(b) * s.packedInts,
                s.packedPages[s.page(c)], s.slot(c) * s.packedInts, s.packedPages[s.page(d)], s.slot(d) * s.packedInts,
                s.dimension, s.out, 0);
        return s.out;
    }

    /** Four exact calls reading both halves in place: what re-ranking a search's results costs per result. */
    @Benchmark
    @OperationsPerInvocation(4)
    public float[] scatteredExactDot(Scattered s) {
        int first = s.takeFour();
        for (int j = 0; j < 4; j++) {
            int v = s.picks[first + j];
            int page = s.page(v);
            s.out[j] = s.kernels.dotExact(s.query, s.packedPages[page], s.slot(v) * s.packedInts, s.lowPages[page],
                    s.slot(v) * s.dimension, s.dimension);
        }
        return s.out;
    }
}
