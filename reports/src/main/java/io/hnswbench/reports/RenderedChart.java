package io.hnswbench.reports;

/**
 * One chart drawn for a report: inlined into report.html as SVG, referenced from report.md as
 * the PNG file written beside it.
 *
 * @param id      a file-name-safe name, e.g. {@code recall-vs-qps}; the files are {@code id.svg} and {@code id.png}
 * @param title   the chart's title
 * @param caption one or two sentences saying how to read it
 * @param svg     the chart as a standalone SVG document
 */
public record RenderedChart(String id, String title, String caption, String svg) {
}
