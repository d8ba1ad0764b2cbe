package io.hnswbench.reports.charts;

import io.hnswbench.reports.RenderedChart;
import org.jfree.chart.JFreeChart;

/**
 * One chart of a report before it is drawn: the live JFreeChart (for a {@code ChartViewer}) with
 * the size it is exported at.
 *
 * @param id      a file-name-safe name; the files are {@code id.png} and {@code id.svg}
 * @param title   the chart's title
 * @param caption one or two sentences saying how to read it
 * @param chart   the chart
 * @param width   export width in px
 * @param height  export height in px
 */
public record ReportChart(String id, String title, String caption, JFreeChart chart, int width, int height) {

    /** The chart drawn as SVG, its ids prefixed with {@link #id} so that a page can inline many. */
    public RenderedChart render() {
        return new RenderedChart(id, title, caption, ChartExport.toSvg(chart, width, height, id));
    }
}
