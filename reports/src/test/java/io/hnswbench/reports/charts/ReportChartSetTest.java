package io.hnswbench.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepResults;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class ReportChartSetTest {

    private final SweepResults sweep = SampleSweeps.twoRuns();

    @Test
    void chartsComeInReadingOrderWithFileSafeUniqueIds() {
        List<ReportChart> charts = ReportChartSet.charts(List.of(sweep));
        List<String> ids = charts.stream().map(ReportChart::id).toList();

        assertEquals(List.of("recall-vs-qps", "recall-vs-ef-search", "distance-computations-vs-recall",
                "latency-vs-ef-search"), ids.subList(0, 4));
        assertTrue(ids.indexOf("build-time-vs-m") < ids.indexOf("index-bytes-per-vector"));
        assertTrue(ids.indexOf("index-bytes-per-vector") < ids.indexOf("nodes-per-level-hnsw-m-8-efc-100"));
        assertEquals(ids.size(), new HashSet<>(ids).size());
        for (ReportChart chart : charts) {
            assertTrue(chart.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), chart.id());
            assertEquals(chart.chart().getTitle().getText(), chart.title());
            assertFalse(chart.caption().isBlank(), chart.id());
        }
        for (RunResult run : sweep.runs()) {
            String slug = ReportChartSet.slug(run.label());
            assertTrue(ids.contains("nodes-per-level-" + slug), slug);
            assertTrue(ids.contains("degree-level-0-" + slug), slug);
            assertTrue(ids.contains("unreachable-" + slug), slug);
            assertTrue(ids.contains("per-query-recall-" + slug + "-ef" + SweepCharts.telltaleEfSearch(run)), slug);
        }
    }

    @Test
    void perRunChartsAreLimitedToTheMostRelevantRuns() {
        SweepResults six = SampleSweeps.sixRuns();
        List<ChartRun> runs = ChartRun.all(List.of(six));

        List<ChartRun> detailed = ReportChartSet.detailedRuns(runs);

        assertEquals(ReportChartSet.MAX_DETAILED_RUNS, detailed.size());
        assertEquals(detailed, runs.stream().filter(detailed::contains).toList(), "original order kept");
        long perRunCharts = ReportChartSet.charts(List.of(six)).stream()
                .filter(chart -> chart.id().startsWith("nodes-per-level-")).count();
        assertEquals(ReportChartSet.MAX_DETAILED_RUNS, perRunCharts);
    }

    @Test
    void writeAllWritesAPngAndTheSameSvgPerChart(@TempDir Path folder) throws Exception {
        List<RenderedChart> rendered = ReportChartSet.writeAll(List.of(sweep), folder.resolve("charts"));

        assertEquals(ReportChartSet.charts(List.of(sweep)).size(), rendered.size());
        for (RenderedChart chart : rendered) {
            BufferedImage png = ImageIO.read(folder.resolve("charts/" + chart.id() + ".png").toFile());
            assertNotNull(png, chart.id());
            assertEquals(900, png.getWidth());
            assertEquals(chart.svg(), Files.readString(folder.resolve("charts/" + chart.id() + ".svg"),
                    StandardCharsets.UTF_8));
            assertTrue(ChartExportTest.parse(chart.svg()).getDocumentElement().getTextContent()
                    .contains(chart.title()), chart.id());
        }
    }

    @Test
    void emptyResultsStillRenderTheSweepCharts() {
        List<RenderedChart> rendered = ReportChartSet.render(List.of());

        assertEquals(6, rendered.size(), "no runs, so no per-run charts");
        assertTrue(rendered.stream().allMatch(chart -> chart.svg().contains("No data")));
    }

    /** {@code -Dcharts.preview=/tmp/charts-preview} writes every chart of six sample runs to look at. */
    @Test
    @EnabledIfSystemProperty(named = "charts.preview", matches = ".+")
    void writePreview() throws Exception {
        Path folder = Path.of(System.getProperty("charts.preview"));
        ReportChartSet.writeAll(List.of(SampleSweeps.sixRuns()), folder);
        ReportChartSet.writeAll(List.of(SampleSweeps.twoRuns(),
                SampleSweeps.sweep("sift-128-euclidean", List.of(SampleSweeps.run(16, 200, 0)))),
                folder.resolve("merged"));
        ReportChartSet.writeAll(List.of(), folder.resolve("empty"));
        ReportChartSet.writeAll(List.of(SampleSweeps.sweep("glove-25-angular",
                List.of(SampleSweeps.run(8, 100, 0), SampleSweeps.emptyRun()))), folder.resolve("one-run-empty"));
    }
}
