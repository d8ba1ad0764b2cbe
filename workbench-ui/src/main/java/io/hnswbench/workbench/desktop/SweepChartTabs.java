package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.charts.SweepCharts;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Sweep screen's charts, one tab each: recall against queries per second (the one to read
 * first), build time against M, and latency percentiles against efSearch. All three are drawn
 * from the same runs, so a run has one colour on each.
 */
final class SweepChartTabs extends TabPane {

    private final ChartPane recallVsQps = new ChartPane("sweep-recall-qps");
    private final ChartPane buildTime = new ChartPane("sweep-build-time");
    private final ChartPane latency = new ChartPane("sweep-latency");

    SweepChartTabs() {
        setId("sweep-charts");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().addAll(new Tab("Recall vs QPS", recallVsQps), new Tab("Build time", buildTime),
                new Tab("Latency", latency));
    }

    /** Draws {@code sweeps} (possibly none, or one still running) on every chart. */
    void show(List<SweepResults> sweeps) {
        recallVsQps.show(SweepCharts.recallVsQps(sweeps));
        buildTime.show(SweepCharts.buildTimeVsM(sweeps));
        latency.show(SweepCharts.latencyVsEfSearch(sweeps));
    }
}
