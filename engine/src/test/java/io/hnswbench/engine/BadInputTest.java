package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each kind of bad input gets an IllegalArgumentException that names it, and changes nothing. */
class BadInputTest {

    private static final int DIMENSION = 8;
    private HnswIndex index;
    private List<float[]> vectors;
    private IndexStatistics before;
    private List<SearchResult> resultsBefore;

    @BeforeEach
    void buildSmallIndex() {
        vectors = TestVectors.uniform(5, 200, DIMENSION);
        index = HnswIndex.builder(DIMENSION).metric(Metric.COSINE).build();
        index.addAll(TestVectors.ids(200), vectors, 1);
        before = index.statistics();
        resultsBefore = index.search(vectors.get(0), 10);
    }

    @Test
    void wrongDimensionIsRejected() {
        rejected(() -> index.add("x", new float[DIMENSION + 1]), "dimension 9", "dimension 8");
        rejected(() -> index.search(new float[DIMENSION - 1], 5), "query has dimension 7");
        rejected(() -> index.addAll(List.of("a", "b"), List.of(vector(1), new float[3]), 1), "vector 1", "dimension 3");
        rejected(() -> index.addAll(List.of("a", "b"), new float[2 * DIMENSION + 1], 1, null), "not a multiple");
    }

    @Test
    void nanAndInfiniteComponentsAreRejected() {
        float[] nan = vector(1);
        nan[3] = Float.NaN;
        float[] infinite = vector(1);
        infinite[5] = Float.NEGATIVE_INFINITY;
        rejected(() -> index.add("x", nan), "NaN", "position 3");
        rejected(() -> index.add("x", infinite), "infinite", "position 5");
        rejected(() -> index.search(nan, 3), "query", "NaN");
        rejected(() -> index.addAll(List.of("ok", "bad"), List.of(vector(1), nan), 2), "vector 1 (vector for id 'bad')", "NaN");
    }

    @Test
    void zeroVectorIsRejectedUnderCosineOnly() {
        rejected(() -> index.add("zero", new float[DIMENSION]), "zero vector", "COSINE");
        rejected(() -> index.search(new float[DIMENSION], 3), "query is the zero vector");
        HnswIndex l2 = HnswIndex.builder(DIMENSION).metric(Metric.L2).build();
        l2.add("zero", new float[DIMENSION]);
        assertEquals("zero", l2.search(new float[DIMENSION], 1).get(0).id());
    }

    @Test
    void nullIdsAndNullVectorsAreRejected() {
        rejected(() -> index.add(null, vector(1)), "id is null");
        rejected(() -> index.add("x", null), "is null");
        rejected(() -> index.remove(null), "id is null");
        rejected(() -> index.addAll(Arrays.asList("a", null), List.of(vector(1), vector(2)), 1), "id 1 is null");
        rejected(() -> index.addAll(null, List.of(vector(1)), 1), "ids is null");
        rejected(() -> index.addAll(List.of("a"), (List<float[]>) null, 1), "vectors is null");
        rejected(() -> index.search(null, 3), "query is null");
    }

    @Test
    void mismatchedListsAndBadThreadCountsAreRejected() {
        rejected(() -> index.addAll(List.of("a", "b"), List.of(vector(1)), 1), "2 ids but 1 vectors");
        rejected(() -> index.addAll(List.of("a"), List.of(vector(1)), 0), "threads must be at least 1");
    }

    @Test
    void nonPositiveKAndEfAreRejected() {
        rejected(() -> index.search(vector(1), 0), "k must be positive");
        rejected(() -> index.search(vector(1), -3, SearchOptions.defaults()), "k must be positive");
        rejected(() -> SearchOptions.ef(0), "ef must be positive");
        rejected(() -> SearchOptions.defaults().maxDistance(Float.NaN), "NaN");
        rejected(() -> index.search(vector(1), 3, null), "options is null");
        rejected(() -> SearchOptions.defaults().filter(null), "filter is null");
        rejected(() -> SearchOptions.defaults().withEf(-1), "ef must be positive");
    }

    @Test
    void badRowsInARowMajorBatchAreRejected() {
        float[] rows = new float[3 * DIMENSION];
        java.util.Arrays.fill(rows, 1f);
        rows[DIMENSION + 2] = Float.NaN;
        rejected(() -> index.addAll(List.of("a", "b", "c"), rows, 1), "row 1", "NaN");
        rejected(() -> index.addAll(List.of("a", "b"), rows, 1), "2 ids but 3 vectors");
    }

    @Test
    void badBuilderSettingsAreRejected() {
        rejected(() -> HnswIndex.builder(0).build(), "dimension must be positive");
        rejected(() -> HnswIndex.builder(5_000_000).build(), "dimension must be at most");
        rejected(() -> HnswIndex.builder(4).m(1).build(), "M must be at least 2");
        rejected(() -> HnswIndex.builder(4).efConstruction(0).build(), "efConstruction must be positive");
        rejected(() -> HnswIndex.builder(4).efSearch(-1).build(), "efSearch must be positive");
        rejected(() -> HnswIndex.builder(4).maxLevel(-1).build(), "maxLevel");
        rejected(() -> HnswIndex.builder(4).metric(null).build(), "metric is null");
    }

    /** Asserts the call fails with every fragment in its message and leaves the index as it was. */
    private void rejected(Executable call, String... messageFragments) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : messageFragments) {
            assertTrue(error.getMessage().contains(fragment),
                    "message '" + error.getMessage() + "' should mention '" + fragment + "'");
        }
        IndexStatistics after = index.statistics();
        assertEquals(before.size(), after.size());
        assertEquals(before.deletedCount(), after.deletedCount());
        assertEquals(before.levels(), after.levels());
        assertEquals(resultsBefore, index.search(vectors.get(0), 10));
    }

    private static float[] vector(float value) {
        float[] vector = new float[DIMENSION];
        Arrays.fill(vector, value);
        return vector;
    }

    @Test
    void aBadVectorAnywhereInABatchInsertsNothing() {
        List<String> ids = new ArrayList<>();
        List<float[]> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add("new-" + i);
            batch.add(vector(i + 1));
        }
        batch.set(40, new float[DIMENSION]);
        rejected(() -> index.addAll(ids, batch, 2), "vector 40", "zero vector");
        assertEquals(false, index.contains("new-0"));
    }
}
