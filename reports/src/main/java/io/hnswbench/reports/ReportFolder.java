package io.hnswbench.reports;

import io.hnswbench.reports.charts.ReportChartSet;
import io.hnswbench.reports.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a sweep or a merge leaves in its output folder: {@code results.json} (one sweep)
 * or the merged inputs' rows in {@code results.csv}, every chart as PNG and SVG, and the
 * self-contained {@code report.html} with its {@code report.md}.
 */
public final class ReportFolder {

    private ReportFolder() {
    }

    /**
     * Writes the files of {@code sweeps} into {@code folder} (created if needed) and returns them,
     * report.html first.
     */
    public static List<Path> write(List<SweepResults> sweeps, Path folder) throws IOException {
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("no results to report");
        }
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        if (sweeps.size() == 1) {
            Path json = folder.resolve(ResultsFiles.JSON);
            ResultsFiles.writeJson(json, sweeps.getFirst());
            written.add(json);
        }
        Path csv = folder.resolve(ResultsFiles.CSV);
        ResultsFiles.writeCsv(csv, sweeps);
        written.add(csv);
        List<RenderedChart> charts = ReportChartSet.writeAll(sweeps, folder);
        for (RenderedChart chart : charts) {
            written.add(folder.resolve(chart.id() + ".png"));
            written.add(folder.resolve(chart.id() + ".svg"));
        }
        written.addAll(0, ReportWriter.write(sweeps, charts, folder));
        return written;
    }
}
