package io.hnswbench.reports.sweep;

import io.hnswbench.reports.GraphStatistics;

/** A built index as a sweep uses it: searched by many threads at once, then closed. */
public interface EngineIndex extends AutoCloseable {

    /**
     * Writes the row numbers and distances of up to {@code k} nearest base vectors, nearest
     * first, into {@code ids} and {@code distances}, and returns how many it wrote.
     */
    int search(float[] query, int k, int efSearch, int[] ids, float[] distances);

    /** Bytes the index holds. */
    long bytes();

    /** The graph's statistics. */
    GraphStatistics statistics();

    /**
     * Running totals of search work, or null when the library does not count it; per-query
     * figures are then reported as NaN.
     */
    Work work();

    /** @param hops graph nodes expanded */
    record Work(long distanceComputations, long hops) {
    }

    @Override
    void close();
}
