package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class MappedIndexTest {

    @TempDir
    Path folder;

    /** The first {@code count} minilm vectors, built and saved to {@code index.hnsw}. */
    private HnswIndex savedMinilmIndex(SharedDataset data, int count) throws IOException {
        HnswIndex heap = HnswIndex.builder(data.dimension()).metric(data.metric).build();
        heap.addAll(data.ids().subList(0, count), Arrays.asList(data.base).subList(0, count), 2);
        heap.save(folder.resolve("index.hnsw"));
        return heap;
    }

    @Test
    void eightThreadsSearchingTheMappingAtOnceGetTheHeapIndexResults() throws Exception {
        SharedDataset data = SharedDataset.load(SharedDataset.MINILM);
        HnswIndex heap = savedMinilmIndex(data, 5000);
        Path file = folder.resolve("index.hnsw");
        List<float[]> queries = Arrays.asList(data.queries).subList(0, 300);
        try (HnswIndex mapped = HnswIndex.open(file)) {
            List<List<String>> expected = IndexComparison.results(heap, queries, 10, SearchOptions.ef(64));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<List<String>>>> searches = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    searches.add(pool.submit(() -> IndexComparison.results(mapped, queries, 10, SearchOptions.ef(64))));
                }
                for (Future<List<List<String>>> search : searches) {
                    assertEquals(expected, search.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /** One 4-d vector under "a", saved to {@code index.hnsw}. */
    private Path savedTinyIndex() throws IOException {
        Path file = folder.resolve("index.hnsw");
        HnswIndex heap = HnswIndex.builder(4).build();
        heap.add("a", new float[] {1, 2, 3, 4});
        heap.save(file);
        return file;
    }

    @Test
    void aMappedIndexRefusesChangesAndSaysHowToGetOneThatCan() throws IOException {
        Path file = savedTinyIndex();
        try (HnswIndex mapped = HnswIndex.open(file)) {
            List<Executable> changes = List.of(
                    () -> mapped.add("b", new float[] {1, 0, 0, 0}),
                    () -> mapped.addAll(List.of("b"), List.of(new float[] {1, 0, 0, 0}), 1),
                    () -> mapped.addAll(List.of("b"), new float[] {1, 0, 0, 0}, 1),
                    () -> mapped.remove("a"),
                    mapped::clear,
                    mapped::rebuild);
            for (Executable change : changes) {
                IllegalStateException e = assertThrows(IllegalStateException.class, change);
                assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains("HnswIndex.load")
                        && e.getMessage().contains(file.toString()), e.getMessage());
            }
            assertEquals(1, mapped.size());
            assertTrue(mapped.contains("a"));
        }
    }

    @Test
    void useAfterCloseIsAnErrorNotACrash() throws IOException {
        HnswIndex mapped = HnswIndex.open(savedTinyIndex());
        mapped.close();
        mapped.close();
        List<Executable> uses = List.of(
                () -> mapped.search(new float[] {1, 2, 3, 4}, 1),
                mapped::size,
                () -> mapped.contains("a"),
                mapped::statistics,
                () -> mapped.save(folder.resolve("copy.hnsw")));
        for (Executable use : uses) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }

    @Test
    void closingWhileSearchesRunEndsThemWithAnErrorNotACrash() throws Exception {
        SharedDataset data = SharedDataset.load(SharedDataset.MINILM);
        savedMinilmIndex(data, 2000);
        HnswIndex mapped = HnswIndex.open(folder.resolve("index.hnsw"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> searchers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                searchers.add(pool.submit(() -> {
                    int searches = 0;
                    try {
                        while (true) {
                            mapped.search(data.queries[searches % data.queries.length], 10);
                            searches++;
                        }
                    } catch (IllegalStateException expected) {
                        return searches;
                    }
                }));
            }
            Thread.sleep(300);
            mapped.close();
            for (Future<Integer> searcher : searchers) {
                assertTrue(searcher.get() >= 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
