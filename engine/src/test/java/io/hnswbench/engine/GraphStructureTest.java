package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Properties of the built graph itself: reachability and reproducibility. */
class GraphStructureTest {

    @Test
    void everyNodeIsReachableFromTheEntryPointOnEveryLevel() throws IOException {
        SharedDataset data = SharedDataset.load(SharedDataset.MNIST);
        HnswIndex index = HnswIndex.builder(data.dimension()).metric(data.metric).m(16).efConstruction(200).build();
        index.addAll(data.ids(), List.of(data.base), 2);
        IndexStatistics statistics = index.statistics();
        assertEquals(data.base.length, statistics.levels().get(0).nodes());
        for (IndexStatistics.LevelStatistics level : statistics.levels()) {
            assertEquals(0, level.unreachableNodes(), "unreachable nodes on level " + level.level());
        }
    }

    @Test
    void exactDuplicatesStayReachableAndAreAllReturned() {
        // Each vector under three ids: the heuristic prunes links to a twin whose twin is linked.
        List<float[]> distinct = TestVectors.uniform(23, 1500, 16);
        List<String> ids = new java.util.ArrayList<>();
        List<float[]> vectors = new java.util.ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < distinct.size(); i++) {
                ids.add(i + "/" + copy);
                vectors.add(distinct.get(i));
            }
        }
        HnswIndex index = HnswIndex.builder(16).metric(Metric.L2).m(8).efConstruction(100).build();
        index.addAll(ids, vectors, 2);
        assertEquals(0, index.statistics().levels().get(0).unreachableNodes());
        int allThreeFound = 0;
        for (int i = 0; i < distinct.size(); i++) {
            String prefix = i + "/";
            List<SearchResult> hits = index.search(distinct.get(i), 3, SearchOptions.ef(64));
            if (hits.stream().allMatch(hit -> hit.id().startsWith(prefix))) {
                allThreeFound++;
            }
        }
        assertEquals(true, allThreeFound >= distinct.size() * 0.99, "all three copies found for " + allThreeFound);
    }

    @Test
    void sameSeedAndOneThreadGiveTheSameGraphTwice() {
        List<float[]> vectors = TestVectors.uniform(21, 3000, 24);
        HnswIndex first = HnswIndex.builder(24).metric(Metric.L2).m(8).efConstruction(64).seed(7).build();
        HnswIndex second = HnswIndex.builder(24).metric(Metric.L2).m(8).efConstruction(64).seed(7).build();
        first.addAll(TestVectors.ids(3000), vectors, 1);
        second.addAll(TestVectors.ids(3000), vectors, 1);

        assertEquals(linkRows(first), linkRows(second));
        IndexStatistics a = first.statistics();
        IndexStatistics b = second.statistics();
        assertEquals(a.levels(), b.levels());
        assertEquals(a.entryPointId(), b.entryPointId());
        for (int q = 0; q < 3000; q += 97) {
            assertEquals(first.search(vectors.get(q), 10), second.search(vectors.get(q), 10));
        }
    }

    @Test
    void oneAndTwoThreadBuildsReachTheSameRecall() {
        List<float[]> vectors = TestVectors.uniform(22, 4000, 16);
        List<float[]> queries = TestVectors.uniform(23, 200, 16);
        HnswIndex oneThread = HnswIndex.builder(16).metric(Metric.L2).m(8).efConstruction(100).build();
        HnswIndex twoThreads = HnswIndex.builder(16).metric(Metric.L2).m(8).efConstruction(100).build();
        oneThread.addAll(TestVectors.ids(4000), vectors, 1);
        twoThreads.addAll(TestVectors.ids(4000), vectors, 2);
        double recallOne = recallAtTen(oneThread, vectors, queries);
        double recallTwo = recallAtTen(twoThreads, vectors, queries);
        assertTrue(recallOne > 0.95, "one thread: " + recallOne);
        assertTrue(Math.abs(recallOne - recallTwo) < 0.02, "one thread " + recallOne + ", two threads " + recallTwo);
    }

    private static double recallAtTen(HnswIndex index, List<float[]> vectors, List<float[]> queries) {
        double total = 0;
        for (float[] query : queries) {
            java.util.Set<String> exact = new java.util.HashSet<>(java.util.stream.IntStream.range(0, vectors.size()).boxed()
                    .sorted(java.util.Comparator.comparingDouble(i -> TestVectors.squaredL2(query, vectors.get(i))))
                    .limit(10).map(i -> "v" + i).toList());
            total += index.search(query, 10, SearchOptions.ef(40)).stream().filter(hit -> exact.contains(hit.id())).count() / 10.0;
        }
        return total / queries.size();
    }

    /** Every node's links on every level, as text, through the package-private graph. */
    private static String linkRows(HnswIndex index) {
        HnswGraph graph = index.currentState().graph;
        StringBuilder rows = new StringBuilder();
        int[] buffer = new int[graph.links.capacity(0)];
        for (int node = 0; node < graph.nodes.allocated(); node++) {
            for (int level = 0; level <= graph.nodes.level(node); level++) {
                int count = graph.links.copyLinks(node, level, buffer);
                rows.append(node).append('@').append(level).append(':');
                for (int i = 0; i < count; i++) {
                    rows.append(buffer[i]).append(',');
                }
                rows.append('\n');
            }
        }
        return rows.toString();
    }
}
