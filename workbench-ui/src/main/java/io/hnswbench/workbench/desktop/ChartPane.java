package io.hnswbench.workbench.desktop;

import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * A JFreeChart in the window: drag a rectangle to zoom in, drag back (or use the context menu) to
 * zoom out, hover a point for the parameters behind it (the charts of
 * {@link io.hnswbench.reports.charts.SweepCharts} carry those tooltips).
 */
final class ChartPane extends ChartViewer {

    private final String emptyMessage;

    /**
     * @param id           the node id tests and the screenshot tour find the chart by
     * @param emptyMessage what the pane says while it has no chart, e.g. "Build an index first"
     */
    public ChartPane(String id, String emptyMessage) {
        super(placeholder(emptyMessage));
        this.emptyMessage = emptyMessage;
        setId(id);
        setMinSize(320, 240);
        setPrefSize(640, 420);
    }

    /** A pane that says "No data yet" while it has no chart. */
    public ChartPane(String id) {
        this(id, "No data yet");
    }

    /** Shows {@code chart} in place of the current one; {@code null} shows the empty message. */
    public void show(JFreeChart chart) {
        setChart(chart == null ? placeholder(emptyMessage) : chart);
    }

    private static JFreeChart placeholder(String message) {
        XYPlot plot = new XYPlot();
        plot.setNoDataMessage(message);
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        return chart;
    }
}
