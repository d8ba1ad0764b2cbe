package io.hnswbench.reports.report;

import static io.hnswbench.reports.report.Fixtures.dataset;
import static io.hnswbench.reports.report.Fixtures.point;
import static io.hnswbench.reports.report.Fixtures.run;
import static io.hnswbench.reports.report.Fixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.SweepResults.DatasetSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    private static final SweepResults MINILM_A = sweep(dataset("minilm", 10_000),
            run("hnsw", 8, 100, 1, 1_000, point(10, 0.91, 20_000), point(40, 0.97, 9_000)));
    private static final SweepResults GLOVE = sweep(dataset("glove", 50_000),
            run("hnsw", 16, 200, 5, 9_000, point(10, 0.80, 30_000), point(40, 0.93, 11_000)));
    /** The same data as MINILM_A in another folder, on another machine. */
    private static final SweepResults MINILM_B = sweep(
            new DatasetSummary("minilm", "cosine", 384, 10_000, 1_000, 100, "/elsewhere/minilm"),
            run("hnsw", 16, 100, 2, 2_000, point(10, 0.95, 17_000)));

    @Test
    void sweepsOfDifferentDatasetsAreGroupedApartAndSameDataTogether() {
        Comparison comparison = Comparison.of(List.of(MINILM_A, GLOVE, MINILM_B));

        assertTrue(comparison.datasetsDiffer());
        assertEquals(2, comparison.datasets().size());
        Comparison.DatasetGroup minilm = comparison.datasets().get(0);
        Comparison.DatasetGroup glove = comparison.datasets().get(1);
        assertEquals("minilm", minilm.dataset().name());
        assertEquals(List.of(MINILM_A, MINILM_B), minilm.sweeps());
        assertEquals(2, minilm.runs().size());
        assertEquals(List.of(GLOVE), glove.sweeps());
        assertEquals(3, comparison.numberOf(MINILM_B));
    }

    @Test
    void aDifferentBaseVectorLimitIsADifferentDataset() {
        SweepParameters limited = new SweepParameters(List.of("hnsw"), List.of(8), List.of(100), List.of(10), 10, 4, 1, 5_000,
                42, 500);
        SweepResults firstHalf = sweep(dataset("minilm", 10_000), limited, false,
                run("hnsw", 8, 100, 1, 1_000, point(10, 0.99, 30_000)));

        Comparison comparison = Comparison.of(List.of(MINILM_A, firstHalf));

        assertEquals(2, comparison.datasets().size());
        assertEquals(5_000, comparison.datasets().get(1).limit());
    }

    @Test
    void recommendationsArePerDataset() {
        Comparison comparison = Comparison.of(List.of(MINILM_A, GLOVE, MINILM_B));

        List<Recommendation> minilm = comparison.datasets().get(0).recommendations();
        List<Recommendation> glove = comparison.datasets().get(1).recommendations();

        // GLOVE's 30,000 QPS never competes with minilm's points
        assertSame(MINILM_A.runs().getFirst(), minilm.get(0).choice().orElseThrow().run());
        assertSame(MINILM_B.runs().getFirst(), minilm.get(1).choice().orElseThrow().run());
        assertFalse(minilm.get(2).reached());
        assertSame(GLOVE.runs().getFirst(), glove.get(0).choice().orElseThrow().run());
        assertEquals(40, glove.get(0).choice().orElseThrow().efSearch());
        assertFalse(glove.get(1).reached());
    }

    @Test
    void oneDatasetIsNotACaseOfDiffering() {
        Comparison comparison = Comparison.of(List.of(MINILM_A, MINILM_B));

        assertFalse(comparison.datasetsDiffer());
        assertEquals(1, comparison.datasets().size());
    }

    @Test
    void noResultsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of()));
    }

    @Test
    void reportOnTwoDatasetsSaysSoAndGroupsEverySectionByDataset(@TempDir Path folder) throws IOException {
        ReportWriter.write(List.of(MINILM_A, GLOVE), List.of(), folder);
        String html = Files.readString(folder.resolve(ReportWriter.HTML));
        String markdown = Files.readString(folder.resolve(ReportWriter.MARKDOWN));

        assertTrue(html.contains("<title>HNSW comparison: minilm, glove</title>"), html);
        assertTrue(html.contains("Different datasets."));
        assertTrue(html.contains("These sweeps measured 2 different datasets"));
        // recommendations and runs each have a heading per dataset
        assertEquals(2, count(html, "<h3 id=\"dataset-minilm"));
        assertEquals(2, count(html, "<h3 id=\"dataset-glove"));
        assertTrue(html.contains("<h3 id=\"minilm-engine-hnsw\">"), "heat map per dataset");
        assertTrue(markdown.contains("> **Different datasets.**"));
        assertEquals(2, count(markdown, "### Dataset minilm"));
    }

    @Test
    void sameDatasetOnDifferentMachinesIsComparedWithANote(@TempDir Path folder) throws IOException {
        SweepResults.EnvironmentInfo laptop = new SweepResults.EnvironmentInfo("25.0.1+8-LTS", "OpenJDK", "Apple M3 Pro",
                12, "Panama SIMD, 128-bit (4 float lanes)", 16L << 30, "Mac OS X 15.1 (aarch64)", "2026-11-26T09:41:00Z");
        SweepResults onLaptop = new SweepResults(MINILM_B.dataset(), laptop, MINILM_B.parameters(), MINILM_B.runs(),
                false);

        ReportWriter.write(List.of(MINILM_A, onLaptop), List.of(), folder);
        String html = Files.readString(folder.resolve(ReportWriter.HTML));

        assertFalse(html.contains("Different datasets."));
        assertTrue(html.contains("<strong>Different machines.</strong>"));
        assertTrue(html.contains("<th scope=\"col\">Sweep 1</th><th scope=\"col\">Sweep 2</th>"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
