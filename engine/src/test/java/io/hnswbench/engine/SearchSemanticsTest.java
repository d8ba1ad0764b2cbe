package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What a caller relies on from add, search, remove, clear and statistics on small indexes. */
class SearchSemanticsTest {

    @Test
    void emptyIndexReturnsNoResults() {
        HnswIndex index = HnswIndex.builder(3).build();
        assertEquals(List.of(), index.search(new float[] {1, 2, 3}, 5));
        assertEquals(0, index.size());
        IndexStatistics statistics = index.statistics();
        assertEquals(0, statistics.levelCount());
        assertEquals(-1, statistics.entryPointLevel());
    }

    @Test
    void fewerVectorsThanKGivesFewerResultsNearestFirst() {
        HnswIndex index = HnswIndex.builder(2).metric(Metric.L2).build();
        index.add("far", new float[] {10, 0});
        index.add("near", new float[] {1, 0});
        index.add("middle", new float[] {5, 0});
        List<SearchResult> hits = index.search(new float[] {0, 0}, 10);
        assertEquals(List.of(new SearchResult("near", 1f), new SearchResult("middle", 25f), new SearchResult("far", 100f)), hits);
    }

    @Test
    void efSmallerThanKStillReturnsKResults() {
        List<float[]> vectors = TestVectors.uniform(1, 1000, 16);
        HnswIndex index = HnswIndex.builder(16).metric(Metric.L2).efSearch(5).build();
        index.addAll(TestVectors.ids(1000), vectors, 1);
        assertEquals(100, index.search(vectors.get(0), 100).size());
        assertEquals(100, index.search(vectors.get(0), 100, SearchOptions.ef(1)).size());
    }

    @Test
    void resultsMatchBruteForceOnSmallData() {
        List<float[]> vectors = TestVectors.uniform(2, 2000, 32);
        HnswIndex index = HnswIndex.builder(32).metric(Metric.L2).build();
        index.addAll(TestVectors.ids(2000), vectors, 2);
        float[] query = TestVectors.uniform(99, 1, 32).get(0);
        List<String> exact = IntStream.range(0, 2000).boxed()
                .sorted(Comparator.comparingDouble(i -> TestVectors.squaredL2(query, vectors.get(i))))
                .limit(10).map(i -> "v" + i).toList();
        List<String> found = index.search(query, 10, SearchOptions.ef(200)).stream().map(SearchResult::id).toList();
        assertEquals(exact, found);
    }

    @Test
    void distancesFollowEachMetric() {
        float[] stored = {3, 4};
        float[] query = {6, 8};
        HnswIndex cosine = HnswIndex.builder(2).metric(Metric.COSINE).build();
        cosine.add("a", stored);
        // Same direction, different length: cosine distance 0 because both sides are normalised.
        assertEquals(0f, cosine.search(query, 1).get(0).distance(), 1e-6);
        assertEquals(1f, cosine.search(new float[] {-4, 3}, 1).get(0).distance(), 1e-6);

        HnswIndex l2 = HnswIndex.builder(2).metric(Metric.L2).build();
        l2.add("a", stored);
        assertEquals(25f, l2.search(query, 1).get(0).distance(), 1e-5);

        HnswIndex innerProduct = HnswIndex.builder(2).metric(Metric.INNER_PRODUCT).build();
        innerProduct.add("a", stored);
        assertEquals(1f - 50f, innerProduct.search(query, 1).get(0).distance(), 1e-4);
    }

    @Test
    void callerArraysAreNotKept() {
        float[] vector = {1, 0};
        HnswIndex index = HnswIndex.builder(2).metric(Metric.L2).build();
        index.add("a", vector);
        vector[0] = 100;
        assertEquals(0f, index.search(new float[] {1, 0}, 1).get(0).distance());
    }

    @Test
    void withEfKeepsTheOtherSettings() {
        HnswIndex index = HnswIndex.builder(1).metric(Metric.L2).build();
        for (int i = 0; i < 10; i++) {
            index.add("p" + i, new float[] {i});
        }
        SearchOptions options = SearchOptions.defaults().maxDistance(4f).filter(id -> !id.equals("p1")).withEf(64);
        assertEquals(64, options.ef());
        assertEquals(List.of("p0", "p2"), index.search(new float[] {0}, 10, options).stream().map(SearchResult::id).toList());
    }

    @Test
    void maxDistanceDropsFartherHits() {
        HnswIndex index = HnswIndex.builder(1).metric(Metric.L2).build();
        for (int i = 0; i < 10; i++) {
            index.add("p" + i, new float[] {i});
        }
        List<SearchResult> hits = index.search(new float[] {0}, 10, SearchOptions.defaults().maxDistance(4f));
        assertEquals(List.of("p0", "p1", "p2"), hits.stream().map(SearchResult::id).toList());
    }

