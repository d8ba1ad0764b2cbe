package io.hnswbench.reports.report;

import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.SweepResults.DatasetSummary;
import io.hnswbench.reports.SweepResults.EnvironmentInfo;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a report from realistic hand-made results, to look at:
 * {@code java ... io.hnswbench.reports.report.ReportPreview /tmp/report-preview}. Not a test.
 */
public final class ReportPreview {

    private ReportPreview() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/report-preview");
        DatasetSummary dataset = new DatasetSummary("minilm-l6-v2 (wikipedia sentences)", "cosine", 384, 100_000, 1_000,
                100, "/home/team/datasets/minilm-100k");
        EnvironmentInfo environment = new EnvironmentInfo("25.0.1+8-LTS", "OpenJDK 64-Bit Server VM (Eclipse Adoptium)",
                "AMD EPYC 7B13 64-Core Processor", 8, "Panama SIMD, 256-bit (8 float lanes)", 8L << 30,
                "Linux 6.1.0-28-amd64 (amd64)", "2026-11-25T14:03:12Z");
        SweepParameters parameters = new SweepParameters(List.of("hnsw"), List.of(8, 16, 32), List.of(100, 200),
                List.of(10, 20, 40, 80, 160, 320), 10, 8, 1, 0, 42, 500);
        List<Integer> efSearch = parameters.efSearch();
        List<RunResult> runs = List.of(
                run(8, 100, 9.8, 0.62, 1.0, efSearch, 41_000),
                run(16, 100, 14.6, 0.74, 1.35, efSearch, 33_000),
                run(16, 200, 24.1, 0.79, 1.35, efSearch, 31_500),
                run(32, 200, 41.7, 0.86, 1.9, efSearch, 24_000));
        SweepResults results = new SweepResults(dataset, environment, parameters, runs, true);
        List<RenderedChart> charts = List.of(
                new RenderedChart("recall-vs-qps", "Recall vs queries per second",
                        "Up and to the right is better: each line is one index, each dot one efSearch.",
                        recallVsQps(runs)),
                new RenderedChart("build-time", "Build time",
                        "Seconds to build each index with 8 threads.", buildTime(runs)));
        List<Path> written = ReportWriter.write(List.of(results), charts, out);
        written.forEach(System.out::println);

        // the same sweep merged with one on other data, on another machine
        DatasetSummary glove = new DatasetSummary("glove-100-angular", "cosine", 100, 1_183_514, 10_000, 100,
                "/mnt/data/glove-100");
        EnvironmentInfo laptop = new EnvironmentInfo("25.0.1+8-LTS", "OpenJDK 64-Bit Server VM (Eclipse Adoptium)",
                "Apple M3 Pro", 12, "Panama SIMD, 128-bit (4 float lanes)", 16L << 30, "Mac OS X 15.1 (aarch64)",
                "2026-11-26T09:41:00Z");
        SweepParameters gloveParameters = new SweepParameters(List.of("hnsw"), List.of(16), List.of(200),
                List.of(10, 20, 40, 80, 160, 320), 10, 12, 1, 200_000, 7, 1_000);
        SweepResults gloveResults = new SweepResults(glove, laptop, gloveParameters,
                List.of(run(16, 200, 61.2, 0.55, 1.2, gloveParameters.efSearch(), 28_000)), false);
        ReportWriter.write(List.of(results, gloveResults), charts, out.resolve("merged")).forEach(System.out::println);
    }

    /** Recall rising towards 1 with efSearch, QPS falling; bigger graphs start higher. */
    private static RunResult run(int m, int efConstruction, double buildSeconds, double recallAt10, double costFactor,
                                 List<Integer> efSearchValues, double qpsAt10) {
        List<SweepPoint> points = new ArrayList<>();
        for (int efSearch : efSearchValues) {
            double recall = 1 - (1 - recallAt10) * Math.pow(10.0 / efSearch, 0.95 + m / 40.0);
            double qps = qpsAt10 * Math.pow(10.0 / efSearch, 0.78);
            double mean = 1e6 / qps;
            points.add(new SweepPoint(efSearch, 10, Math.min(recall, 1), qps, mean, mean * 0.93, mean * 1.55,
                    mean * 2.1, mean * 3.4, efSearch * 11.5 * costFactor + 180, efSearch * 1.08 + 12, new double[0]));
        }
        int size = 100_000;
        long vectorBytes = size * 384L * 4;
        long linkBytes = (long) size * m * 2 * 4 + size / m * m * 4L;
        long otherBytes = size * 48L;
        int levels = (int) Math.ceil(Math.log(size) / Math.log(m));
        List<GraphStatistics.Level> levelList = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            int nodes = (int) Math.max(1, size * Math.pow(m, -level));
            levelList.add(new GraphStatistics.Level(level, nodes, (long) nodes * m, 1, m * 0.9, 2 * m, new int[0], 0));
        }
        GraphStatistics statistics = new GraphStatistics(size, 0, m, levels - 1, levelList, vectorBytes, linkBytes,
                otherBytes);
        return new RunResult("hnsw", m, efConstruction, 8, buildSeconds, vectorBytes + linkBytes + otherBytes,
                statistics, points);
    }

    private static String recallVsQps(List<RunResult> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (RunResult run : runs) {
            XYSeries series = new XYSeries(run.label(), false);
            run.points().forEach(point -> series.add(point.recall(), point.qps()));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "Recall@10", "Queries per second", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(new LogAxis("Queries per second (log)"));
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < runs.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return svg(chart, 900, 500);
    }

    private static String buildTime(List<RunResult> runs) {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        runs.forEach(run -> data.addValue(run.buildSeconds(), "build", "M=" + run.m() + " efC=" + run.efConstruction()));
        JFreeChart chart = ChartFactory.createBarChart(null, "Index", "Seconds", data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        return svg(chart, 900, 400);
    }

    private static String svg(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        chart.draw(graphics, new Rectangle(0, 0, width, height));
        return graphics.getSVGDocument();
    }
}
