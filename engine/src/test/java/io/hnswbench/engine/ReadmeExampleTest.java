package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example of README.md, line for line, so the README cannot rot. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRunsAsWritten() {
        List<float[]> vectors = TestVectors.uniform(40, 1000, 384);
        List<String> ids = TestVectors.ids(1000);
        float[] embedding = vectors.get(0);
        float[] query = vectors.get(1);
        AtomicInteger reported = new AtomicInteger();

        HnswIndex index = HnswIndex.builder(384)          // vector dimension
                .metric(Metric.COSINE).m(16).efConstruction(200).efSearch(50)
                .build();
        index.add("doc-1", embedding);                     // adding an existing id replaces its vector
        index.addAll(ids, vectors, 4, (done, total) -> reported.accumulateAndGet(done, Math::max));
        List<SearchResult> hits = index.search(query, 10); // nearest first: hit.id(), hit.distance()
        hits = index.search(query, 10, SearchOptions.ef(128).maxDistance(0.35f));
        index.remove("doc-1");
        IndexStatistics stats = index.statistics();

        assertEquals(1000, reported.get());
        assertEquals("v1", hits.get(0).id());
        assertTrue(hits.stream().allMatch(hit -> hit.distance() <= 0.35f));
        assertEquals(1000, stats.size());
    }

    @Test
    void readmePersistenceExampleRunsAsWritten(@TempDir Path folder) throws IOException {
        HnswIndex index = HnswIndex.builder(16).build();
        index.addAll(TestVectors.ids(200), TestVectors.uniform(41, 200, 16), 1);
        float[] query = TestVectors.uniform(42, 1, 16).get(0);
        List<SearchResult> hits = index.search(query, 10);
        Path file = folder.resolve("docs.hnsw");
        List<SearchResult> expected = hits;

        index.save(file);                                  // atomic: a crash leaves the old file or the new one
        HnswIndex copy = HnswIndex.load(file);
        try (HnswIndex mapped = HnswIndex.open(file)) {
            hits = mapped.search(query, 10);               // the saved index's results
        }

        assertSameHits(expected, hits);
        assertSameHits(expected, copy.search(query, 10));
    }

    /** Same ids and the same distances, bit for bit, though the kernels may still be cold here. */
    private static void assertSameHits(List<SearchResult> expected, List<SearchResult> actual) {
        assertEquals(expected, actual);
    }
}