    @Test
    void filterReturnsOnlyAcceptedIds() {
        List<float[]> vectors = TestVectors.uniform(3, 3000, 16);
        HnswIndex index = HnswIndex.builder(16).metric(Metric.L2).build();
        index.addAll(TestVectors.ids(3000), vectors, 2);
        // Only one id in ten passes: the search must route through rejected nodes to find them.
        SearchOptions everyTenth = SearchOptions.ef(100).filter(id -> Integer.parseInt(id.substring(1)) % 10 == 0);
        List<SearchResult> hits = index.search(vectors.get(5), 10, everyTenth);
        assertEquals(10, hits.size());
        float[] query = vectors.get(5);
        List<String> exact = IntStream.range(0, 3000).filter(i -> i % 10 == 0).boxed()
                .sorted(Comparator.comparingDouble(i -> TestVectors.squaredL2(query, vectors.get(i))))
                .limit(10).map(i -> "v" + i).toList();
        long found = hits.stream().map(SearchResult::id).filter(exact::contains).count();
        assertTrue(found >= 9, "filtered search found " + found + " of the 10 true filtered neighbours");
    }

    @Test
    void aFilterMaySearchTheSameIndexFromInsideASearch() {
        List<float[]> vectors = TestVectors.uniform(12, 2000, 8);
        HnswIndex index = HnswIndex.builder(8).metric(Metric.L2).build();
        index.addAll(TestVectors.ids(2000), vectors, 1);
        List<SearchResult> plain = index.search(vectors.get(7), 5);
        // Each inner search takes its own working memory; the outer one must come back unharmed.
        SearchOptions nested = SearchOptions.defaults().filter(id -> index.search(vectors.get(1), 3).size() == 3);
        assertEquals(plain, index.search(vectors.get(7), 5, nested));
    }

    @Test
    void addingAnExistingIdReplacesItsVector() {
        HnswIndex index = HnswIndex.builder(2).metric(Metric.L2).build();
        index.add("a", new float[] {0, 0});
        index.add("b", new float[] {5, 5});
        index.add("a", new float[] {10, 10});
        assertEquals(2, index.size());
        List<SearchResult> hits = index.search(new float[] {0, 0}, 5);
        assertEquals(List.of("b", "a"), hits.stream().map(SearchResult::id).toList());
        assertEquals(200f, hits.get(1).distance());
        assertEquals(1, index.statistics().deletedCount());
    }

    @Test
    void repeatedIdInOneBatchKeepsTheLastVector() {
        HnswIndex index = HnswIndex.builder(1).metric(Metric.L2).build();
        index.addAll(List.of("x", "y", "x"), List.of(new float[] {1}, new float[] {2}, new float[] {3}), 2);
        assertEquals(2, index.size());
        assertEquals(new SearchResult("x", 0f), index.search(new float[] {3}, 1).get(0));
    }

    @Test
    void rowMajorBatchEqualsListBatch() {
        List<float[]> vectors = TestVectors.uniform(4, 800, 12);
        float[] rows = new float[800 * 12];
        for (int i = 0; i < 800; i++) {
            System.arraycopy(vectors.get(i), 0, rows, i * 12, 12);
        }
        HnswIndex fromList = HnswIndex.builder(12).build();
        fromList.addAll(TestVectors.ids(800), vectors, 1);
        HnswIndex fromRows = HnswIndex.builder(12).build();
        fromRows.addAll(TestVectors.ids(800), rows, 1, null);
        for (int q = 0; q < 800; q += 37) {
            assertEquals(fromList.search(vectors.get(q), 10), fromRows.search(vectors.get(q), 10));
        }
    }

    @Test
    void removeHidesAtOnceAndClearEmpties() {
        HnswIndex index = HnswIndex.builder(2).metric(Metric.L2).build();
        index.add("a", new float[] {0, 0});
        index.add("b", new float[] {1, 1});
        assertTrue(index.remove("a"));
        assertFalse(index.remove("a"));
        assertFalse(index.contains("a"));
        assertEquals(List.of("b"), index.search(new float[] {0, 0}, 5).stream().map(SearchResult::id).toList());
        assertEquals(1, index.size());
        assertEquals(1, index.statistics().deletedCount());
        index.clear();
        assertEquals(0, index.size());
        assertEquals(List.of(), index.search(new float[] {0, 0}, 5));
        index.add("c", new float[] {2, 2});
        assertEquals(1, index.size());
    }

