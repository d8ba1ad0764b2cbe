package io.hnswbench.workbench.desktop;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * A JFreeChart in the window: drag a rectangle to zoom in, drag back (or use the context menu) to
 * zoom out, hover a point for the parameters behind it (the charts of
 * {@link io.hnswbench.reports.charts.SweepCharts} carry those tooltips).
 */
public final class ChartPane extends ChartViewer {

    /** @param id the node id tests and the screenshot tour find the chart by */
    public ChartPane(String id) {
        super(null);
        setId(id);
        setMinSize(320, 240);
        setPrefSize(640, 420);
    }

    /** Shows {@code chart} in place of the current one. */
    public void show(JFreeChart chart) {
        setChart(chart);
    }
}
