package io.hnswbench.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.SearchOptions;
import io.hnswbench.engine.SearchResult;

/**
 * One efSearch setting measured over the whole query set on one thread, in one or more timed
 * passes.
 *
 * @param efSearch            beam width
 * @param recall              mean recall@k over all queries
 * @param queriesPerSecond    queries divided by the wall-clock time of the median timed pass
 * @param meanLatencyMicros   mean time of one search in the median timed pass
 * @param medianLatencyMicros median time of one search, over every timed pass
 * @param p99LatencyMicros    99th-percentile time of one search, over every timed pass
 * @param passMeans           the mean time of one search in each timed pass, fastest to slowest (µs)
 */
record SearchRun(int efSearch, double recall, double queriesPerSecond, double meanLatencyMicros,
                 double medianLatencyMicros, double p99LatencyMicros, List<Double> passMeans) {

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
     * search path at this ef and the graph is in cache, then {@code passes} times timed. Recall is
     * scored after the clock stops.
     */
    static SearchRun measure(HnswIndex index, float[][] queries, GroundTruth truth, int k, int efSearch, int passes) {
        return measure(index, queries, truth::recall, k, efSearch, WARM_UP_NANOS, passes, hits -> {
        });
    }

    /**
     * {@link #measure(HnswIndex, float[][], GroundTruth, int, int, int)} with any scorer and
     * warm-up, handing the hits of the first timed pass (one list per query, in query order) to
     * {@code timedHits} after the clock stops.
     *
     * @param warmUpNanos untimed searching before the timed passes: at least one pass, repeated
     *                    until this much time has passed (0: exactly one, for callers that warm up
     *                    themselves)
     * @param passes      timed passes. A pass of a thousand queries lasts tens of milliseconds, and
     *                    on a shared machine one such window can catch a slow spell: the speed is
     *                    taken from the median pass and the spread reported
     */
    static SearchRun measure(HnswIndex index, float[][] queries, Scorer scorer, int k, int efSearch,
                             long warmUpNanos, int passes, Consumer<List<List<SearchResult>>> timedHits) {
        SearchOptions options = SearchOptions.ef(efSearch);
        long warmUpStart = System.nanoTime();
        do {
            for (float[] query : queries) {
                index.search(query, k, options);
            }
        } while (System.nanoTime() - warmUpStart < warmUpNanos);
        List<List<SearchResult>> hits = new ArrayList<>(queries.length);
        long[] latencies = new long[passes * queries.length];
        long[] passNanos = new long[passes];
        for (int pass = 0; pass < passes; pass++) {
            // Timing each search costs two nanoTime calls (tens of ns) against searches of tens of µs.
            long start = System.nanoTime();
            for (int q = 0; q < queries.length; q++) {
                long searchStart = System.nanoTime();
                List<SearchResult> found = index.search(queries[q], k, options);
                latencies[pass * queries.length + q] = System.nanoTime() - searchStart;
                if (pass == 0) {
                    hits.add(found);
                }
            }
            passNanos[pass] = System.nanoTime() - start;
        }

        double recallSum = 0;
        for (int q = 0; q < queries.length; q++) {
            recallSum += scorer.recall(q, hits.get(q));
        }
        timedHits.accept(hits);
        Arrays.sort(latencies);
        Arrays.sort(passNanos);
        long medianPassNanos = passNanos[(passes - 1) / 2];
        List<Double> passMeans = Arrays.stream(passNanos).mapToObj(nanos -> nanos / 1e3 / queries.length).toList();
        return new SearchRun(efSearch, recallSum / queries.length, queries.length / (medianPassNanos / 1e9),
                medianPassNanos / 1e3 / queries.length, percentile(latencies, 0.50) / 1e3,
                percentile(latencies, 0.99) / 1e3, passMeans);
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
