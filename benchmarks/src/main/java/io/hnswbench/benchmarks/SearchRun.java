package io.hnswbench.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.SearchOptions;
import io.hnswbench.engine.SearchResult;

/**
 * One efSearch setting measured over the whole query set on one thread.
 *
 * @param efSearch           beam width
 * @param recall             mean recall@k over all queries
 * @param queriesPerSecond   queries divided by the wall-clock time of the timed pass
 * @param meanLatencyMicros  mean time of one search
 * @param medianLatencyMicros median time of one search
 * @param p99LatencyMicros   99th-percentile time of one search
 */
record SearchRun(int efSearch, double recall, double queriesPerSecond, double meanLatencyMicros,
                 double medianLatencyMicros, double p99LatencyMicros) {

    /**
     * Untimed searching before each timed pass. One pass of a thousand queries was not enough: C2
     * kept recompiling the search path for a few seconds, and timed passes right after one untimed
     * pass ran up to twice as slow as later ones.
     */
    static final long WARM_UP_NANOS = 2_000_000_000L;

    /** Scores one query's hits as recall@k. */
    @FunctionalInterface
    interface Scorer {
        double recall(int query, List<SearchResult> hits);
    }

    /**
     * Searches the query set untimed for at least {@link #WARM_UP_NANOS}, so the JIT has settled the
     * search path at this ef and the graph is in cache, then once timed. Recall is scored after the
     * clock stops.
     */
    static SearchRun measure(HnswIndex index, float[][] queries, GroundTruth truth, int k, int efSearch) {
        return measure(index, queries, truth::recall, k, efSearch, WARM_UP_NANOS, hits -> {
        });
    }

    /**
     * {@link #measure(HnswIndex, float[][], GroundTruth, int, int)} with any scorer and warm-up,
     * handing the hits of the timed pass (one list per query, in query order) to {@code timedHits}
     * after the clock stops.
     *
     * @param warmUpNanos untimed searching before the timed pass: at least one pass, repeated until
     *                    this much time has passed (0: exactly one, for callers that warm up themselves)
     */
    static SearchRun measure(HnswIndex index, float[][] queries, Scorer scorer, int k, int efSearch,
                             long warmUpNanos, Consumer<List<List<SearchResult>>> timedHits) {
        SearchOptions options = SearchOptions.ef(efSearch);
        long warmUpStart = System.nanoTime();
        do {
            for (float[] query : queries) {
                index.search(query, k, options);
            }
        } while (System.nanoTime() - warmUpStart < warmUpNanos);
        List<List<SearchResult>> hits = new ArrayList<>(queries.length);
        long[] latencies = new long[queries.length];
        // Timing each search costs two nanoTime calls (tens of ns) against searches of tens of µs.
        long start = System.nanoTime();
        for (int q = 0; q < queries.length; q++) {
            long searchStart = System.nanoTime();
            hits.add(index.search(queries[q], k, options));
            latencies[q] = System.nanoTime() - searchStart;
        }
        long wallNanos = System.nanoTime() - start;

        double recallSum = 0;
        for (int q = 0; q < queries.length; q++) {
            recallSum += scorer.recall(q, hits.get(q));
        }
        timedHits.accept(hits);
        Arrays.sort(latencies);
        double meanNanos = Arrays.stream(latencies).average().orElse(0);
        return new SearchRun(efSearch, recallSum / queries.length, queries.length / (wallNanos / 1e9),
                meanNanos / 1e3, percentile(latencies, 0.50) / 1e3, percentile(latencies, 0.99) / 1e3);
    }

    /** The hits of every query at this ef, untimed. */
    static List<List<SearchResult>> allHits(HnswIndex index, float[][] queries, int k, int efSearch) {
        SearchOptions options = SearchOptions.ef(efSearch);
        List<List<SearchResult>> hits = new ArrayList<>(queries.length);
        for (float[] query : queries) {
            hits.add(index.search(query, k, options));
        }
        return hits;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
