package io.hnswbench.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look every chart shares: white background, light grid, sans-serif fonts large enough to
 * read in a report at 900 px wide, and one colour and marker shape per run so that a run keeps its
 * colour from chart to chart.
 */
final class ChartStyle {

    /** The matplotlib "tab10" palette, the colours ann-benchmarks plots use. */
    private static final Color[] RUN_COLOURS = {
            new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
            new Color(0xBCBD22), new Color(0x17BECF)};

    /** Ten distinct markers, so runs stay apart in grey print and for colour-blind readers. */
    private static final Shape[] RUN_SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED_TEXT = new Color(0x555555);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color EXPECTED = new Color(0x444444);
    static final Color GOOD = new Color(0x2E7D32);
    static final Color OUTLINE = new Color(0x999999);
    private static final RectangleInsets AXIS_OFFSET = new RectangleInsets(4, 4, 4, 4);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font ITEM_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font MESSAGE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    static final Stroke LINE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED_LINE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);

    private ChartStyle() {
    }

    static Color runColour(int colourIndex) {
        return RUN_COLOURS[Math.floorMod(colourIndex, RUN_COLOURS.length)];
    }

    static Shape runShape(int colourIndex) {
        return RUN_SHAPES[Math.floorMod(colourIndex, RUN_SHAPES.length)];
    }

    /**
     * Styles a finished chart: fonts, colours, grid, bar painters. Done by hand rather than with a
     * {@code StandardChartTheme}, whose {@code apply} would clear the run colours set on the renderers.
     */
    static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.setTextAntiAlias(true);
        chart.getTitle().setFont(TITLE_FONT);
        chart.getTitle().setPaint(TEXT);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(TICK_FONT);
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        }
        stylePlot(chart.getPlot());
        return chart;
    }

    private static void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(OUTLINE);
        plot.setNoDataMessageFont(MESSAGE_FONT);
        plot.setNoDataMessagePaint(MUTED_TEXT);
        if (plot instanceof XYPlot xyPlot) {
            xyPlot.setDomainGridlinePaint(GRID);
            xyPlot.setRangeGridlinePaint(GRID);
            xyPlot.setAxisOffset(AXIS_OFFSET);
            for (int index = 0; index < xyPlot.getDomainAxisCount(); index++) {
                styleAxis(xyPlot.getDomainAxis(index));
            }
            for (int index = 0; index < xyPlot.getRangeAxisCount(); index++) {
                styleAxis(xyPlot.getRangeAxis(index));
            }
            for (int index = 0; index < xyPlot.getRendererCount(); index++) {
                if (xyPlot.getRenderer(index) instanceof XYBarRenderer bars) {
                    bars.setBarPainter(new StandardXYBarPainter());
                    bars.setShadowVisible(false);
                }
            }
            if (plot instanceof CombinedDomainXYPlot combined) {
                combined.getSubplots().forEach(ChartStyle::stylePlot);
            }
        } else if (plot instanceof CategoryPlot categoryPlot) {
            categoryPlot.setDomainGridlinesVisible(false);
            categoryPlot.setRangeGridlinePaint(GRID);
            categoryPlot.setAxisOffset(AXIS_OFFSET);
            styleAxis(categoryPlot.getDomainAxis());
            styleAxis(categoryPlot.getRangeAxis());
            if (categoryPlot.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
            }
        }
    }

    private static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(OUTLINE);
        axis.setTickMarkPaint(OUTLINE);
    }

    /** A line of smaller text under the title. */
    static void addSubtitle(JFreeChart chart, String text) {
        TextTitle subtitle = new TextTitle(text, SUBTITLE_FONT);
        subtitle.setPaint(MUTED_TEXT);
        subtitle.setPadding(new RectangleInsets(2, 0, 4, 0));
        chart.addSubtitle(subtitle);
    }

    /**
     * A log-scale axis whose ticks read as plain numbers (1,000 not 10³): at {@code tickValues}
     * when given, else at 1, 2 and 5 times powers of ten.
     */
    static LogAxis logAxis(String label, double base, double... tickValues) {
        LogAxis axis = new NiceLogAxis(label, base, tickValues);
        axis.setNumberFormatOverride(groupedInteger());
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    /** A linear axis; {@code integerTicks} for counts, levels and degrees. */
    static NumberAxis numberAxis(String label, boolean integerTicks) {
        NumberAxis axis = new NumberAxis(label);
        if (integerTicks) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    static NumberFormat groupedInteger() {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
