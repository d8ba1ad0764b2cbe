package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Removing 30 % of a real index: removed ids never come back, the rest stay findable, and
 * rebuild() compacts without losing quality.
 */
class DeletionTest {

    private static final int K = 10;

    @Test
    void removedVectorsNeverReturnedAndRecallHoldsBeforeAndAfterRebuild() throws IOException {
        SharedDataset data = SharedDataset.load(SharedDataset.MINILM);
        HnswIndex index = HnswIndex.builder(data.dimension()).metric(data.metric).m(16).efConstruction(200).build();
        index.addAll(data.ids(), List.of(data.base), 2);

        BitSet removed = new BitSet(data.base.length);
        SplittableRandom random = new SplittableRandom(30);
        while (removed.cardinality() < data.base.length * 3 / 10) {
            int row = random.nextInt(data.base.length);
            if (!removed.get(row)) {
                assertTrue(index.remove(Integer.toString(row)));
                removed.set(row);
            }
        }
        assertEquals(data.base.length - removed.cardinality(), index.size());

        double recallBefore = recallOverRemaining(index, data, removed);
        assertEquals(removed.cardinality(), index.statistics().deletedCount());

        index.rebuild();
        assertEquals(data.base.length - removed.cardinality(), index.size());
        assertEquals(0, index.statistics().deletedCount());
        assertEquals(0, index.statistics().levels().get(0).unreachableNodes());
        double recallAfter = recallOverRemaining(index, data, removed);

        System.out.printf("recall@10 over the remaining 70%%: %.4f with removals, %.4f after rebuild%n",
                recallBefore, recallAfter);
        assertTrue(recallBefore >= 0.95, "recall with 30% removed: " + recallBefore);
        assertTrue(recallAfter >= 0.95, "recall after rebuild: " + recallAfter);
        for (int row = removed.nextSetBit(0); row >= 0; row = removed.nextSetBit(row + 1)) {
            assertFalse(index.contains(Integer.toString(row)));
        }
    }

    /**
     * Mean recall@10 at efSearch = 128, asserting on the way that no removed id is returned. The
     * true neighbours among the remaining vectors are the first ten remaining ones of the shipped
     * top-100 list.
     */
    private static double recallOverRemaining(HnswIndex index, SharedDataset data, BitSet removed) {
        double total = 0;
        for (int q = 0; q < data.queries.length; q++) {
            List<SearchResult> hits = index.search(data.queries[q], K, SearchOptions.ef(128));
            for (SearchResult hit : hits) {
                assertFalse(removed.get(Integer.parseInt(hit.id())), "removed id " + hit.id() + " was returned");
            }
            List<Integer> trueRemaining = new ArrayList<>();
            for (int row : data.groundTruth[q]) {
                if (!removed.get(row) && trueRemaining.size() < K) {
                    trueRemaining.add(row);
                }
            }
            assertEquals(K, trueRemaining.size(), "the top-100 list of query " + q + " has fewer than 10 remaining");
            float kthDistance = data.trueDistance(q, trueRemaining.get(K - 1));
            int found = 0;
            for (SearchResult hit : hits) {
                if (data.trueDistance(q, Integer.parseInt(hit.id())) <= kthDistance + 1e-5f) {
                    found++;
                }
            }
            total += Math.min(found, K) / (double) K;
        }
        return total / data.queries.length;
    }
}
