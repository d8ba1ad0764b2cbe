package io.hnswbench.reports.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.Serial;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A log axis with ticks a reader can use: the values the data was measured at when given (the
 * efSearch grid), else 1, 2 and 5 times powers of ten. {@link LogAxis} itself spaces ticks evenly in
 * exponent, which labels a QPS axis 3,162 and 6,310. Ticks closer than a label's size are dropped.
 */
final class NiceLogAxis extends LogAxis {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int[][] MANTISSAS = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    /** Where the ticks go; empty for 1-2-5 ticks. */
    private final double[] tickValues;

    NiceLogAxis(String label, double base, double[] tickValues) {
        super(label);
        setBase(base);
        setSmallestValue(1e-9);
        setMinorTickMarksVisible(false);
        this.tickValues = tickValues.clone();
        Arrays.sort(this.tickValues);
    }

    /**
     * The automatic range, widened to the 1-2-5 values around it when ticks are 1-2-5: otherwise
     * the highest points can lie above the last labelled tick (QPS up to 57,000 under a top label
     * of 20,000) and a reader cannot tell their value.
     */
    @Override
    protected void autoAdjustRange() {
        super.autoAdjustRange();
        if (tickValues.length == 0 && isAutoRange() && getPlot() instanceof ValueAxisPlot plot) {
            Range data = plot.getDataRange(this);
            if (data != null && data.getLowerBound() > 0) {
                setRange(new Range(Math.min(getLowerBound(), oneTwoFiveAtOrBelow(data.getLowerBound())),
                        Math.max(getUpperBound(), oneTwoFiveAtOrAbove(data.getUpperBound()))), false, false);
            }
        }
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code value}. */
    static double oneTwoFiveAtOrAbove(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (int mantissa : new int[] {1, 2, 5, 10}) {
            if (mantissa * power >= value * (1 - 1e-12)) {
                return mantissa * power;
            }
        }
        return 10 * power;
    }

    /** The largest 1, 2 or 5 times a power of ten that is at most {@code value}. */
    static double oneTwoFiveAtOrBelow(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (int mantissa : new int[] {5, 2, 1}) {
            if (mantissa * power <= value * (1 + 1e-12)) {
                return mantissa * power;
            }
        }
        return power;
    }

    @Override
    public List<ValueTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double lower = getLowerBound();
        double upper = getUpperBound();
        double[] candidates = tickValues.length > 0 ? tickValues : powersOfTenTimes(lower, upper);
        // Minimum distance between two ticks, in Java 2D units: a label's height, or a wide label's width.
        double minimumGap = vertical ? getTickLabelFont().getSize2D() * 1.8 : getTickLabelFont().getSize2D() * 4.5;
        List<ValueTick> ticks = new ArrayList<>();
        double lastPosition = Double.NaN;
        for (double value : candidates) {
            if (value < lower || value > upper || value <= 0) {
                continue;
            }
            double position = valueToJava2D(value, dataArea, edge);
            if (!Double.isNaN(lastPosition) && Math.abs(position - lastPosition) < minimumGap) {
                continue;
            }
            lastPosition = position;
            ticks.add(new NumberTick(TickType.MAJOR, value, label(value), textAnchor(edge), TextAnchor.CENTER, 0));
        }
        return ticks;
    }

    /** 1·10ⁿ, or 1-2-5, or 1…9 times powers of ten in the range: the first set that gives 4 ticks or more. */
    private static double[] powersOfTenTimes(double lower, double upper) {
        double[] best = new double[0];
        for (int[] mantissas : MANTISSAS) {
            List<Double> values = new ArrayList<>();
            int first = (int) Math.floor(Math.log10(Math.max(lower, 1e-9)));
            int last = (int) Math.ceil(Math.log10(Math.max(upper, 1e-9)));
            for (int exponent = first; exponent <= last; exponent++) {
                for (int mantissa : mantissas) {
                    double value = mantissa * Math.pow(10, exponent);
                    if (value >= lower && value <= upper) {
                        values.add(value);
                    }
                }
            }
            best = values.stream().mapToDouble(Double::doubleValue).toArray();
            if (best.length >= 4) {
                break;
            }
        }
        return best;
    }

    private String label(double value) {
        NumberFormat format = getNumberFormatOverride();
        if (value < 1) {
            format = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        }
        return format != null ? format.format(value) : Double.toString(value);
    }

    private static TextAnchor textAnchor(RectangleEdge edge) {
        // RectangleEdge is a class of constants, not an enum.
        if (edge == RectangleEdge.TOP) {
            return TextAnchor.BOTTOM_CENTER;
        } else if (edge == RectangleEdge.LEFT) {
            return TextAnchor.CENTER_RIGHT;
        } else if (edge == RectangleEdge.RIGHT) {
            return TextAnchor.CENTER_LEFT;
        }
        return TextAnchor.TOP_CENTER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NiceLogAxis axis && Arrays.equals(tickValues, axis.tickValues) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Arrays.hashCode(tickValues);
    }
}
