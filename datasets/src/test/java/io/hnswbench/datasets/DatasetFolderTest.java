package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DatasetFolderTest {

    /** The meta.json fields of DESIGN.md and ../shared/datasets/README.md. */
    private static final Set<String> META_FIELDS = Set.of("name", "dimension", "metric", "base_count", "query_count",
            "gt_k", "source", "license", "built_with");

    @TempDir
    Path folder;

    @Test
    void wholeFolderRoundTripKeepsVectorsTextsAndGroundTruth() throws IOException, InterruptedException {
        Dataset written = textDataset();
        Path out = folder.resolve("round-trip");

        DatasetFolder.write(out, written);
        Dataset read = DatasetFolder.load(out);

        assertEquals(written.meta(), read.meta());
        assertEquals(Metric.COSINE, read.metric());
        TexmexFormatTest.assertBitwiseEqual(written.base().data(), read.base().data());
        TexmexFormatTest.assertBitwiseEqual(written.queries().data(), read.queries().data());
        GroundTruth expected = written.groundTruth().orElseThrow();
        GroundTruth actual = read.groundTruth().orElseThrow();
        assertArrayEquals(expected.ids().data(), actual.ids().data());
        TexmexFormatTest.assertBitwiseEqual(expected.distances().orElseThrow().data(),
                actual.distances().orElseThrow().data());
        assertEquals(written.baseTexts(), read.baseTexts());
        assertEquals(written.queryTexts(), read.queryTexts());
        assertEquals(List.of(DatasetFolder.BASE, DatasetFolder.BASE_TEXTS, DatasetFolder.GROUND_TRUTH_DISTANCES,
                DatasetFolder.GROUND_TRUTH, DatasetFolder.META, DatasetFolder.QUERIES, DatasetFolder.QUERY_TEXTS),
                fileNames(out), "exactly the files of the shared datasets, no leftover temporary file");
    }

    @Test
    void metaJsonHasExactlyTheFieldNamesOfTheDesign() throws IOException, InterruptedException {
        Path out = folder.resolve("meta");

        DatasetFolder.write(out, textDataset());

        JsonNode meta = new JsonMapper().readTree(out.resolve(DatasetFolder.META));
        assertEquals(new TreeSet<>(META_FIELDS), new TreeSet<>(meta.propertyNames()));
        assertEquals("texts", meta.get("name").asString());
        assertEquals(4, meta.get("dimension").asInt());
        assertEquals("cosine", meta.get("metric").asString());
        assertEquals(6, meta.get("base_count").asInt());
        assertEquals(3, meta.get("query_count").asInt());
        assertEquals(2, meta.get("gt_k").asInt());
        assertEquals("hand-written", meta.get("source").asString());
        assertEquals("CC0-1.0", meta.get("license").asString());
        assertEquals("DatasetFolderTest", meta.get("built_with").asString());
    }

    @Test
    void readsTheMetaJsonOfBothSharedDatasets() throws IOException {
        DatasetMeta minilm = DatasetFolder.readMeta(Fixtures.sharedDataset(Fixtures.MINILM));
        DatasetMeta mnist = DatasetFolder.readMeta(Fixtures.sharedDataset(Fixtures.MNIST));

        assertEquals(new DatasetMeta(Fixtures.MINILM, 384, "cosine", 20_000, 1_000, 100, minilm.source(),
                minilm.license(), minilm.builtWith()), minilm);
        assertEquals(new DatasetMeta(Fixtures.MNIST, 784, "l2", 9_000, 1_000, 100, mnist.source(), mnist.license(),
                mnist.builtWith()), mnist);
        assertTrue(mnist.license().contains("CC BY-SA 3.0"), mnist.license());
        assertTrue(minilm.builtWith().contains("all-minilm-l6-v2"), minilm.builtWith());
    }

    @Test
    void readsHandWrittenMetaJsonWithoutBuiltWithAndWithUnknownFields() throws IOException {
        Path out = Files.createDirectory(folder.resolve("hand-written"));
        Files.writeString(out.resolve(DatasetFolder.META), """
                {"name": "by hand", "dimension": 3, "metric": "euclidean", "base_count": 10, "query_count": 2,
                 "gt_k": 0, "source": "typed in", "license": "CC0-1.0", "comment": "not a field of ours"}
                """);

        DatasetMeta meta = DatasetFolder.readMeta(out);

        assertEquals(new DatasetMeta("by hand", 3, "euclidean", 10, 2, 0, "typed in", "CC0-1.0", null), meta);
    }

    @Test
    void textsWithALineBreakAreRefusedBeforeAnythingIsWritten() {
        DatasetMeta meta = new DatasetMeta("broken", 2, "l2", 2, 1, 0, "test", "none", null);
        Dataset dataset = new Dataset(meta, VectorMatrix.of(new float[] {1, 2}, new float[] {3, 4}),
                VectorMatrix.of(new float[] {5, 6}), null, List.of("one", "two\nlines"), List.of("query\r"));
        Path out = folder.resolve("broken");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatasetFolder.write(out, dataset));

        assertTrue(refused.getMessage().contains("base text 1"), refused.getMessage());
        assertFalse(Files.exists(out), "a folder whose base.txt would not load back is not started");
    }

    @Test
    void folderWithoutGroundTruthOrTextsLoadsWithoutThem() throws IOException {
        DatasetMeta meta = new DatasetMeta("plain", 3, "l2", 10, 2, 0, "test", "none", null);
        Path out = folder.resolve("plain");
        DatasetFolder.write(out, new Dataset(meta, Fixtures.gaussianMatrix(1, 10, 3), Fixtures.gaussianMatrix(2, 2, 3),
                null, null, null));

        Dataset read = Dataset.load(out);

        assertTrue(read.groundTruth().isEmpty());
        assertTrue(read.baseTexts().isEmpty());
        assertTrue(read.queryTexts().isEmpty());
        assertFalse(Files.readString(out.resolve(DatasetFolder.META)).contains("built_with"),
                "an unknown built_with is left out, not written as null");
    }

    @Test
    void writeGroundTruthReplacesTheOldOneAndRecordsItsDepth() throws IOException, InterruptedException {
        Dataset dataset = textDataset();
        Path out = folder.resolve("replace");
        DatasetFolder.write(out, dataset);
        GroundTruth deeper = ExactNeighbors.compute(dataset.base(), dataset.queries(), Metric.COSINE, 5, 1,
                ProgressListener.NONE);

        DatasetFolder.writeGroundTruth(out, deeper);

        Dataset read = DatasetFolder.load(out);
        assertEquals(5, read.meta().gtK());
        assertArrayEquals(deeper.ids().data(), read.groundTruth().orElseThrow().ids().data());
        assertEquals(dataset.meta().withGtK(5), read.meta());
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith(".")),
                    "the staging folder of the new ground truth is gone");
        }
    }

    @Test
    void groundTruthWithoutDistancesRemovesTheOldDistancesFile() throws IOException, InterruptedException {
        Dataset dataset = textDataset();
        Path out = folder.resolve("no-distances");
        DatasetFolder.write(out, dataset);

        DatasetFolder.writeGroundTruth(out, new GroundTruth(dataset.groundTruth().orElseThrow().ids(), null));

        assertFalse(Files.exists(out.resolve(DatasetFolder.GROUND_TRUTH_DISTANCES)),
                "stale distances would contradict the new ids");
        assertTrue(DatasetFolder.load(out).groundTruth().orElseThrow().distances().isEmpty());
    }

    /** 6 base and 3 query texts with made-up 4-d vectors, cosine, k = 2, with unicode in the texts. */
    static Dataset textDataset() throws InterruptedException {
        VectorMatrix base = Fixtures.gaussianMatrix(21, 6, 4);
        VectorMatrix queries = Fixtures.gaussianMatrix(22, 3, 4);
        GroundTruth groundTruth = ExactNeighbors.compute(base, queries, Metric.COSINE, 2, 1, ProgressListener.NONE);
        DatasetMeta meta = new DatasetMeta("texts", 4, "cosine", 6, 3, 2, "hand-written", "CC0-1.0",
                "DatasetFolderTest");
        List<String> baseTexts = List.of("a cat", "ein Hund, größer", "猫が寝ている", "naïve café",
                "  spaced  out ", "tab\tinside");
        List<String> queryTexts = List.of("a kitten", "ünïcödé", "last");
        return new Dataset(meta, base, queries, groundTruth, baseTexts, queryTexts);
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
