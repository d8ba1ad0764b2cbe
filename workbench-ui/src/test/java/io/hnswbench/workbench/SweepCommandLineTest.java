package io.hnswbench.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.workbench.cli.WorkbenchCommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code ./workbench sweep} and {@code ./workbench report} on the bundled sample, as a user runs them. */
@SpringBootTest
class SweepCommandLineTest {

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
    void sweepOnTheSampleWritesResultsChartsAndReportAndReportMergesThem() throws Exception {
        Path first = work.resolve("first");
        VerbRunner.Run sweep = run("sweep", "--dataset", "debian-packages-4k", "--m", "8,16", "--ef-construction", "64",
                "--ef-search", "10,40", "--limit", "1500", "--warm-up", "50", "--out", first.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        for (String file : new String[] {"results.json", "results.csv", "report.html", "report.md", "recall-vs-qps.png",
                "recall-vs-qps.svg"}) {
            assertTrue(Files.isRegularFile(first.resolve(file)), file);
        }
        assertTrue(sweep.out().contains("hnsw M=16 efC=64"), sweep.out());
        assertTrue(sweep.out().contains("recall >= 0.95"), sweep.out());
        SweepResults results = ResultsFiles.readJson(first.resolve("results.json"));
        assertEquals(2, results.runs().size());
        assertEquals(1500, results.dataset().baseCount());
        assertEquals(5, Files.readAllLines(first.resolve("results.csv")).size(), "a header and 2 x 2 points");

        Path second = work.resolve("second");
        assertEquals(0, run("sweep", "--dataset", "debian-packages-4k", "--m", "12", "--ef-construction", "32",
                "--ef-search", "20", "--limit", "1500", "--warm-up", "0", "--out", second.toString()).exitCode());
        Path merged = work.resolve("merged");
        VerbRunner.Run report = run("report", first.resolve("results.json").toString(), second.resolve("results.json").toString(),
                "--out", merged.toString());
        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(merged.resolve("report.html"));
        assertTrue(html.contains("M=12") && html.contains("M=16"), "both sweeps' runs are in the merged report");
        assertEquals(6, Files.readAllLines(merged.resolve("results.csv")).size(), "a header and 5 points");
    }

    @Test
    void severalEnginesRunEachInAJvmOfItsOwnAndMergeIntoOneResult() throws Exception {
        Path out = work.resolve("forked");
        VerbRunner.Run sweep = run("sweep", "--dataset", "debian-packages-4k", "--engine", "hnsw,exact", "--m", "8",
                "--ef-construction", "32", "--ef-search", "10,20", "--limit", "800", "--warm-up", "20",
                "--out", out.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertTrue(sweep.err().contains("sweep: engine 1 of 2, hnsw, in a JVM of its own"), sweep.err());
        assertTrue(sweep.err().contains("sweep: engine 2 of 2, exact, in a JVM of its own"), sweep.err());
        SweepResults results = ResultsFiles.readJson(out.resolve("results.json"));
        assertEquals(List.of("hnsw", "exact"), results.runs().stream().map(RunResult::engine).toList());
        assertEquals(List.of("hnsw", "exact"), results.parameters().engines());
        assertEquals(800, results.dataset().baseCount());
        assertTrue(results.runs().stream().allMatch(r -> r.points().size() == 2), "both efSearch values per engine");
        assertEquals(1.0, results.runs().get(1).points().getFirst().recall(), 0.0, "brute force finds every neighbour");
        assertTrue(sweep.out().contains("exact M=8 efC=32"), sweep.out());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void sameJvmMeasuresEveryEngineInThisProcess() throws Exception {
        Path out = work.resolve("shared");
        VerbRunner.Run sweep = run("sweep", "--dataset", "debian-packages-4k", "--engine", "hnsw,exact", "--same-jvm",
                "--m", "8", "--ef-construction", "32", "--ef-search", "10", "--limit", "800", "--warm-up", "20",
                "--out", out.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertFalse(sweep.err().contains("sweep: engine 1 of"), sweep.err());
        SweepResults results = ResultsFiles.readJson(out.resolve("results.json"));
        assertEquals(List.of("hnsw", "exact"), results.runs().stream().map(RunResult::engine).toList());
    }

    @Test
    void aBadParameterOfAMultiEngineSweepIsRefusedBeforeAnyJvmStarts() {
        VerbRunner.Run run = run("sweep", "--dataset", "debian-packages-4k", "--engine", "hnsw,exact", "--k", "150",
                "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("k 150 is more than the ground truth's depth (gt_k 100"), run.err());
        assertFalse(run.err().contains("sweep: engine 1 of"), run.err());
    }

    @Test
    void unknownDatasetNamesWhereItLooked() {
        VerbRunner.Run run = run("sweep", "--dataset", "no-such-set", "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown dataset 'no-such-set'"), run.err());
        assertTrue(run.err().contains("Usage: workbench sweep"), run.err());
    }

    @Test
    void unknownOrRepeatedEngineIsRefusedNamingTheKnownOnes() {
        VerbRunner.Run unknown = run("sweep", "--dataset", "debian-packages-4k", "--engine", "hnsw,faiss",
                "--out", work.resolve("x").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown engine 'faiss'; known: hnsw, lucene, jvector, hnswlib, exact"),
                unknown.err());
        VerbRunner.Run twice = run("sweep", "--dataset", "debian-packages-4k", "--engine", "hnsw,hnsw",
                "--out", work.resolve("y").toString());
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("engine 'hnsw' is named twice"), twice.err());
    }

    @Test
    void emptyGridIsRefused() {
        VerbRunner.Run run = run("sweep", "--dataset", "debian-packages-4k", "--m", ",", "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("the M list of the grid is empty"), run.err());
    }

    @Test
    void kAboveTheGroundTruthDepthIsRefused() {
        VerbRunner.Run run = run("sweep", "--dataset", "debian-packages-4k", "--k", "150", "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("k 150 is more than the ground truth's depth (gt_k 100"), run.err());
    }

    @Test
    void nonNumericGridValueIsRefused() {
        VerbRunner.Run run = run("sweep", "--dataset", "debian-packages-4k", "--m", "8,sixteen", "--out", work.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'sixteen' in '8,sixteen' is not a whole number"), run.err());
    }

    @Test
    void reportOfAFileThatIsNotResultsIsAFileProblem() throws Exception {
        Path notResults = Files.writeString(work.resolve("notes.json"), "{\"hello\": 1}");
        VerbRunner.Run run = run("report", notResults.toString(), "--out", work.resolve("r").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("not a results.json"), run.err());
    }
}
