package io.hnswbench.reports;

/**
 * The whole query set searched at one efSearch.
 *
 * @param recall                       mean recall@k over the queries, ties at the k-th distance counted as hits
 * @param qps                          queries per second, wall clock (throughput when searchThreads &gt; 1)
 * @param distanceComputationsPerQuery mean distance computations per query
 * @param hopsPerQuery                 mean graph nodes expanded per query, all levels
 * @param perQueryRecall               recall@k of each query, in query order
 */
public record SweepPoint(int efSearch, int k, double recall, double qps, double meanLatencyMicros, double p50Micros,
                         double p95Micros, double p99Micros, double p999Micros, double distanceComputationsPerQuery,
                         double hopsPerQuery, double[] perQueryRecall) {
}
