package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCountersTest {

    @TempDir
    Path folder;

    @Test
    void searchesAreCountedAndInsertsAreNot() {
        HnswIndex index = smallIndex();
        assertEquals(new SearchCounters(0, 0, 0), index.searchCounters(), "building is not searching");

        SearchCounters before = index.searchCounters();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 25; i++) {
            index.search(randomVector(random), 10, SearchOptions.ef(40));
        }
        SearchCounters work = index.searchCounters().minus(before);
        assertEquals(25, work.searches());
        // Every search expands at least the node it starts from and scores at least ef candidates.
        assertTrue(work.hops() >= 25, "hops " + work.hops());
        assertTrue(work.distanceComputations() >= 25 * 40, "distance computations " + work.distanceComputations());
        assertTrue(work.distanceComputations() < 25 * 500L, "a search of 500 nodes computes at most 500 distances");
    }

    @Test
    void widerBeamsDoMoreWork() {
        HnswIndex index = smallIndex();
        SplittableRandom random = new SplittableRandom(9);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queries.add(randomVector(random));
        }
        SearchCounters narrow = countedWork(index, queries, 10);
        SearchCounters wide = countedWork(index, queries, 200);
        assertTrue(wide.hops() > narrow.hops(), narrow + " vs " + wide);
        assertTrue(wide.distanceComputations() > narrow.distanceComputations(), narrow + " vs " + wide);
    }

    @Test
    void mappedIndexCountsItsOwnSearches() throws Exception {
        Path file = folder.resolve("small.hnsw");
        smallIndex().save(file);
        try (HnswIndex mapped = HnswIndex.open(file)) {
            mapped.search(randomVector(new SplittableRandom(1)), 5);
            assertEquals(1, mapped.searchCounters().searches());
            assertTrue(mapped.searchCounters().hops() > 0);
        }
    }

    private static SearchCounters countedWork(HnswIndex index, List<float[]> queries, int ef) {
        SearchCounters before = index.searchCounters();
        for (float[] query : queries) {
            index.search(query, 10, SearchOptions.ef(ef));
        }
        return index.searchCounters().minus(before);
    }

    private static HnswIndex smallIndex() {
        HnswIndex index = HnswIndex.builder(8).metric(Metric.L2).m(8).efConstruction(64).seed(3).build();
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 500; i++) {
            index.add("v" + i, randomVector(random));
        }
        return index;
    }

    private static float[] randomVector(SplittableRandom random) {
        float[] vector = new float[8];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
