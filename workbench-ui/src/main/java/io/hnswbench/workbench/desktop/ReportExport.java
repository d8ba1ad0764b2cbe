package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.charts.ChartExport;
import io.hnswbench.reports.charts.ReportChart;
import io.hnswbench.reports.charts.ReportChartSet;
import io.hnswbench.reports.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the chosen files of a report on some sweeps into a folder, as {@code ReportFolder.write}
 * writes all of them: the sweeps' results.json (always: it is what {@code ./workbench report}
 * re-renders), then results.csv, the charts of {@link ReportChartSet} as PNG and SVG, and
 * report.html and report.md, each only when chosen. report.md shows the charts' PNG files, so
 * choosing Markdown writes them too.
 */
final class ReportExport {

    /** Told how far the export has come. */
    @FunctionalInterface
    interface Progress {
        void update(String what, long done, long total);
    }

    private ReportExport() {
    }

    /**
     * Writes the files and returns them, report.html (when chosen) first.
     *
     * @throws InterruptedException when the thread is interrupted between two files
     */
    static List<Path> write(List<SweepResults> sweeps, Set<ReportFormat> formats, Path folder, Progress progress)
            throws IOException, InterruptedException {
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("no run to report: choose at least one");
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no format chosen: choose at least one");
        }
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        progress.update("Writing the results", 0, 0);
        written.addAll(writeJson(sweeps, folder));
        if (formats.contains(ReportFormat.CSV)) {
            Path csv = folder.resolve(ResultsFiles.CSV);
            ResultsFiles.writeCsv(csv, sweeps);
            written.add(csv);
        }
        boolean html = formats.contains(ReportFormat.HTML);
        boolean markdown = formats.contains(ReportFormat.MARKDOWN);
        boolean png = formats.contains(ReportFormat.PNG) || markdown;
        boolean svg = formats.contains(ReportFormat.SVG);
        if (!(html || markdown || png || svg)) {
            return List.copyOf(written);
        }
        List<ReportChart> charts = ReportChartSet.charts(sweeps);
        List<RenderedChart> rendered = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            stopIfInterrupted();
            ReportChart chart = charts.get(i);
            progress.update("Drawing " + chart.id(), i, charts.size());
            if (png) {
                Path file = folder.resolve(chart.id() + ".png");
                ChartExport.writePng(chart.chart(), file, chart.width(), chart.height());
                written.add(file);
            }
            if (html || markdown || svg) {
                RenderedChart drawn = chart.render();
                rendered.add(drawn);
                if (svg) {
                    Path file = folder.resolve(chart.id() + ".svg");
                    Files.writeString(file, drawn.svg(), StandardCharsets.UTF_8);
                    written.add(file);
                }
            }
        }
        if (html || markdown) {
            stopIfInterrupted();
            progress.update("Writing the report", charts.size(), charts.size());
            written.addAll(0, ReportWriter.write(sweeps, rendered, folder, html, markdown));
        }
        return List.copyOf(written);
    }

    /** One sweep's results.json, or results-1.json, results-2.json… for several, in their order. */
    private static List<Path> writeJson(List<SweepResults> sweeps, Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < sweeps.size(); i++) {
            Path file = folder.resolve(sweeps.size() == 1 ? ResultsFiles.JSON : "results-" + (i + 1) + ".json");
            ResultsFiles.writeJson(file, sweeps.get(i));
            written.add(file);
        }
        return written;
    }

    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("export cancelled");
        }
    }
}
