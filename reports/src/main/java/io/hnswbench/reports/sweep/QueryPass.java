package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.reports.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The measurement of the whole query set at one efSearch: timed passes over the set (at least
 * {@link #MIN_TIMED_NANOS} of them in all), each query's latency in an HdrHistogram (per thread,
 * merged), QPS as the queries searched over the timed wall clock, and recall computed after the
 * clock stops from the first pass's results.
 */
final class QueryPass {

    private static final int PROGRESS_EVERY = 100;
    /** Timed passes repeat until they add up to this much wall-clock time. */
    static final long MIN_TIMED_NANOS = 500_000_000L;

    private final VectorMatrix queryMatrix;
    private final List<float[]> queries;
    private final GroundTruth truth;
    private final int k;
    private final int threads;

    /** Told how many queries of the pass are done; called from the searching threads. */
    @FunctionalInterface
    interface Progress {
        void queriesDone(long done, long total);
    }

    QueryPass(VectorMatrix queryVectors, GroundTruth truth, int k, int threads) {
        // Copied out once, before any clock runs, so no pass times an array copy.
        this.queryMatrix = queryVectors;
        this.queries = new ArrayList<>(queryVectors.rows());
        for (int q = 0; q < queryVectors.rows(); q++) {
            queries.add(queryVectors.row(q));
        }
        this.truth = truth;
        this.k = k;
        this.threads = threads;
    }

    /** Runs {@code count} queries (cycling through the set) untimed, so the JIT has compiled the search. */
    void warmUp(EngineIndex index, int efSearch, int count) throws InterruptedException {
        if (index instanceof BatchSearchable batch) {
            for (int done = 0; done < count; done += queries.size()) {
                batch.searchAll(queryMatrix, k, efSearch);
            }
            return;
        }
        int[] ids = new int[k];
        float[] distances = new float[k];
        for (int i = 0; i < count; i++) {
            checkInterrupted();
            index.search(queries.get(i % queries.size()), k, efSearch, ids, distances);
        }
    }

    /**
     * Times the query set at {@code efSearch}. One pass of a small set takes milliseconds, too
     * short for a steady figure on a shared machine, so the set is searched again until the timed
     * passes add up to {@link #MIN_TIMED_NANOS}; every pass's latencies count, and recall comes
     * from the first pass's results.
     */
    SweepPoint measure(EngineIndex index, int efSearch, Progress progress) throws InterruptedException {
        if (index instanceof BatchSearchable batch) {
            return measureBatch(batch, efSearch, progress);
        }
        int n = queries.size();
        int[][] ids = new int[n][k];
        float[][] distances = new float[n][k];
        int[] counts = new int[n];
        int[][] laterIds = new int[n][k];
        float[][] laterDistances = new float[n][k];
        int[] laterCounts = new int[n];
        EngineIndex.Work before = index.work();
        Latencies latencies = new Latencies();
        long timedNanos = 0;
        long searched = 0;
        for (int pass = 0; pass == 0 || timedNanos < MIN_TIMED_NANOS; pass++) {
            boolean first = pass == 0;
            AtomicInteger nextQuery = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            Progress reported = first ? progress : (finished, total) -> { };
            long start = System.nanoTime();
            if (threads == 1) {
                searchQueries(index, efSearch, nextQuery, done, first ? ids : laterIds,
                        first ? distances : laterDistances, first ? counts : laterCounts, latencies, reported);
            } else {
                latencies.add(searchInParallel(index, efSearch, nextQuery, done, first ? ids : laterIds,
                        first ? distances : laterDistances, first ? counts : laterCounts, reported));
            }
            timedNanos += System.nanoTime() - start;
            searched += n;
        }
        EngineIndex.Work after = index.work();
        checkInterrupted();
        double distanceComputations = before == null || after == null ? Double.NaN
                : (double) (after.distanceComputations() - before.distanceComputations()) / searched;
        double hops = before == null || after == null ? Double.NaN : (double) (after.hops() - before.hops()) / searched;
        return point(efSearch, ids, distances, counts, latencies, searched, timedNanos, distanceComputations, hops);
    }

    /**
     * The same measurement for an index that runs the whole pass in its own process and times
     * each query there (a round trip per query would time the pipe, not the search).
     */
    private SweepPoint measureBatch(BatchSearchable batch, int efSearch, Progress progress) throws InterruptedException {
        Latencies latencies = new Latencies();
        BatchSearchable.BatchResult first = null;
        long timedNanos = 0;
        long searched = 0;
        while (first == null || timedNanos < MIN_TIMED_NANOS) {
            BatchSearchable.BatchResult pass = batch.searchAll(queryMatrix, k, efSearch);
            for (long nanos : pass.latencyNanos()) {
                latencies.recordNanos(nanos);
            }
            timedNanos += pass.elapsedNanos();
            searched += queries.size();
            if (first == null) {
                first = pass;
                progress.queriesDone(queries.size(), queries.size());
            }
            checkInterrupted();
        }
        return point(efSearch, first.ids(), first.distances(), first.counts(), latencies, searched, timedNanos,
                Double.NaN, Double.NaN);
    }

    private SweepPoint point(int efSearch, int[][] ids, float[][] distances, int[] counts, Latencies latencies,
                             long searched, long timedNanos, double distanceComputations, double hops) {
        int n = queries.size();
        double[] perQueryRecall = new double[n];
        double recallSum = 0;
        for (int q = 0; q < n; q++) {
            perQueryRecall[q] = Recall.of(ids[q], distances[q], counts[q], truth, q, k);
            recallSum += perQueryRecall[q];
        }
        return new SweepPoint(efSearch, k, recallSum / n, searched / (timedNanos / 1e9), latencies.meanMicros(),
                latencies.percentileMicros(50), latencies.percentileMicros(95), latencies.percentileMicros(99),
                latencies.percentileMicros(99.9), distanceComputations, hops, perQueryRecall);
    }

    private Latencies searchInParallel(EngineIndex index, int efSearch, AtomicInteger nextQuery, AtomicInteger done,
                                       int[][] ids, float[][] distances, int[] counts, Progress progress)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        List<Latencies> histograms = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Latencies histogram = new Latencies();
            histograms.add(histogram);
            workers.add(Thread.ofPlatform().name("sweep-search-" + t).daemon().start(() -> {
                try {
                    searchQueries(index, efSearch, nextQuery, done, ids, distances, counts, histogram, progress);
                } catch (InterruptedException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    nextQuery.set(Integer.MAX_VALUE / 2);
                }
            }));
        }
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException interrupted) {
            // Cancelled: the workers run to no further query, and are waited for so none outlives the pass.
            nextQuery.set(Integer.MAX_VALUE / 2);
            for (Thread worker : workers) {
                worker.join();
            }
            throw interrupted;
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        Latencies merged = new Latencies();
        histograms.forEach(merged::add);
        return merged;
    }

    /** Takes queries from {@code nextQuery} until none is left, timing each one. */
    private void searchQueries(EngineIndex index, int efSearch, AtomicInteger nextQuery, AtomicInteger done,
                               int[][] ids, float[][] distances, int[] counts, Latencies latencies,
                               Progress progress) throws InterruptedException {
        int n = queries.size();
        for (int q = nextQuery.getAndIncrement(); q < n; q = nextQuery.getAndIncrement()) {
            long begin = System.nanoTime();
            counts[q] = index.search(queries.get(q), k, efSearch, ids[q], distances[q]);
            latencies.recordNanos(System.nanoTime() - begin);
            int finished = done.incrementAndGet();
            if (finished % PROGRESS_EVERY == 0 || finished == n) {
                checkInterrupted();
                progress.queriesDone(finished, n);
            }
        }
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("sweep cancelled");
        }
    }
}
