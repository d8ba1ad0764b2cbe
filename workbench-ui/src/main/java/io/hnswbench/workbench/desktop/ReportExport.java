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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Writes the chosen files of a report on some sweeps into a folder (drawn in a staging folder
 * first, so a cancelled or failed export leaves the folder as it was), as {@code ReportFolder.write}
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
     * @param cancelled whether the job was cancelled; checked between two files
     * @throws InterruptedException when the job was cancelled (or the thread interrupted) before
     *                              the files went into place
     */
    static List<Path> write(List<SweepResults> sweeps, Set<ReportFormat> formats, Path folder, Progress progress,
            BooleanSupplier cancelled) throws IOException, InterruptedException {
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("no run to report: choose at least one");
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no format chosen: choose at least one");
        }
        Files.createDirectories(folder);
        // Everything but the reports is drawn into a staging folder first: a cancel or a failure
        // while drawing leaves the folder as it was, never new charts beside an old report.
        Path staging = Files.createTempDirectory(folder, ".export-");
        try {
            Staged staged = stage(sweeps, formats, staging, progress, cancelled);
            stopIfCancelled(cancelled);
            // From here on nothing checks for a cancel: the files go into place and the reports
            // (a fraction of a second) follow, so the folder ends complete.
            List<Path> written = new ArrayList<>();
            for (Path file : staged.files()) {
                Path target = folder.resolve(file.getFileName());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            boolean html = formats.contains(ReportFormat.HTML);
            boolean markdown = formats.contains(ReportFormat.MARKDOWN);
            if (html || markdown) {
                progress.update("Writing the report", 1, 1);
                written.addAll(0, ReportWriter.write(sweeps, staged.charts(), folder, html, markdown));
            }
            return List.copyOf(written);
        } finally {
            deleteFolder(staging);
        }
    }

    /** What {@link #stage} drew: the files, in writing order, and the charts the reports embed. */
    private record Staged(List<Path> files, List<RenderedChart> charts) {
    }

    /** Writes results.json, results.csv and the chart files that were chosen into {@code staging}. */
    private static Staged stage(List<SweepResults> sweeps, Set<ReportFormat> formats, Path staging, Progress progress,
            BooleanSupplier cancelled) throws IOException, InterruptedException {
        List<Path> written = new ArrayList<>();
        progress.update("Writing the results", 0, 0);
        written.addAll(writeJson(sweeps, staging));
        if (formats.contains(ReportFormat.CSV)) {
            Path csv = staging.resolve(ResultsFiles.CSV);
            ResultsFiles.writeCsv(csv, sweeps);
            written.add(csv);
        }
        boolean html = formats.contains(ReportFormat.HTML);
        boolean markdown = formats.contains(ReportFormat.MARKDOWN);
        boolean png = formats.contains(ReportFormat.PNG) || markdown;
        boolean svg = formats.contains(ReportFormat.SVG);
        List<RenderedChart> rendered = new ArrayList<>();
        if (!(html || markdown || png || svg)) {
            return new Staged(written, rendered);
        }
        List<ReportChart> charts = ReportChartSet.charts(sweeps);
        for (int i = 0; i < charts.size(); i++) {
            stopIfCancelled(cancelled);
            ReportChart chart = charts.get(i);
            progress.update("Drawing " + chart.id(), i, charts.size());
            if (png) {
                Path file = staging.resolve(chart.id() + ".png");
                ChartExport.writePng(chart.chart(), file, chart.width(), chart.height());
                written.add(file);
            }
            if (html || markdown || svg) {
                RenderedChart drawn = chart.render();
                rendered.add(drawn);
                if (svg) {
                    Path file = staging.resolve(chart.id() + ".svg");
                    Files.writeString(file, drawn.svg(), StandardCharsets.UTF_8);
                    written.add(file);
                }
            }
        }
        return new Staged(written, rendered);
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
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

    /**
     * Asks the job itself, not only the thread's interrupt flag: drawing a chart through Java2D
     * and ImageIO was seen to clear that flag, so an interrupt alone could be lost.
     */
    private static void stopIfCancelled(BooleanSupplier cancelled) throws InterruptedException {
        if (cancelled.getAsBoolean() || Thread.interrupted()) {
            throw new InterruptedException("export cancelled");
        }
    }
}
