package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every version of the library must read the index files version 1 of the format wrote. The
 * fixture in {@code src/test/resources/format-v1} was written once by {@link #main} and must never
 * be regenerated: {@code expected.txt} holds queries and the results the writing version gave.
 */
class FormatV1FixtureTest {

    @Test
    void aVersion1FileStillLoadsAndOpensWithItsOriginalResults() throws IOException {
        Path folder = fixtureFolder();
        List<String> lines = Files.readAllLines(folder.resolve("expected.txt"));
        HnswIndex loaded = HnswIndex.load(folder.resolve("index.hnsw"));
        try (HnswIndex opened = HnswIndex.open(folder.resolve("index.hnsw"))) {
            for (HnswIndex index : List.of(loaded, opened)) {
                assertEquals(Metric.COSINE, index.metric());
                assertEquals(8, index.dimension());
                assertEquals(expectedSize(lines), index.size());
                List<String> expected = expectedResults(lines);
                List<String> actual = actualResults(index, lines);
                assertEquals(expected.size(), actual.size());
                for (int q = 0; q < expected.size(); q++) {
                    assertSameHits(expected.get(q), actual.get(q));
                }
            }
        }
    }

    /** Same ids in the same order; distances alike but for the last bit, which a CPU of another SIMD width may change. */
    private static void assertSameHits(String expected, String actual) {
        String[] e = expected.split(" ");
        String[] a = actual.split(" ");
        assertEquals(e.length, a.length, actual);
        for (int i = 1; i < e.length; i += 2) {
            assertEquals(e[i], a[i], actual);
            assertEquals(Float.parseFloat(e[i + 1]), Float.parseFloat(a[i + 1]), 1e-6f, actual);
        }
    }

    private static int expectedSize(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("size ")).mapToInt(line -> Integer.parseInt(line.substring(5)))
                .findFirst().orElseThrow();
    }

    private static List<String> expectedResults(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("hits ")).toList();
    }

    private static List<String> actualResults(HnswIndex index, List<String> lines) {
        List<String> results = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("query ")) {
                results.add(hitsLine(index, parseVector(line.substring(6))));
            }
        }
        return results;
    }

    private static String hitsLine(HnswIndex index, float[] query) {
        StringBuilder line = new StringBuilder("hits");
        for (SearchResult hit : index.search(query, 5, SearchOptions.ef(40))) {
            line.append(' ').append(hit.id()).append(' ').append(hit.distance());
        }
        return line.toString();
    }

    private static float[] parseVector(String text) {
        String[] parts = text.trim().split(" ");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }

    private static Path fixtureFolder() {
        try {
            return Path.of(FormatV1FixtureTest.class.getResource("/format-v1/index.hnsw").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wrote the fixture, once, with format version 1. Kept to show how it was made; do not run again. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        HnswIndex index = HnswIndex.builder(8).metric(Metric.COSINE).m(6).efConstruction(60).seed(2026).build();
        List<float[]> vectors = TestVectors.uniform(2026, 400, 8);
        index.addAll(TestVectors.ids(400), vectors, 1);
        for (int i = 0; i < 400; i += 9) {
            index.remove("v" + i);
        }
        index.add("v1", vectors.get(2));
        index.add("δ-unicode-id", vectors.get(3));
        index.save(folder.resolve("index.hnsw"));
        List<String> lines = new ArrayList<>();
        lines.add("# Index format version 1 fixture, written by FormatV1FixtureTest.main. Never regenerate.");
        lines.add("size " + index.size());
        for (float[] query : TestVectors.uniform(7, 6, 8)) {
            StringBuilder line = new StringBuilder("query");
            for (float component : query) {
                line.append(' ').append(component);
            }
            lines.add(line.toString());
            lines.add(hitsLine(index, query));
        }
        try {
            Files.write(folder.resolve("expected.txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
