package io.hnswbench.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class NiceLogAxisTest {

    @Test
    void automaticRangeEndsAtTheOneTwoFiveValuesAroundTheData() {
        XYSeries qps = new XYSeries("hnsw");
        qps.add(0.95, 30_000);
        qps.add(0.99, 21_798);
        qps.add(1.0, 912);
        LogAxis axis = ChartStyle.logAxis("QPS", 10);
        new XYPlot(new XYSeriesCollection(qps), ChartStyle.numberAxis("recall", false), axis,
                new XYLineAndShapeRenderer());
        assertTrue(axis.getLowerBound() <= 500, "500 is on the axis, below 912: " + axis.getLowerBound());
        assertTrue(axis.getUpperBound() >= 50_000, "50,000 is on the axis, so the top point (30,000) lies under a labelled tick: "
                + axis.getUpperBound());
        assertTrue(axis.getUpperBound() < 60_000, "but the axis does not run on to the next decade: " + axis.getUpperBound());
    }

    @Test
    void oneTwoFiveNeighboursOfAValue() {
        assertEquals(50_000, NiceLogAxis.oneTwoFiveAtOrAbove(41_453), 1e-9);
        assertEquals(20_000, NiceLogAxis.oneTwoFiveAtOrAbove(20_000), 1e-9);
        assertEquals(100, NiceLogAxis.oneTwoFiveAtOrAbove(50.5), 1e-9);
        assertEquals(0.2, NiceLogAxis.oneTwoFiveAtOrAbove(0.15), 1e-12);
        assertEquals(500, NiceLogAxis.oneTwoFiveAtOrBelow(912), 1e-9);
        assertEquals(1_000, NiceLogAxis.oneTwoFiveAtOrBelow(1_000), 1e-9);
        assertEquals(0.1, NiceLogAxis.oneTwoFiveAtOrBelow(0.15), 1e-12);
    }
}
