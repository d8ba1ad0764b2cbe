package io.hnswbench.datasets;

import io.hnswbench.engine.Metric;
import io.hnswbench.engine.VectorMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exact k nearest neighbours by brute force: the ground truth that recall is measured against.
 *
 * <p>Each query is compared with every base vector by the engine's SIMD kernels ({@link VectorMath})
 * in float precision, keeping a pool of somewhat more than k candidates. The pool is then ranked by
 * distances recomputed in double precision, ties broken by the lower id — so the result equals a
 * float64 brute force (NumPy's, say) even where float rounding would reorder near-equal distances.
 * A pool is only trusted when the gap between its k-th and its last float distance exceeds twice
 * the float error bound; otherwise that query is redone with a larger pool.
 *
 * <p>Distances follow the engine's metrics: cosine {@code 1 - cos}, L2 squared Euclidean, inner
 * product {@code 1 - a·b}.
 */
public final class ExactNeighbors {

    /** Queries a worker takes at a time: each base row is read once for all of them. */
    private static final int QUERY_BLOCK = 8;
    private static final double UNIT_ROUNDOFF = 0x1p-24;

    private final VectorMatrix base;
    private final Metric metric;
    private final int dimension;
    /** 1/|b| of each base vector under cosine, else null. */
    private final float[] inverseBaseNorms;
    private final double largestBaseNorm;

    private ExactNeighbors(VectorMatrix base, Metric metric) {
        this.base = base;
        this.metric = metric;
        this.dimension = base.dimension();
        float[] norms = new float[base.rows()];
        double largest = 0;
        for (int row = 0; row < base.rows(); row++) {
            double norm = Math.sqrt(squaredNorm(base.data(), base.offset(row), dimension));
            largest = Math.max(largest, norm);
            norms[row] = norm == 0 ? 0f : (float) (1 / norm);
        }
        this.inverseBaseNorms = metric == Metric.COSINE ? norms : null;
        this.largestBaseNorm = largest;
    }

    /**
     * Computes the {@code k} nearest base vectors of every query (fewer when the base set is smaller).
     *
     * @param threads  worker threads; the work is split by query
     * @param progress told the number of queries done
     * @throws IllegalArgumentException if dimensions differ, k ≤ 0, or a cosine vector is zero
     * @throws InterruptedException     if the calling thread is interrupted; the workers stop too
     */
    public static GroundTruth compute(VectorMatrix base, VectorMatrix queries, Metric metric, int k, int threads,
                                      ProgressListener progress) throws InterruptedException {
        Objects.requireNonNull(metric, "metric");
        if (base.dimension() != queries.dimension()) {
            throw new IllegalArgumentException("base vectors have dimension " + base.dimension() + ", queries "
                    + queries.dimension());
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        if (base.rows() == 0) {
            throw new IllegalArgumentException("the base set is empty: there are no neighbours to find");
        }
        ExactNeighbors scanner = new ExactNeighbors(base, metric);
        if (metric == Metric.COSINE) {
            scanner.rejectZeroVectors(base, "base");
            scanner.rejectZeroVectors(queries, "query");
        }
        int depth = Math.min(k, base.rows());
        int[] ids = new int[queries.rows() * depth];
        float[] distances = new float[queries.rows() * depth];
        scanner.runParallel(queries, depth, ids, distances, threads, progress);
        return new GroundTruth(IntMatrix.wrap(ids, queries.rows(), depth),
                VectorMatrix.wrap(distances, queries.rows(), depth));
    }

    /**
     * The distances of given neighbours (e.g. a ground truth read from another tool, whose distance
     * conventions may differ), in the engine's convention, computed in double precision.
     */
    public static VectorMatrix distancesOf(VectorMatrix base, VectorMatrix queries, Metric metric, IntMatrix neighbors) {
        ExactNeighbors scanner = new ExactNeighbors(base, metric);
        float[] distances = new float[neighbors.data().length];
        for (int query = 0; query < neighbors.rows(); query++) {
            for (int rank = 0; rank < neighbors.columns(); rank++) {
                distances[query * neighbors.columns() + rank] =
                        (float) scanner.exactDistance(queries, query, neighbors.get(query, rank));
            }
        }
        return VectorMatrix.wrap(distances, neighbors.rows(), neighbors.columns());
    }

    private void rejectZeroVectors(VectorMatrix vectors, String what) {
        for (int row = 0; row < vectors.rows(); row++) {
            if (squaredNorm(vectors.data(), vectors.offset(row), dimension) == 0) {
                throw new IllegalArgumentException(what + " vector " + row + " is the zero vector, which has no "
                        + "direction under the cosine metric");
            }
        }
    }

    private void runParallel(VectorMatrix queries, int k, int[] ids, float[] distances, int threads,
                             ProgressListener progress) throws InterruptedException {
        AtomicInteger nextBlock = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        int blocks = (queries.rows() + QUERY_BLOCK - 1) / QUERY_BLOCK;
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ground-truth");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(workers.submit(() -> {
                    for (int block = nextBlock.getAndIncrement(); block < blocks; block = nextBlock.getAndIncrement()) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        int from = block * QUERY_BLOCK;
                        int to = Math.min(queries.rows(), from + QUERY_BLOCK);
                        searchBlock(queries, from, to, k, ids, distances);
                        progress.update("ground truth", done.addAndGet(to - from), queries.rows());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Finds the neighbours of queries {@code from..to-1}, reading each base row once for all. */
    private void searchBlock(VectorMatrix queries, int from, int to, int k, int[] ids, float[] distances) {
        int poolSize = initialPoolSize(k);
        NearestRows[] pools = new NearestRows[to - from];
        float[] inverseQueryNorms = new float[to - from];
        for (int q = from; q < to; q++) {
            pools[q - from] = new NearestRows(poolSize);
            inverseQueryNorms[q - from] = (float) (1 / Math.sqrt(squaredNorm(queries.data(), queries.offset(q), dimension)));
        }
        float[] baseData = base.data();
        float[] queryData = queries.data();
        for (int row = 0; row < base.rows(); row++) {
            int rowOffset = row * dimension;
            for (int q = from; q < to; q++) {
                float distance = floatDistance(queryData, q * dimension, inverseQueryNorms[q - from], baseData,
                        rowOffset, row);
                pools[q - from].offer(distance, row);
            }
        }
        for (int q = from; q < to; q++) {
            NearestRows pool = pools[q - from];
            while (!rankExactly(queries, q, pool, k, ids, distances)) {
                pool = scanOne(queries, q, inverseQueryNorms[q - from], pool.capacity() * 4);
            }
        }
    }

    private NearestRows scanOne(VectorMatrix queries, int query, float inverseQueryNorm, int poolSize) {
        NearestRows pool = new NearestRows(Math.min(poolSize, base.rows()));
        for (int row = 0; row < base.rows(); row++) {
            pool.offer(floatDistance(queries.data(), query * dimension, inverseQueryNorm, base.data(),
                    row * dimension, row), row);
        }
        return pool;
    }

    private float floatDistance(float[] queryData, int queryOffset, float inverseQueryNorm, float[] baseData,
                                int rowOffset, int row) {
        return switch (metric) {
            case L2 -> VectorMath.squaredDistance(queryData, queryOffset, baseData, rowOffset, dimension);
            case COSINE -> 1f - VectorMath.dot(queryData, queryOffset, baseData, rowOffset, dimension)
                    * inverseQueryNorm * inverseBaseNorms[row];
            case INNER_PRODUCT -> 1f - VectorMath.dot(queryData, queryOffset, baseData, rowOffset, dimension);
        };
    }

    /**
     * Ranks the pool in double precision and writes the first k, or returns false when the pool
     * may be missing a true neighbour (too small a gap between its k-th and last float distance).
     */
    private boolean rankExactly(VectorMatrix queries, int query, NearestRows pool, int k, int[] ids, float[] distances) {
        int size = pool.size();
        boolean complete = size == base.rows();
        if (!complete) {
            float[] sortedFloat = Arrays.copyOf(pool.heapDistances(), size);
            Arrays.sort(sortedFloat);
            double gap = (double) sortedFloat[size - 1] - sortedFloat[k - 1];
            if (gap <= 2 * floatErrorBound(queries, query, sortedFloat[size - 1])) {
                return false;
            }
        }
        int[] candidates = Arrays.copyOf(pool.heapRows(), size);
        double[] exact = new double[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            exact[i] = exactDistance(queries, query, candidates[i]);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byDistance = Double.compare(exact[a], exact[b]);
            return byDistance != 0 ? byDistance : Integer.compare(candidates[a], candidates[b]);
        });
        for (int rank = 0; rank < k; rank++) {
            ids[query * k + rank] = candidates[order[rank]];
            distances[query * k + rank] = (float) exact[order[rank]];
        }
        return true;
    }

    /**
     * A bound on |float distance − exact distance|: a dot product or sum of squares of n terms in
     * float is off by at most about n·u relative to the sum of the magnitudes of its terms (u the
     * unit roundoff), plus a few roundings for the normalisation and the final subtraction.
     */
    private double floatErrorBound(VectorMatrix queries, int query, float largestPoolDistance) {
        double relative = (dimension + 8) * 2 * UNIT_ROUNDOFF;
        return switch (metric) {
            case COSINE -> relative;
            case INNER_PRODUCT -> relative * Math.sqrt(squaredNorm(queries.data(), queries.offset(query), dimension))
                    * largestBaseNorm + relative;
            case L2 -> relative * Math.abs(largestPoolDistance);
        };
    }

    private double exactDistance(VectorMatrix queries, int query, int row) {
        float[] q = queries.data();
        float[] b = base.data();
        int qOffset = query * dimension;
        int bOffset = row * dimension;
        if (metric == Metric.L2) {
            double sum = 0;
            for (int i = 0; i < dimension; i++) {
                double difference = (double) q[qOffset + i] - b[bOffset + i];
                sum += difference * difference;
            }
            return sum;
        }
        double dot = 0;
        for (int i = 0; i < dimension; i++) {
            dot += (double) q[qOffset + i] * b[bOffset + i];
        }
        if (metric == Metric.INNER_PRODUCT) {
            return 1 - dot;
        }
        return 1 - dot / Math.sqrt(squaredNorm(q, qOffset, dimension) * squaredNorm(b, bOffset, dimension));
    }

    private static double squaredNorm(float[] data, int offset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (double) data[offset + i] * data[offset + i];
        }
        return sum;
    }

    /** Margin over k: large enough that near-ties at the k-th place rarely force a second scan. */
    private int initialPoolSize(int k) {
        return Math.min(base.rows(), k + Math.max(32, k / 2));
    }
}
