package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** Compares two indexes as a user would see them: their graph statistics and their search results. */
final class IndexComparison {

    private IndexComparison() {
    }

    /**
     * The statistics that describe the graph. Memory figures are left out (a mapped index holds its
     * vectors in the file, a loaded one sizes its id table for the live ids only), and so is the
     * running count of distance computations, which describes the work an index has done.
     */
    static List<Object> graphStatistics(IndexStatistics s) {
        return List.of(s.size(), s.deletedCount(), s.dimension(), s.metric(), s.m(), s.efConstruction(), s.efSearch(),
                String.valueOf(s.entryPointId()), s.entryPointLevel(), s.levels());
    }

    /**
     * Results of every query, as "id distance-bits" strings, so that equality is bit for bit. No
     * warm-up is needed: the kernels add in one fixed order, compiled or not (ENGINE.md, Determinism).
     */
    static List<List<String>> results(HnswIndex index, List<float[]> queries, int k, SearchOptions options) {
        List<List<String>> all = new ArrayList<>(queries.size());
        for (float[] query : queries) {
            List<String> hits = new ArrayList<>(k);
            for (SearchResult hit : index.search(query, k, options)) {
                hits.add(hit.id() + " " + Integer.toHexString(Float.floatToRawIntBits(hit.distance())));
            }
            all.add(hits);
        }
        return all;
    }

    private static final List<SearchOptions> OPTIONS = List.of(SearchOptions.ef(16), SearchOptions.ef(100),
            SearchOptions.ef(64).filter(id -> id.hashCode() % 3 != 0));

    static void assertSameIndex(HnswIndex expected, HnswIndex actual, List<float[]> queries, String what) {
        assertEquals(graphStatistics(expected.statistics()), graphStatistics(actual.statistics()), what + ": statistics");
        for (SearchOptions options : OPTIONS) {
            assertEquals(results(expected, queries, 10, options), results(actual, queries, 10, options),
                    what + ": results with " + options);
        }
    }
}
