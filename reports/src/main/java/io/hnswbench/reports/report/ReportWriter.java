package io.hnswbench.reports.report;

import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.SweepResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
        return write(results, charts, outFolder, true, true);
    }

    /**
     * Writes {@code report.html}, {@code report.md} or both into {@code outFolder}, creating it; a
     * report not asked for is left as it was.
     *
     * @return the written files, the HTML report first
     * @throws IllegalArgumentException as {@link #write(List, List, Path)}, or when neither is asked for
     */
    public static List<Path> write(List<SweepResults> results, List<RenderedChart> charts, Path outFolder,
            boolean html, boolean markdown) throws IOException {
        if (!html && !markdown) {
            throw new IllegalArgumentException("ask for the HTML report, the Markdown report or both");
        }
        Comparison comparison = Comparison.of(results);
        List<Block> blocks = ReportContent.of(comparison, charts, outFolder);
        // render before writing, so a bad chart leaves no half-written report
        String htmlText = html ? HtmlRenderer.render(ReportContent.title(comparison), blocks) : null;
        String markdownText = markdown ? MarkdownRenderer.render(blocks) : null;
        Files.createDirectories(outFolder);
        List<Path> written = new ArrayList<>();
        if (html) {
            Path htmlFile = outFolder.resolve(HTML);
            writeAtomically(htmlFile, htmlText);
            written.add(htmlFile);
        }
        if (markdown) {
            Path markdownFile = outFolder.resolve(MARKDOWN);
            writeAtomically(markdownFile, markdownText);
            written.add(markdownFile);
        }
        return List.copyOf(written);
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