    @Test
    void statisticsDescribeTheGraph() {
        List<float[]> vectors = TestVectors.uniform(8, 5000, 16);
        HnswIndex index = HnswIndex.builder(16).metric(Metric.L2).m(8).build();
        index.addAll(TestVectors.ids(5000), vectors, 2);
        index.remove("v1");
        IndexStatistics statistics = index.statistics();
        assertEquals(4999, statistics.size());
        assertEquals(1, statistics.deletedCount());
        assertEquals(5000, statistics.levels().get(0).nodes());
        assertEquals(statistics.entryPointLevel() + 1, statistics.levelCount());
        for (IndexStatistics.LevelStatistics level : statistics.levels()) {
            int capacity = level.level() == 0 ? 16 : 8;
            assertTrue(level.maxDegree() <= capacity, "degree over capacity on level " + level.level());
            assertEquals(level.nodes(), IntStream.of(level.degreeHistogram()).sum());
            assertTrue(level.nodes() > 0);
        }
        // mL = 1/ln(M): about one node in M reaches level 1.
        double levelOneShare = statistics.levels().get(1).nodes() / 5000.0;
        assertTrue(levelOneShare > 0.08 && levelOneShare < 0.17, "share on level 1: " + levelOneShare);
        // Vectors live in pages of 512: exactly the ten pages 5,000 vectors need, no spare ones;
        // each vector's upper halves padded to whole blocks, its lower halves not.
        assertEquals(10L * 512 * (PackedVectors.packedInts(16) * 4 + 16 * 2), statistics.vectorBytes());
        assertTrue(statistics.linkBytes() >= 5000L * 17 * 4);
        assertTrue(statistics.otherBytes() > 0);
        long computations = statistics.distanceComputations();
        assertTrue(computations > 0);
        index.search(vectors.get(3), 10);
        assertTrue(index.statistics().distanceComputations() > computations);
    }

    @Test
    void progressReachesTheTotal() {
        List<float[]> vectors = TestVectors.uniform(9, 1000, 8);
        List<Integer> reported = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        HnswIndex index = HnswIndex.builder(8).build();
        index.addAll(TestVectors.ids(1000), vectors, 2, (done, total) -> {
            synchronized (reported) {
                reported.add(done);
                totals.add(total);
            }
        });
        assertEquals(1000, reported.get(reported.size() - 1));
        for (int i = 1; i < reported.size(); i++) {
            assertTrue(reported.get(i) > reported.get(i - 1), "progress went backwards: " + reported);
        }
        assertEquals(new HashSet<>(List.of(1000)), new HashSet<>(totals));
    }

    @Test
    void bulkInsertStartsNoMoreThreadsThanProcessors() {
        List<float[]> vectors = TestVectors.uniform(13, 2000, 8);
        AtomicInteger mostHelpers = new AtomicInteger();
        HnswIndex index = HnswIndex.builder(8).build();
        index.addAll(TestVectors.ids(2000), vectors, 64, (done, total) -> {
            long helpers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("hnsw-build-")).count();
            mostHelpers.accumulateAndGet((int) helpers, Math::max);
        });
        assertEquals(2000, index.size());
        // The calling thread is one of the workers, so helpers number at most processors - 1.
        assertTrue(mostHelpers.get() <= Runtime.getRuntime().availableProcessors() - 1, "helpers: " + mostHelpers.get());
    }

    @Test
    void interruptingABulkInsertCancelsItAndKeepsWhatWasInserted() {
        List<float[]> vectors = TestVectors.uniform(10, 5000, 16);
        HnswIndex index = HnswIndex.builder(16).build();
        Thread caller = Thread.currentThread();
        CancellationException cancelled = assertThrows(CancellationException.class, () ->
                index.addAll(TestVectors.ids(5000), vectors, 2, (done, total) -> {
                    if (done >= 500) {
                        caller.interrupt(); // as a UI's Cancel button would
                    }
                }));
        assertTrue(Thread.interrupted(), "the interrupt flag stays set for the caller");
        assertTrue(cancelled.getMessage().contains("of 5000"), cancelled.getMessage());
        int kept = index.size();
        assertTrue(kept >= 500 && kept < 5000, "kept " + kept);
        index.add("after", vectors.get(0));
        assertEquals(kept + 1, index.size());
        index.rebuild();
        assertEquals(kept + 1, index.size());
        assertEquals(0, index.statistics().deletedCount());
    }

    @Test
    void rebuildKeepsEveryLiveVectorBitForBit() {
        List<float[]> vectors = TestVectors.uniform(11, 1200, 40);
        HnswIndex index = HnswIndex.builder(40).metric(Metric.COSINE).m(8).build();
        index.addAll(TestVectors.ids(1200), vectors, 2);
        for (int i = 0; i < 1200; i += 3) {
            index.remove("v" + i);
        }
        Map<String, float[]> before = storedVectors(index.currentState());
        index.rebuild();
        Map<String, float[]> after = storedVectors(index.currentState());
        assertEquals(800, after.size());
        assertEquals(before.keySet(), after.keySet());
        for (Map.Entry<String, float[]> entry : before.entrySet()) {
            assertArrayEquals(entry.getValue(), after.get(entry.getKey()), entry.getKey());
        }
    }

    /** Every live id's stored (normalised) vector, exact. */
    private static Map<String, float[]> storedVectors(IndexState state) {
        Map<String, float[]> vectors = new HashMap<>();
        for (IndexState.LiveNode live : state.liveNodes()) {
            float[] vector = new float[40];
            state.graph.copyVector(live.node(), vector);
            vectors.put(live.id(), vector);
        }
        return vectors;
    }
}
