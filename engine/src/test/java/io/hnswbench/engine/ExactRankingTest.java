package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact re-ranking of a search's candidates: the cosine bound holds, and skipping by it changes nothing. */
class ExactRankingTest {

    private static final int EF = 50;
    private static final int K = 10;

    @ParameterizedTest(name = "dimension {0}")
    @ValueSource(ints = {3, 16, 100, 384, 1536})
    void underCosineTraversalAndExactDistancesDifferByLessThanTheBound(int dimension) {
        SplittableRandom random = new SplittableRandom(dimension);
        HnswIndex index = HnswIndex.builder(dimension).metric(Metric.COSINE).build();
        int count = 300;
        for (int i = 0; i < count; i++) {
            index.add("v" + i, gaussian(random, dimension));
        }
        SearchableGraph graph = index.currentState().graph();
        float bound = ExactRanking.cosineTraversalError(dimension);
        float widest = 0;
        for (int q = 0; q < 20; q++) {
            float[] query = unit(gaussian(random, dimension));
            float[] padded = Arrays.copyOf(query, PackedVectors.paddedLength(dimension));
            for (int node = 0; node < count; node++) {
                float gap = Math.abs(graph.exactDistanceTo(query, node) - graph.distanceTo(padded, node));
                widest = Math.max(widest, gap);
                assertTrue(gap < bound, "node " + node + ": traversal and exact differ by " + gap + " >= " + bound);
            }
        }
        assertTrue(widest > 0, "truncation should move some distance");
    }

    @Test
    void skippingByTheBoundKeepsTheKNearestOfScoringEveryCandidate() throws IOException {
        SharedDataset minilm = SharedDataset.load(SharedDataset.MINILM);
        int count = 4000;
        HnswIndex index = HnswIndex.builder(minilm.dimension()).metric(Metric.COSINE).build();
        index.addAll(minilm.ids().subList(0, count), Arrays.asList(minilm.base).subList(0, count), 2);
        SearchableGraph graph = index.currentState().graph();
        ExactRanking ranking = new ExactRanking(graph, Metric.COSINE, minilm.dimension());
        long scoredWithBound = 0;
        SearchScratch scratch = SearchScratch.acquire(32);
        try {
            for (int q = 0; q < 200; q++) {
                float[] query = unit(minilm.queries[q].clone());
                long[] candidates = nearestByTraversal(graph, query, count);
                long[] everyNode = candidates.clone();
                int all = ranking.rank(scratch, query, everyNode, EF, K, Integer.MAX_VALUE, true);
                long[] bounded = candidates.clone();
                int some = ranking.rank(scratch, query, bounded, EF, K, Integer.MAX_VALUE, false);
                assertArrayEquals(Arrays.copyOf(everyNode, K), Arrays.copyOf(bounded, K), "query " + q);
                assertTrue(some >= K && some <= all, "query " + q + " scored " + some);
                scoredWithBound += some;
            }
        } finally {
            scratch.release();
        }
        // About 15 of 50 on this data; the point of the bound is that it skips most of them.
        assertTrue(scoredWithBound < 200L * EF * 6 / 10, "scored " + scoredWithBound + " of " + 200 * EF);
    }

    @Test
    void withoutABoundEveryCandidateIsScored() {
        SplittableRandom random = new SplittableRandom(7);
        int dimension = 32;
        HnswIndex index = HnswIndex.builder(dimension).metric(Metric.L2).build();
        for (int i = 0; i < 200; i++) {
            index.add("v" + i, gaussian(random, dimension));
        }
        SearchableGraph graph = index.currentState().graph();
        float[] query = gaussian(random, dimension);
        long[] candidates = nearestByTraversal(graph, query, 200);
        SearchScratch scratch = SearchScratch.acquire(32);
        try {
            int scored = new ExactRanking(graph, Metric.L2, dimension).rank(scratch, query, candidates, EF, K,
                    Integer.MAX_VALUE, false);
            assertTrue(scored == EF, "L2 has no bound, so all " + EF + " are scored, not " + scored);
        } finally {
            scratch.release();
        }
    }

    /** The EF nodes nearest the query by traversal distance, packed and nearest first, as a search leaves them. */
    private static long[] nearestByTraversal(SearchableGraph graph, float[] query, int count) {
        float[] padded = Arrays.copyOf(query, PackedVectors.paddedLength(query.length));
        long[] all = new long[count];
        for (int node = 0; node < count; node++) {
            all[node] = NodeHeap.pack(node, graph.distanceTo(padded, node));
        }
        Arrays.sort(all);
        return Arrays.copyOf(all, EF);
    }

    private static float[] gaussian(SplittableRandom random, int dimension) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float component : vector) {
            norm += component * component;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
