package io.hnswbench.reports.report;

import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.SweepResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the reports a team keeps: {@code report.html}, one self-contained page with the charts
 * inline, and {@code report.md}, the same content in GitHub Markdown linking the chart PNGs that the
 * chart code writes beside it.
 *
 * <p>Both say: the dataset(s) and environment, the parameters and the command that runs the sweep
 * again, the fastest configuration per target recall, the efSearch each (M, efConstruction) needs
 * for recall 0.95, the charts, and every run's points. Several results are merged into one
 * comparison, grouped by dataset (see {@link Comparison}). The output depends on the inputs only,
 * so writing the same results twice gives the same files.
 */
public final class ReportWriter {

    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";

    private ReportWriter() {
    }

    /**
     * Writes {@code report.html} and {@code report.md} into {@code outFolder}, creating it.
     *
     * @param results   one or more sweeps, as read from results.json files
     * @param charts    the charts to show, in order; may be empty
     * @param outFolder where the reports go (and where the chart PNGs are expected)
     * @return the written files: the HTML report, then the Markdown report
     * @throws IllegalArgumentException when {@code results} is empty or a chart's SVG is not a
     *                                  self-contained SVG document
     */
    public static List<Path> write(List<SweepResults> results, List<RenderedChart> charts, Path outFolder)
            throws IOException {
        Comparison comparison = Comparison.of(results);
        List<Block> blocks = ReportContent.of(comparison, charts, outFolder);
        // render both before writing either, so a bad chart leaves no half-written report
        String html = HtmlRenderer.render(ReportContent.title(comparison), blocks);
        String markdown = MarkdownRenderer.render(blocks);
        Files.createDirectories(outFolder);
        Path htmlFile = outFolder.resolve(HTML);
        Path markdownFile = outFolder.resolve(MARKDOWN);
        writeAtomically(htmlFile, html);
        writeAtomically(markdownFile, markdown);
        return List.of(htmlFile, markdownFile);
    }

    /**
     * Writes beside the target and renames, so a reader never sees half a report. The temporary
     * file is created like any other (not with createTempFile, whose owner-only permissions the
     * report would keep).
     */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
