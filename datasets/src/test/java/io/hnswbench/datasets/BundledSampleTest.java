package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample shipped in the jar: complete, small, exact, and really the embeddings of its texts. */
class BundledSampleTest {

    private static final long REPOSITORY_LIMIT_BYTES = 10L * 1024 * 1024;

    @TempDir
    static Path root;

    static Path folder;
    static Dataset sample;

    @BeforeAll
    static void install() throws IOException {
        folder = BundledSample.installInto(root);
        sample = Dataset.load(folder);
    }

    @Test
    void sampleIsACompleteCosineTextDataset() {
        assertEquals(BundledSample.NAME, sample.name());
        assertEquals(Metric.COSINE, sample.metric());
        assertEquals(TextEmbedder.DIMENSION, sample.dimension());
        assertEquals(4000, sample.base().rows());
        assertEquals(200, sample.queries().rows());
        assertEquals(4000, sample.baseTexts().orElseThrow().size());
        assertEquals(200, sample.queryTexts().orElseThrow().size());
        assertEquals(100, sample.groundTruth().orElseThrow().k());
        assertTrue(sample.groundTruth().orElseThrow().distances().isPresent());
    }

    @Test
    void metadataGivesProvenanceAndLicense() {
        assertTrue(sample.meta().source().contains("Debian"), sample.meta().source());
        assertTrue(sample.meta().source().contains(TextEmbedder.MODEL), sample.meta().source());
        assertTrue(sample.meta().license().contains("DFSG"), sample.meta().license());
        assertTrue(sample.meta().license().contains("Apache-2.0"), sample.meta().license());
        assertTrue(sample.meta().builtWith().contains("datasets embed"), sample.meta().builtWith());
    }

    @Test
    void sampleStaysSmallEnoughForTheRepository() throws IOException {
        long bytes;
        try (Stream<Path> files = Files.list(folder)) {
            bytes = files.mapToLong(file -> file.toFile().length()).sum();
        }
        assertTrue(bytes < REPOSITORY_LIMIT_BYTES, "the sample takes " + bytes + " bytes");
    }

    @Test
    void groundTruthIsExact() throws InterruptedException {
        GroundTruth shipped = sample.groundTruth().orElseThrow();
        GroundTruth recomputed = ExactNeighbors.compute(sample.base(), sample.queries(), Metric.COSINE, shipped.k(),
                Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
        assertArrayEquals(recomputed.ids().data(), shipped.ids().data());
        assertArrayEquals(recomputed.distances().orElseThrow().data(), shipped.distances().orElseThrow().data(), 1e-6f);
    }

    @Test
    void vectorsAreTheEmbeddingsOfTheirTexts() throws InterruptedException {
        TextEmbedder embedder = new TextEmbedder();
        List<String> baseTexts = sample.baseTexts().orElseThrow();
        int[] baseRows = {0, 1, 1234, 3999};
        for (int row : baseRows) {
            assertArrayEquals(sample.base().row(row), embedder.embed(baseTexts.get(row)), 1e-5f, "base row " + row);
        }
        VectorMatrix queries = embedder.embedAll(sample.queryTexts().orElseThrow().subList(0, 3), ProgressListener.NONE);
        for (int row = 0; row < 3; row++) {
            assertArrayEquals(sample.queries().row(row), queries.row(row), 1e-5f, "query row " + row);
        }
    }

    @Test
    void installingAgainKeepsTheInstalledFolder() throws IOException {
        Path marker = Files.writeString(folder.resolve("notes.txt"), "kept");
        assertEquals(folder, BundledSample.installInto(root));
        assertEquals("kept", Files.readString(marker));
        Files.delete(marker);
    }
}
