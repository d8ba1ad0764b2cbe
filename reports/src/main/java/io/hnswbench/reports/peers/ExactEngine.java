package io.hnswbench.reports.peers;

import io.hnswbench.datasets.NearestRows;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.engine.VectorMath;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.SweepEngine;
import java.util.concurrent.atomic.LongAdder;

/**
 * Brute force as a sweep engine named {@code exact}: every query is compared with every base
 * vector by this project's SIMD kernels ({@link VectorMath}), so recall is 1 and the QPS is the
 * floor an approximate index has to beat. {@code efSearch} and the graph settings are ignored.
 *
 * <p>Distances are the engine's, computed in float: cosine {@code 1 − cos} (base rows normalised
 * once at build, the query once per search), L2 squared, inner product {@code 1 − a·b}. Equal
 * distances are ordered by the lower row number.
 */
public final class ExactEngine implements SweepEngine {

    public static final String NAME = "exact";
    /** Rows normalised between progress reports and interrupt checks. */
    private static final int PROGRESS_EVERY = 4096;

    @Override
    public String name() {
        return NAME;
    }

    /** Which distance kernels ran: brute-force QPS is their speed. */
    @Override
    public String environmentNote() {
        return "brute force with " + VectorMath.kernelDescription();
    }

    /**
     * Keeps the base vectors (a normalised copy under cosine, else the matrix's own array).
     *
     * @throws IllegalArgumentException if a base vector is the zero vector under cosine
     */
    @Override
    public EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress)
            throws InterruptedException {
        int rows = base.rows();
        int dimension = base.dimension();
        float[] vectors = base.data();
        if (metric == Metric.COSINE) {
            vectors = vectors.clone();
            for (int row = 0; row < rows; row++) {
                int offset = row * dimension;
                float scale = inverseNorm(vectors, offset, dimension, "base vector " + row);
                for (int i = offset; i < offset + dimension; i++) {
                    vectors[i] *= scale;
                }
                if ((row + 1) % PROGRESS_EVERY == 0) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("exact build cancelled");
                    }
                    progress.inserted(row + 1, rows);
                }
            }
        }
        progress.inserted(rows, rows);
        return new Index(vectors, rows, dimension, metric);
    }

    /** 1/|v| of {@code dimension} floats at {@code offset}, rejecting the zero vector, which has no direction. */
    private static float inverseNorm(float[] vector, int offset, int dimension, String what) {
        double norm = Math.sqrt(VectorMath.dot(vector, offset, vector, offset, dimension));
        if (norm == 0 || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(what + (norm == 0 ? " is the zero vector, which has no direction"
                    : " has an infinite or NaN norm, so it has no direction") + " under the COSINE metric");
        }
        return (float) (1 / norm);
    }

    private static final class Index implements EngineIndex {

        private final float[] vectors;
        private final int rows;
        private final int dimension;
        private final Metric metric;
        private final LongAdder searches = new LongAdder();

        Index(float[] vectors, int rows, int dimension, Metric metric) {
            this.vectors = vectors;
            this.rows = rows;
            this.dimension = dimension;
            this.metric = metric;
        }

        @Override
        public int search(float[] query, int k, int efSearch, int[] ids, float[] distances) {
            if (query.length != dimension) {
                throw new IllegalArgumentException("query has dimension " + query.length
                        + " but the index has dimension " + dimension);
            }
            if (k <= 0) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
            float queryScale = metric == Metric.COSINE ? inverseNorm(query, 0, dimension, "query") : 1f;
            NearestRows nearest = new NearestRows(Math.min(k, rows));
            for (int row = 0, offset = 0; row < rows; row++, offset += dimension) {
                nearest.offer(distance(query, queryScale, offset), row);
            }
            searches.increment();
            return nearest.drainNearestFirst(ids, distances);
        }

        private float distance(float[] query, float queryScale, int offset) {
            return switch (metric) {
                case L2 -> VectorMath.squaredDistance(query, 0, vectors, offset, dimension);
                case COSINE -> 1f - VectorMath.dot(query, 0, vectors, offset, dimension) * queryScale;
                case INNER_PRODUCT -> 1f - VectorMath.dot(query, 0, vectors, offset, dimension);
            };
        }

        /** The vectors: there is nothing else. */
        @Override
        public long bytes() {
            return (long) vectors.length * Float.BYTES;
        }

        /** There is no graph. */
        @Override
        public GraphStatistics statistics() {
            return null;
        }

        /** Every base vector per query; no graph node is expanded, so hops stay 0. */
        @Override
        public Work work() {
            long searched = searches.sum();
            return new Work(searched * rows, 0);
        }

        @Override
        public void close() {
            // Nothing held outside the heap.
        }
    }
}
