package io.hnswbench.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hnswbench.datasets.BundledSample;
import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetFolder;
import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.TexmexFormat;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.workbench.cli.WorkbenchCommandLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code ./workbench datasets ...} verbs as a user types them, in the real Spring context. */
@SpringBootTest
class DatasetsCommandLineTest {

    @TempDir
    static Path configuredRoot;

    @TempDir
    Path work;

    @Autowired
    WorkbenchCommandLine workbench;

    @DynamicPropertySource
    static void datasetRoots(DynamicPropertyRegistry registry) {
        registry.add("workbench.dataset-roots", () -> configuredRoot.toString());
    }

    private VerbRunner.Run run(String... args) {
        return VerbRunner.run(workbench, args);
    }

    @Test
    void listWithoutRootInstallsAndShowsTheBundledSample() {
        VerbRunner.Run run = run("datasets", "list");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(BundledSample.NAME), run.out());
        assertTrue(DatasetFolder.isDataset(configuredRoot.resolve(BundledSample.NAME)));
    }

    @Test
    void listWithRootShowsTheSharedDatasets() {
        Path shared = Path.of(System.getProperty("hnswbench.datasets", "../shared/datasets"));
        assumeTrue(Files.isDirectory(shared.resolve("minilm-debian-20k")), "shared datasets not present at " + shared);
        VerbRunner.Run run = run("datasets", "list", "--root", shared.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("minilm-debian-20k") && run.out().contains("cosine"), run.out());
        assertTrue(run.out().contains("mnist-784-10k") && run.out().contains("l2"), run.out());
    }

    @Test
    void generateWritesAFolderWithExactGroundTruth() throws Exception {
        Path out = work.resolve("clusters");
        VerbRunner.Run run = run("datasets", "generate", "--kind", "clusters", "--count", "600", "--dimension", "12",
                "--queries", "25", "--clusters", "5", "--spread", "0.05", "--gt-k", "20", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("600 base + 25 query vectors"), run.out());
        Dataset dataset = Dataset.load(out);
        assertEquals(Metric.L2, dataset.metric());
        assertEquals(20, dataset.meta().gtK());
        assertTrue(dataset.meta().builtWith().contains("datasets generate --kind clusters"), dataset.meta().builtWith());
        assertGroundTruthIsExact(dataset);
    }

    @Test
    void importSplitsQueriesOffAnFvecsFileAndGroundTruthCanBeRecomputed() throws Exception {
        Path base = work.resolve("vectors.fvecs");
        TexmexFormat.writeFvecs(base, randomVectors(300, 8, 7));
        Path out = work.resolve("imported");
        VerbRunner.Run imported = run("datasets", "import", base.toString(), "--metric", "inner_product", "--query-count", "30",
                "--out", out.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        Dataset dataset = Dataset.load(out);
        assertEquals(270, dataset.base().rows());
        assertEquals(30, dataset.queries().rows());
        assertEquals(Metric.INNER_PRODUCT, dataset.metric());

        VerbRunner.Run recomputed = run("datasets", "ground-truth", out.toString(), "--k", "7");
        assertEquals(0, recomputed.exitCode(), recomputed.err());
        Dataset again = Dataset.load(out);
        assertEquals(7, again.meta().gtK());
        assertGroundTruthIsExact(again);
    }

    @Test
    void embedKeepsTextsAndPlacesSimilarSentencesTogether() throws Exception {
        Path texts = work.resolve("texts.txt");
        Files.write(texts, List.of("a kitten sleeps on the sofa", "", "a cat is napping on the couch",
                "quarterly revenue fell by 3%", "the company's profits dropped this quarter",
                "a puppy plays in the garden", "stock prices rose sharply"), StandardCharsets.UTF_8);
        Path out = work.resolve("embedded");
        VerbRunner.Run run = run("datasets", "embed", texts.toString(), "--queries", "2", "--gt-k", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Dataset dataset = Dataset.load(out);
        assertEquals(384, dataset.dimension());
        assertEquals(Metric.COSINE, dataset.metric());
        assertEquals(4, dataset.base().rows(), "blank lines are skipped");
        assertEquals(dataset.base().rows(), dataset.baseTexts().orElseThrow().size());
        assertGroundTruthIsExact(dataset);
    }

    @Test
    void missingRequiredOptionPrintsTheProblemAndUsage() {
        VerbRunner.Run run = run("datasets", "generate", "--kind", "uniform", "--count", "10", "--dimension", "4");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required option: '--out=DIR'"), run.err());
        assertTrue(run.err().contains("Usage: workbench datasets generate"), run.err());
    }

    @Test
    void unknownKindIsRefusedWithTheKnownOnes() {
        VerbRunner.Run run = run("datasets", "generate", "--kind", "spiral", "--count", "10", "--dimension", "4",
                "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown kind 'spiral'; choose uniform, gaussian or clusters"), run.err());
        assertTrue(run.err().contains("Usage:"), run.err());
        assertTrue(Files.notExists(work.resolve("x")), "nothing is written on a bad argument");
    }

    @Test
    void unknownMetricIsRefusedWithTheKnownOnes() {
        VerbRunner.Run run = run("datasets", "generate", "--kind", "uniform", "--count", "10", "--dimension", "4",
                "--metric", "hamming", "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown metric 'hamming'"), run.err());
    }

    @Test
    void nonPositiveCountIsRefused() {
        VerbRunner.Run run = run("datasets", "generate", "--kind", "gaussian", "--count", "-5", "--dimension", "4",
                "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("need count > 0"), run.err());
    }

    @Test
    void importWithoutMetricSaysTheFormatCarriesNone() throws IOException {
        Path base = work.resolve("vectors.fvecs");
        TexmexFormat.writeFvecs(base, randomVectors(50, 4, 1));
        VerbRunner.Run run = run("datasets", "import", base.toString(), "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("does not record a metric"), run.err());
    }

    @Test
    void missingInputFileIsAFileProblem() {
        VerbRunner.Run run = run("datasets", "import", work.resolve("absent.fvecs").toString(), "--metric", "l2",
                "--out", work.resolve("x").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such file or folder: " + work.resolve("absent.fvecs")), run.err());
    }

    @Test
    void existingNonEmptyOutputFolderIsNeverOverwritten() throws IOException {
        Path out = Files.createDirectories(work.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        VerbRunner.Run run = run("datasets", "generate", "--kind", "uniform", "--count", "10", "--dimension", "4",
                "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("already exists and is not empty"), run.err());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void datasetsWithoutVerbAsksForOne() {
        VerbRunner.Run run = run("datasets");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("choose a datasets verb"), run.err());
    }

    private static void assertGroundTruthIsExact(Dataset dataset) throws InterruptedException {
        GroundTruth stored = dataset.groundTruth().orElseThrow();
        GroundTruth recomputed = ExactNeighbors.compute(dataset.base(), dataset.queries(), dataset.metric(),
                stored.k(), 1, ProgressListener.NONE);
        for (int query = 0; query < stored.queryCount(); query++) {
            assertEquals(java.util.Arrays.toString(recomputed.ids().row(query)),
                    java.util.Arrays.toString(stored.ids().row(query)), "query " + query);
        }
    }

    private static VectorMatrix randomVectors(int rows, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[rows * dimension];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return VectorMatrix.wrap(data, rows, dimension);
    }
}
