package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.VectorMatrix;

/**
 * An index that can search a whole query set inside the library's own process and time every
 * query there. A sweep times each {@code EngineIndex.search} call, which is right for an engine in
 * this JVM; for a library behind a process boundary a round trip per query would cost more than a
 * 50 µs search, so the sweep should hand such an index the whole pass instead.
 */
public interface BatchSearchable {

    /**
     * Searches every row of {@code queries} once, in row order, on one thread of the library, and
     * measures each search where it runs.
     *
     * @throws IllegalArgumentException if the queries' dimension is not the index's, or k ≤ 0
     * @throws InterruptedException     if the calling thread is interrupted; the index cannot be
     *                                  searched afterwards, only closed
     */
    BatchResult searchAll(VectorMatrix queries, int k, int efSearch) throws InterruptedException;

    /**
     * One pass over a query set. Arrays are indexed by query row; the first {@code counts[q]}
     * entries of {@code ids[q]} and {@code distances[q]} are valid, nearest first.
     *
     * @param ids          base row numbers found
     * @param distances    in this project's convention (cosine 1 − cos, L2 squared, inner product 1 − a·b)
     * @param latencyNanos each query's search, timed around the library call alone
     * @param elapsedNanos wall-clock time of the whole pass, timed the same way: queries over this
     *                     is the single-thread QPS
     */
    record BatchResult(int[][] ids, float[][] distances, int[] counts, long[] latencyNanos, long elapsedNanos) {
    }
}
