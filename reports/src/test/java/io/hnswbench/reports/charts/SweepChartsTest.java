package io.hnswbench.reports.charts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.ParetoFrontier;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class SweepChartsTest {

    private final SweepResults sweep = SampleSweeps.twoRuns();
    private final List<SweepResults> results = List.of(sweep);

    @Test
    void recallVsQpsDrawsOneParetoFrontierPerRunOnALogQpsAxis() {
        XYPlot plot = (XYPlot) SweepCharts.recallVsQps(results).getPlot();

        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        XYDataset frontiers = plot.getDataset(0);
        assertEquals(sweep.runs().size(), frontiers.getSeriesCount());
        for (int series = 0; series < sweep.runs().size(); series++) {
            RunResult run = sweep.runs().get(series);
            List<SweepPoint> frontier = ParetoFrontier.of(run.points());
            assertEquals(run.label(), frontiers.getSeriesKey(series));
            assertEquals(frontier.size(), frontiers.getItemCount(series));
            for (int item = 0; item < frontier.size(); item++) {
                assertEquals(frontier.get(item).recall(), frontiers.getXValue(series, item));
                assertEquals(frontier.get(item).qps(), frontiers.getYValue(series, item));
            }
            assertEquals(run.points().size(), plot.getDataset(1).getItemCount(series), "every point as a marker");
        }
    }

    @Test
    void recallVsQpsTooltipsNameTheRunAndEfSearch() {
        XYPlot plot = (XYPlot) SweepCharts.recallVsQps(results).getPlot();
        RunResult run = sweep.runs().get(1);
        List<SweepPoint> frontier = ParetoFrontier.of(run.points());

        for (int item = 0; item < frontier.size(); item++) {
            String tooltip = plot.getRenderer(0).getToolTipGenerator(1, item)
                    .generateToolTip(plot.getDataset(0), 1, item);
            assertTrue(tooltip.contains(run.label()), tooltip);
            assertTrue(tooltip.contains("efSearch=" + frontier.get(item).efSearch()), tooltip);
        }
    }

    @Test
    void aRunKeepsItsColourOnEveryChart() {
        XYPlot qps = (XYPlot) SweepCharts.recallVsQps(results).getPlot();
        XYPlot ef = (XYPlot) SweepCharts.recallVsEfSearch(results).getPlot();
        XYPlot work = (XYPlot) SweepCharts.distanceComputationsVsRecall(results).getPlot();
        XYPlot p99 = ((CombinedDomainXYPlot) SweepCharts.latencyVsEfSearch(results).getPlot()).getSubplots().get(2);
        List<ChartRun> runs = ChartRun.all(results);

        for (int series = 0; series < runs.size(); series++) {
            var colour = runs.get(series).colour();
            assertEquals(colour, qps.getRenderer(0).getSeriesPaint(series));
            assertEquals(colour, qps.getRenderer(1).getSeriesPaint(series));
            assertEquals(colour, ef.getRenderer().getSeriesPaint(series));
            assertEquals(colour, work.getRenderer().getSeriesPaint(series));
            assertEquals(colour, p99.getRenderer().getSeriesPaint(series));
            assertEquals(colour, ((CategoryPlot) SweepCharts.perQueryRecall(runs.get(series), 40).getPlot())
                    .getRenderer().getSeriesPaint(0));
        }
        assertFalse(runs.get(0).colour().equals(runs.get(1).colour()));
    }

    @Test
    void runsAreNamedWithTheirDatasetWhenSeveralDatasetsAreMerged() {
        SweepResults other = SampleSweeps.sweep("sift-128-euclidean", List.of(SampleSweeps.run(16, 200, 0)));
        List<SweepResults> merged = List.of(sweep, other, sweep);

        XYDataset frontiers = ((XYPlot) SweepCharts.recallVsQps(merged).getPlot()).getDataset(0);

        assertEquals(List.of("glove-25-angular · hnsw M=8 efC=100", "glove-25-angular · hnsw M=16 efC=200",
                        "sift-128-euclidean · hnsw M=16 efC=200", "glove-25-angular · hnsw M=8 efC=100 #2",
                        "glove-25-angular · hnsw M=16 efC=200 #2"),
                IntStream.range(0, frontiers.getSeriesCount()).mapToObj(frontiers::getSeriesKey).toList());
        assertEquals(List.of("hnsw M=8 efC=100", "hnsw M=16 efC=200"),
                ChartRun.all(results).stream().map(ChartRun::name).toList(), "one dataset: labels only");
    }

    @Test
    void recallVsEfSearchAndDistanceChartsHoldEveryPointInEfSearchOrder() {
        XYPlot ef = (XYPlot) SweepCharts.recallVsEfSearch(results).getPlot();
        XYPlot work = (XYPlot) SweepCharts.distanceComputationsVsRecall(results).getPlot();

        assertInstanceOf(LogAxis.class, ef.getDomainAxis());
        assertInstanceOf(LogAxis.class, work.getRangeAxis());
        for (int series = 0; series < sweep.runs().size(); series++) {
            List<SweepPoint> points = sweep.runs().get(series).points();
            for (int item = 0; item < points.size(); item++) {
                assertEquals(points.get(item).efSearch(), ef.getDataset().getXValue(series, item));
                assertEquals(points.get(item).recall(), ef.getDataset().getYValue(series, item));
                assertEquals(points.get(item).recall(), work.getDataset().getXValue(series, item));
                assertEquals(points.get(item).distanceComputationsPerQuery(),
                        work.getDataset().getYValue(series, item));
            }
        }
    }

    @Test
    void latencyChartStacksP50P95P99WithOneLegendEntryPerRun() {
        JFreeChart chart = SweepCharts.latencyVsEfSearch(results);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        List<Function<SweepPoint, Double>> percentiles = List.of(SweepPoint::p50Micros, SweepPoint::p95Micros,
                SweepPoint::p99Micros);

        assertEquals(3, plot.getSubplots().size());
        assertEquals(sweep.runs().size(), plot.getLegendItems().getItemCount());
        assertTrue(plot.getSubplots().get(0).getRangeAxis().getLabel().contains("p50"));
        assertTrue(plot.getSubplots().get(2).getRangeAxis().getLabel().contains("µs"));
        for (int subplot = 0; subplot < 3; subplot++) {
            XYDataset data = plot.getSubplots().get(subplot).getDataset();
            SweepPoint point = sweep.runs().get(1).points().get(2);
            assertEquals(percentiles.get(subplot).apply(point), data.getYValue(1, 2));
        }
    }

    @Test
    void buildTimeHasABarPerMAndEfConstruction() {
        CategoryPlot plot = (CategoryPlot) SweepCharts.buildTimeVsM(List.of(SampleSweeps.sixRuns())).getPlot();
        CategoryDataset data = plot.getDataset();

        assertEquals(List.of("M=8", "M=16", "M=32"), data.getColumnKeys());
        assertEquals(List.of("efC=100", "efC=200"), data.getRowKeys());
        RunResult m32efC200 = SampleSweeps.sixRuns().runs().get(5);
        assertEquals(m32efC200.buildSeconds(), data.getValue("efC=200", "M=32").doubleValue());
    }

    @Test
    void indexBytesStackToTheTotalPerVector() {
        CategoryPlot plot = (CategoryPlot) SweepCharts.indexBytesPerVector(results).getPlot();
        CategoryDataset data = plot.getDataset();

        assertEquals(List.of("vectors", "links", "other"), data.getRowKeys());
        for (RunResult run : sweep.runs()) {
            GraphStatistics statistics = run.statistics();
            double stacked = 0;
            for (int row = 0; row < data.getRowCount(); row++) {
                stacked += data.getValue(row, data.getColumnIndex(run.label())).doubleValue();
            }
            double perVector = (statistics.vectorBytes() + statistics.linkBytes() + statistics.otherBytes())
                    / (double) statistics.size();
            assertEquals(perVector, stacked, 1e-9);
            assertEquals(run.indexBytes() / (double) statistics.size(), stacked, 1e-9);
            assertEquals(statistics.linkBytes() / (double) statistics.size(),
                    data.getValue("links", run.label()).doubleValue(), 1e-9);
        }
    }

    @Test
    void nodesPerLevelDrawsTheExpectedCurveOnALogAxis() {
        RunResult run = sweep.runs().get(1);
        XYPlot plot = (XYPlot) SweepCharts.nodesPerLevel(ChartRun.single(run)).getPlot();
        GraphStatistics statistics = run.statistics();

        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        XYDataset data = plot.getDataset();
        assertEquals(statistics.levels().size(), data.getItemCount(1));
        for (int item = 0; item < statistics.levels().size(); item++) {
            GraphStatistics.Level level = statistics.levels().get(item);
            assertEquals(level.level(), data.getXValue(0, item));
            assertEquals(level.nodes(), data.getYValue(0, item));
            assertEquals(statistics.expectedNodes(level.level()), data.getYValue(1, item), 1e-9);
        }
        assertTrue(statistics.levels().size() >= 3, "the sample has 3 or more levels");
    }

    @Test
    void degreeHistogramShowsEveryDegreeAndTheLevelsLimit() {
        RunResult run = sweep.runs().get(0);
        XYPlot level0 = (XYPlot) SweepCharts.degreeHistogram(ChartRun.single(run), 0).getPlot();
        XYPlot level1 = (XYPlot) SweepCharts.degreeHistogram(ChartRun.single(run), 1).getPlot();
        int[] histogram = run.statistics().levels().get(0).degreeHistogram();

        assertEquals(histogram.length, level0.getDataset().getItemCount(0));
        for (int degree = 0; degree < histogram.length; degree++) {
            assertEquals(histogram[degree], level0.getDataset().getYValue(0, degree));
        }
        assertEquals(2.0 * run.m(), ((ValueMarker) level0.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                .iterator().next()).getValue());
        assertEquals(run.m(), ((ValueMarker) level1.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                .iterator().next()).getValue());
    }

    @Test
    void unreachableNodesSaysZeroInWordsWhenEveryLevelIsReachable() {
        ChartRun reachable = ChartRun.single(sweep.runs().get(1));
        ChartRun broken = ChartRun.single(sweep.runs().get(0));

        CategoryPlot zero = (CategoryPlot) SweepCharts.unreachableNodes(reachable).getPlot();
        CategoryPlot some = (CategoryPlot) SweepCharts.unreachableNodes(broken).getPlot();

        assertEquals(0, zero.getDataset().getRowCount());
        assertTrue(zero.getNoDataMessage().contains("0 unreachable on every level"), zero.getNoDataMessage());
        assertEquals(3, some.getDataset().getValue(0, 0).intValue());
        assertEquals(sweep.runs().get(0).statistics().levels().size(), some.getDataset().getColumnCount());
    }

    @Test
    void perQueryRecallCountsEveryQueryInOneBinPerPossibleValue() {
        RunResult run = sweep.runs().get(0);
        SweepPoint point = run.points().get(2);
        CategoryDataset data = ((CategoryPlot) SweepCharts.perQueryRecall(ChartRun.single(run), point.efSearch())
                .getPlot()).getDataset();

        assertEquals(SampleSweeps.K + 1, data.getColumnCount());
        int total = 0;
        for (int hits = 0; hits <= SampleSweeps.K; hits++) {
            int expected = 0;
            for (double recall : point.perQueryRecall()) {
                expected += Math.round(recall * SampleSweeps.K) == hits ? 1 : 0;
            }
            assertEquals(expected, data.getValue(0, hits).intValue(), "queries with " + hits + " hits");
            total += expected;
        }
        assertEquals(SampleSweeps.QUERIES, total);
    }

    @Test
    void largeKUsesTenthsAndABinForPerfectRecall() {
        assertEquals(11, RecallBins.labels(100).size());
        assertEquals("1", RecallBins.labels(100).getLast());
        int[] counts = RecallBins.count(100, new double[] {0, 0.05, 0.3, 0.99, 1.0, 1.0});
        assertEquals(2, counts[0]);
        assertEquals(1, counts[3]);
        assertEquals(1, counts[9]);
        assertEquals(2, counts[10]);
    }

    @Test
    void telltaleEfSearchIsTheFirstToReach95PercentElseTheBest() {
        for (RunResult run : sweep.runs()) {
            int chosen = SweepCharts.telltaleEfSearch(run);
            SweepPoint first = run.points().stream().filter(point -> point.recall() >= 0.95).findFirst()
                    .orElseGet(() -> run.points().getLast());
            assertEquals(first.efSearch(), chosen, run.label());
        }
        List<SweepPoint> lowRecall = sweep.runs().get(0).points().subList(0, 2);
        RunResult weak = new RunResult("hnsw", 4, 16, 1, 1, 1, null, lowRecall);
        assertEquals(lowRecall.get(1).efSearch(), SweepCharts.telltaleEfSearch(weak));
        assertEquals(-1, SweepCharts.telltaleEfSearch(SampleSweeps.emptyRun()));
    }

    @Test
    void chartsOfNoRunsOrRunsWithoutPointsSayNoData() {
        List<SweepResults> none = List.of();
        List<SweepResults> noPoints = List.of(SampleSweeps.sweep("empty", List.of(SampleSweeps.emptyRun())));
        ChartRun emptyRun = ChartRun.single(SampleSweeps.emptyRun());
        List<JFreeChart> charts = new ArrayList<>();
        for (List<SweepResults> input : List.of(none, noPoints)) {
            charts.add(SweepCharts.recallVsQps(input));
            charts.add(SweepCharts.recallVsEfSearch(input));
            charts.add(SweepCharts.latencyVsEfSearch(input));
            charts.add(SweepCharts.distanceComputationsVsRecall(input));
            charts.add(SweepCharts.indexBytesPerVector(input));
        }
        charts.add(SweepCharts.buildTimeVsM(none));
        charts.add(SweepCharts.nodesPerLevel(emptyRun));
        charts.add(SweepCharts.degreeHistogram(emptyRun, 0));
        charts.add(SweepCharts.unreachableNodes(emptyRun));
        charts.add(SweepCharts.perQueryRecall(emptyRun, 10));
        charts.add(SweepCharts.degreeHistogram(ChartRun.single(sweep.runs().get(0)), 9));

        assertAll(charts.stream().map(chart -> () -> {
            Plot plot = chart.getPlot();
            assertNotNull(plot.getNoDataMessage(), chart.getTitle().getText());
            assertTrue(plot.getNoDataMessage().startsWith("No data"), chart.getTitle().getText());
            assertTrue(ChartExport.toSvg(chart, 600, 400).contains("No data"), chart.getTitle().getText());
        }));
    }

    @Test
    void aRunWithoutPointsBesideOthersIsNamedUnderTheTitle() {
        List<SweepResults> mixed = List.of(SampleSweeps.sweep("glove-25-angular",
                List.of(sweep.runs().get(0), SampleSweeps.emptyRun())));

        JFreeChart chart = SweepCharts.recallVsQps(mixed);

        assertEquals(2, ((XYPlot) chart.getPlot()).getDataset(0).getSeriesCount());
        assertTrue(subtitles(chart).stream().anyMatch(text -> text.equals("No points: hnsw M=32 efC=400")),
                subtitles(chart).toString());
        assertEquals(1, chart.getPlot().getLegendItems().getItemCount(), "no legend entry for a run without points");
        assertTrue(ChartExport.toSvg(chart, 800, 500).contains("No points"));
    }

    static List<String> subtitles(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < chart.getSubtitleCount(); index++) {
            Title title = chart.getSubtitle(index);
            if (title instanceof TextTitle text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }
}
