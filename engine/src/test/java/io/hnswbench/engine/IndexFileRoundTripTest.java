package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IndexFileRoundTripTest {

    @TempDir
    Path folder;

    /** The first rows of a shared dataset, with removals and replacements, for one metric. */
    private static HnswIndex builtIndex(Metric metric, SharedDataset data, int count) {
        HnswIndex index = HnswIndex.builder(data.dimension()).metric(metric).m(12).efConstruction(100).seed(7).build();
        List<float[]> vectors = Arrays.asList(data.base).subList(0, count);
        index.addAll(data.ids().subList(0, count), vectors, 2);
        SplittableRandom random = new SplittableRandom(metric.ordinal());
        for (int i = 0; i < count / 10; i++) {
            index.remove(Integer.toString(random.nextInt(count)));
        }
        // Replacing gives an id a second node and leaves the first one removed.
        for (int i = 0; i < 20; i++) {
            int row = random.nextInt(count);
            index.add(Integer.toString(row), data.base[(row + 1) % count]);
        }
        return index;
    }

    private static SharedDataset datasetFor(Metric metric) throws IOException {
        return SharedDataset.load(metric == Metric.L2 ? SharedDataset.MNIST : SharedDataset.MINILM);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void loadAndOpenGiveTheSavedIndexBitForBit(Metric metric) throws IOException {
        SharedDataset data = datasetFor(metric);
        HnswIndex saved = builtIndex(metric, data, 3000);
        Path file = folder.resolve("index.hnsw");
        saved.save(file);
        List<float[]> queries = Arrays.asList(data.queries).subList(0, 200);

        HnswIndex loaded = HnswIndex.load(file);
        assertFalse(loaded.isReadOnly());
        IndexComparison.assertSameIndex(saved, loaded, queries, "load");
        assertEquals(saved.statistics().vectorBytes(), loaded.statistics().vectorBytes());
        assertEquals(saved.statistics().linkBytes(), loaded.statistics().linkBytes());

        try (HnswIndex opened = HnswIndex.open(file)) {
            assertTrue(opened.isReadOnly());
            IndexComparison.assertSameIndex(saved, opened, queries, "open");
            for (String id : List.of("0", "17", "2999", "3000", "nope")) {
                assertEquals(saved.contains(id), opened.contains(id), "contains " + id);
            }
        }
    }

    @Test
    void aLoadedIndexKeepsChangingLikeTheOriginal() throws IOException {
        SharedDataset data = datasetFor(Metric.COSINE);
        HnswIndex original = builtIndex(Metric.COSINE, data, 2000);
        Path file = folder.resolve("index.hnsw");
        original.save(file);
        HnswIndex loaded = HnswIndex.load(file);
        for (HnswIndex index : List.of(original, loaded)) {
            index.addAll(data.ids().subList(2000, 2500), Arrays.asList(data.base).subList(2000, 2500), 1);
            index.remove("5");
        }
        IndexComparison.assertSameIndex(original, loaded, Arrays.asList(data.queries).subList(0, 100), "after changes");
        loaded.rebuild();
        assertEquals(original.size(), loaded.size());
    }

    @Test
    void savingAMappedIndexWritesTheSameFile() throws IOException {
        SharedDataset data = datasetFor(Metric.COSINE);
        Path first = folder.resolve("first.hnsw");
        Path second = folder.resolve("second.hnsw");
        builtIndex(Metric.COSINE, data, 1000).save(first);
        try (HnswIndex opened = HnswIndex.open(first)) {
            opened.save(second);
        }
        assertEquals(-1, java.nio.file.Files.mismatch(first, second));
    }

    @Test
    void emptyIndexesAndIndexesOfOneVectorRoundTrip() throws IOException {
        for (int count : new int[] {0, 1}) {
            HnswIndex index = HnswIndex.builder(3).metric(Metric.L2).build();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                index.add("only", new float[] {1, 2, 3});
                ids.add("only");
            }
            Path file = folder.resolve("small-" + count + ".hnsw");
            index.save(file);
            HnswIndex loaded = HnswIndex.load(file);
            assertEquals(count, loaded.size());
            try (HnswIndex opened = HnswIndex.open(file)) {
                assertEquals(count, opened.size());
                assertEquals(ids, opened.search(new float[] {0, 0, 0}, 5).stream().map(SearchResult::id).toList());
            }
            assertEquals(ids, loaded.search(new float[] {0, 0, 0}, 5).stream().map(SearchResult::id).toList());
        }
    }
}
