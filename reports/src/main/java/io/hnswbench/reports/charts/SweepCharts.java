package io.hnswbench.reports.charts;

import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.ParetoFrontier;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of sweep results, as JFreeChart objects: the same objects render to PNG and SVG
 * ({@link ChartExport}) and show in the application's {@code ChartViewer}, whose tooltips come from
 * the renderers' tooltip generators.
 *
 * <p>Every chart accepts what a merged report may hold: several {@link SweepResults}, runs with no
 * points, no runs at all. A chart with nothing to draw says so in its plot ("No data: …") instead
 * of throwing. Runs are named and coloured by {@link ChartRun#all}, so a run has one colour on every
 * chart.
 */
public final class SweepCharts {

    /** The recall a tuned index is usually asked for; picks the efSearch of per-query charts. */
    static final double HIGH_RECALL = 0.95;

    private SweepCharts() {
    }

    // ---------------------------------------------------------------- charts over all runs

    /**
     * Recall against queries per second (log scale), as ann-benchmarks draws it: per run, its Pareto
     * frontier ({@link ParetoFrontier#of}) as a line, plus every measured point as a hollow marker.
     * Up and to the right is better.
     *
     * <p>Dataset 0 of the plot holds the frontiers (series i = run i of {@link ChartRun#all}),
     * dataset 1 all points; the tooltips name the run and efSearch.
     */
    public static JFreeChart recallVsQps(List<SweepResults> results) {
        String title = "Recall vs queries per second";
        List<ChartRun> runs = ChartRun.all(results);
        String recallLabel = recallLabel(results);
        String qpsLabel = "Queries per second (log scale)";
        if (runs.isEmpty() || noRunHasPoints(runs)) {
            return emptyChart(title, recallLabel, qpsLabel, noDataMessage(runs));
        }
        List<List<SweepPoint>> frontiers = new ArrayList<>();
        List<List<SweepPoint>> allPoints = new ArrayList<>();
        for (ChartRun run : runs) {
            List<SweepPoint> measured = run.run().points().stream()
                    .filter(point -> point.qps() > 0 && Double.isFinite(point.qps())).toList();
            allPoints.add(measured);
            frontiers.add(ParetoFrontier.of(measured));
        }
        XYSeriesCollection frontierData = xyData(runs, frontiers, SweepPoint::recall, SweepPoint::qps);
        XYSeriesCollection pointData = xyData(runs, allPoints, SweepPoint::recall, SweepPoint::qps);

        XYPlot plot = new XYPlot(frontierData, recallAxis(recallLabel, allPoints), ChartStyle.logAxis(qpsLabel, 10),
                runLines(runs, frontiers, true));
        XYLineAndShapeRenderer markers = runLines(runs, allPoints, false);
        markers.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(1, pointData);
        plot.setRenderer(1, markers);

        JFreeChart chart = chart(title, plot, true);
        addSweepSubtitle(chart, results, true);
        addMissingRunsSubtitle(chart, runs);
        return chart;
    }

    /** Recall against efSearch (log scale), one line per run: how much search effort buys how much recall. */
    public static JFreeChart recallVsEfSearch(List<SweepResults> results) {
        String title = "Recall vs efSearch";
        List<ChartRun> runs = ChartRun.all(results);
        String recallLabel = recallLabel(results);
        String efLabel = "efSearch (log scale)";
        if (runs.isEmpty() || noRunHasPoints(runs)) {
            return emptyChart(title, efLabel, recallLabel, noDataMessage(runs));
        }
        List<List<SweepPoint>> byEf = pointsOf(runs, run -> byEfSearch(run.points()));
        XYPlot plot = new XYPlot(xyData(runs, byEf, point -> point.efSearch(), SweepPoint::recall),
                ChartStyle.logAxis(efLabel, 2, efSearchValues(byEf)), recallAxis(recallLabel, byEf),
                runLines(runs, byEf, true));
        JFreeChart chart = chart(title, plot, true);
        addSweepSubtitle(chart, results, false);
        addMissingRunsSubtitle(chart, runs);
        return chart;
    }

    /**
     * Latency percentiles against efSearch (log scale): three stacked plots, p50, p95 and p99, that
     * share the efSearch axis and the run colours, so six runs stay readable.
     */
    public static JFreeChart latencyVsEfSearch(List<SweepResults> results) {
        String title = "Query latency vs efSearch";
        List<ChartRun> runs = ChartRun.all(results);
        String efLabel = "efSearch (log scale)";
        if (runs.isEmpty() || noRunHasPoints(runs)) {
            return emptyChart(title, efLabel, "Latency (µs)", noDataMessage(runs));
        }
        List<List<SweepPoint>> byEf = pointsOf(runs, run -> byEfSearch(run.points()));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.logAxis(efLabel, 2, efSearchValues(byEf)));
        plot.setGap(14);
        addLatencySubplot(plot, runs, byEf, "p50", SweepPoint::p50Micros);
        addLatencySubplot(plot, runs, byEf, "p95", SweepPoint::p95Micros);
        addLatencySubplot(plot, runs, byEf, "p99", SweepPoint::p99Micros);
        // The combined plot would list every run once per subplot.
        LegendItemCollection legend = new LegendItemCollection();
        XYLineAndShapeRenderer first = (XYLineAndShapeRenderer) plot.getSubplots().getFirst().getRenderer();
        for (int series = 0; series < runs.size(); series++) {
            if (!byEf.get(series).isEmpty()) {
                LegendItem item = first.getLegendItem(0, series);
                if (item != null) {
                    legend.add(item);
                }
            }
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = chart(title, plot, true);
        addSweepSubtitle(chart, results, true);
        addMissingRunsSubtitle(chart, runs);
        return chart;
    }

    private static void addLatencySubplot(CombinedDomainXYPlot plot, List<ChartRun> runs,
                                          List<List<SweepPoint>> byEf, String percentile,
                                          ToDoubleFunction<SweepPoint> micros) {
        // Short titles: in the app each subplot may be under 80 px tall, and "p95 latency (µs)" ran
        // into its neighbours. The chart title says what they measure.
        NumberAxis axis = ChartStyle.numberAxis(percentile + " (µs)", false);
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(ChartStyle.groupedInteger());
        XYPlot subplot = new XYPlot(xyData(runs, byEf, point -> point.efSearch(), micros), null, axis,
                runLines(runs, byEf, true));
        plot.add(subplot, 1);
    }

    /**
     * Distance computations per query (log scale) against recall, one line per run in efSearch
     * order: the work a run spends for its recall, independent of the machine's speed.
     */
    public static JFreeChart distanceComputationsVsRecall(List<SweepResults> results) {
        String title = "Distance computations per query vs recall";
        List<ChartRun> runs = ChartRun.all(results);
        String recallLabel = recallLabel(results);
        String workLabel = "Distance computations per query (log scale)";
        if (runs.isEmpty() || noRunHasPoints(runs)) {
            return emptyChart(title, recallLabel, workLabel, noDataMessage(runs));
        }
        List<List<SweepPoint>> byEf = pointsOf(runs, run -> byEfSearch(run.points()).stream()
                .filter(point -> point.distanceComputationsPerQuery() > 0).toList());
        XYPlot plot = new XYPlot(xyData(runs, byEf, SweepPoint::recall, SweepPoint::distanceComputationsPerQuery),
                recallAxis(recallLabel, byEf), ChartStyle.logAxis(workLabel, 10), runLines(runs, byEf, true));
        JFreeChart chart = chart(title, plot, true);
        addSweepSubtitle(chart, results, false);
        addMissingRunsSubtitle(chart, runs);
        return chart;
    }

    /**
     * Build time against M as grouped bars, one bar colour per efConstruction (per dataset and
     * engine too when the results hold several), each bar labelled with its seconds.
     */
    public static JFreeChart buildTimeVsM(List<SweepResults> results) {
        String title = "Index build time vs M";
        List<ChartRun> runs = ChartRun.all(results);
        if (runs.isEmpty()) {
            return emptyChart(title, "M (links per node)", "Build time (s)", noDataMessage(runs));
        }
        boolean nameDataset = runs.stream().map(ChartRun::dataset).distinct().count() > 1;
        boolean nameEngine = runs.stream().map(run -> run.run().engine()).distinct().count() > 1;
        boolean nameThreads = runs.stream().map(run -> run.run().buildThreads()).distinct().count() > 1;
        List<ChartRun> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparingInt((ChartRun run) -> run.run().m())
                .thenComparingInt(run -> run.run().efConstruction()));
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ChartRun run : ordered) {
            RunResult result = run.run();
            StringBuilder key = new StringBuilder();
            if (nameDataset) {
                key.append(run.dataset()).append(" · ");
            }
            if (nameEngine) {
                key.append(result.engine()).append(' ');
            }
            key.append("efC=").append(result.efConstruction());
            if (nameThreads) {
                key.append(", ").append(result.buildThreads()).append(" threads");
            }
            dataset.addValue(result.buildSeconds(), key.toString(), "M=" + result.m());
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.12);
        for (int row = 0; row < dataset.getRowCount(); row++) {
            renderer.setSeriesPaint(row, ChartStyle.runColour(row));
        }
        DecimalFormat seconds = new DecimalFormat("#,##0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2} s", seconds));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0}, {1}: {2} s", seconds));
        CategoryAxis mAxis = new CategoryAxis("M (links per node; 2·M on level 0)");
        NumberAxis secondsAxis = ChartStyle.numberAxis("Build time (s)", false);
        secondsAxis.setUpperMargin(0.12);
        CategoryPlot plot = new CategoryPlot(dataset, mAxis, secondsAxis, renderer);
        JFreeChart chart = chart(title, plot, true);
        Set<Integer> threads = runs.stream().map(run -> run.run().buildThreads())
                .collect(Collectors.toCollection(TreeSet::new));
        ChartStyle.addSubtitle(chart, datasetsText(results) + (threads.size() == 1
                ? " · " + threads.iterator().next() + " build thread" + (threads.iterator().next() == 1 ? "" : "s")
                : ""));
        return chart;
    }

    /**
     * Index bytes per vector, one horizontal bar per run, stacked from vectors, links and the rest
     * ({@link GraphStatistics} vectorBytes, linkBytes, otherBytes over its size), the total written
     * at the end of each bar.
     */
    public static JFreeChart indexBytesPerVector(List<SweepResults> results) {
        String title = "Index memory per vector";
        String bytesLabel = "Bytes per vector (B)";
        List<ChartRun> runs = ChartRun.all(results);
        List<ChartRun> measured = runs.stream()
                .filter(run -> run.run().statistics() != null && run.run().statistics().size() > 0).toList();
        if (measured.isEmpty()) {
            return emptyChart(title, "Run", bytesLabel, runs.isEmpty() ? noDataMessage(runs)
                    : "No data: no run has graph statistics");
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<CategoryTextAnnotation> totals = new ArrayList<>();
        for (ChartRun run : measured) {
            GraphStatistics statistics = run.run().statistics();
            double size = statistics.size();
            dataset.addValue(statistics.vectorBytes() / size, "vectors", run.name());
            dataset.addValue(statistics.linkBytes() / size, "links", run.name());
            dataset.addValue(statistics.otherBytes() / size, "other", run.name());
            double total = (statistics.vectorBytes() + statistics.linkBytes() + statistics.otherBytes()) / size;
            CategoryTextAnnotation label = new CategoryTextAnnotation("  " + bytesText(total), run.name(), total);
            label.setFont(ChartStyle.ITEM_LABEL_FONT);
            label.setPaint(ChartStyle.TEXT);
            label.setTextAnchor(TextAnchor.CENTER_LEFT);
            totals.add(label);
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setSeriesPaint(0, new Color(0x4E79A7));
        renderer.setSeriesPaint(1, new Color(0xF28E2B));
        renderer.setSeriesPaint(2, new Color(0xBAB0AC));
        renderer.setMaximumBarWidth(0.14);
        renderer.setDefaultToolTipGenerator((data, row, column) -> {
            double part = data.getValue(row, column).doubleValue();
            double total = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                total += data.getValue(r, column).doubleValue();
            }
            return data.getColumnKey(column) + ", " + data.getRowKey(row) + ": " + bytesText(part) + " per vector ("
                    + ChartStyle.format("%.0f%%", total > 0 ? 100 * part / total : 0) + ")";
        });
        CategoryAxis runAxis = new CategoryAxis(null);
        runAxis.setMaximumCategoryLabelWidthRatio(0.4f);
        runAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        NumberAxis bytesAxis = ChartStyle.numberAxis(bytesLabel, false);
        bytesAxis.setNumberFormatOverride(ChartStyle.groupedInteger());
        bytesAxis.setUpperMargin(0.15);
        CategoryPlot plot = new CategoryPlot(dataset, runAxis, bytesAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        totals.forEach(plot::addAnnotation);
        JFreeChart chart = chart(title, plot, true);
        ChartStyle.addSubtitle(chart, datasetsText(results) + " · links: neighbour lists of all levels");
        List<String> missing = runs.stream().filter(run -> !measured.contains(run)).map(ChartRun::name).toList();
        if (!missing.isEmpty()) {
            ChartStyle.addSubtitle(chart, "No graph statistics: " + String.join(", ", missing));
        }
        return chart;
    }

    // ---------------------------------------------------------------- charts of one run

    /**
     * Nodes per level of one run's graph (log scale) beside the count the level draw expects,
     * {@link GraphStatistics#expectedNodes}: n·exp(−l/mL) with mL = 1/ln M. Series 0 is the
     * observed count, series 1 the expected one.
     */
    public static JFreeChart nodesPerLevel(ChartRun run) {
        String title = "Nodes per level: " + run.name();
        GraphStatistics statistics = run.run().statistics();
        if (statistics == null || statistics.levels().isEmpty()) {
            return emptyChart(title, "Level", "Nodes (log scale)", "No data: the run has no graph statistics");
        }
        XYSeries observed = new XYSeries(run.name(), false, true);
        XYSeries expected = new XYSeries(ChartStyle.format("expected n·exp(−l/mL), mL = 1/ln %d", statistics.m()),
                false, true);
        List<String> observedTips = new ArrayList<>();
        List<String> expectedTips = new ArrayList<>();
        for (GraphStatistics.Level level : statistics.levels()) {
            double expectedNodes = statistics.expectedNodes(level.level());
            if (level.nodes() > 0) {
                observed.add(level.level(), level.nodes());
                observedTips.add(ChartStyle.format("level %d: %,d nodes (expected %,.1f)", level.level(),
                        level.nodes(), expectedNodes));
            }
            if (expectedNodes > 0 && Double.isFinite(expectedNodes)) {
                expected.add(level.level(), expectedNodes);
                expectedTips.add(ChartStyle.format("level %d: %,.1f nodes expected", level.level(), expectedNodes));
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(observed);
        dataset.addSeries(expected);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        styleRunSeries(renderer, 0, run);
        renderer.setSeriesPaint(1, ChartStyle.EXPECTED);
        renderer.setSeriesStroke(1, ChartStyle.DASHED_LINE);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesItemLabelGenerator(0, new StandardXYItemLabelGenerator("{2}", ChartStyle.groupedInteger(),
                ChartStyle.groupedInteger()));
        renderer.setSeriesItemLabelsVisible(0, true);
        renderer.setSeriesItemLabelFont(0, ChartStyle.ITEM_LABEL_FONT);
        renderer.setSeriesPositiveItemLabelPosition(0,
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.BOTTOM_LEFT));
        List<List<String>> tips = List.of(observedTips, expectedTips);
        renderer.setDefaultToolTipGenerator((data, series, item) -> tips.get(series).get(item));
        NumberAxis levelAxis = levelAxis(statistics);
        XYPlot plot = new XYPlot(dataset, levelAxis, ChartStyle.logAxis("Nodes (log scale)", 10), renderer);
        JFreeChart chart = chart(title, plot, true);
        ChartStyle.addSubtitle(chart, ChartStyle.format("%,d live nodes, %,d deleted, M=%d, entry point on level %d",
                statistics.size(), statistics.deletedCount(), statistics.m(), statistics.entryPointLevel()));
        return chart;
    }

    /**
     * The out-degree histogram of one level: how many nodes have d links, with a marker at the
     * level's limit (2·M on level 0, M above). Nodes far below the limit are weakly connected.
     */
    public static JFreeChart degreeHistogram(ChartRun run, int level) {
        String title = "Out-degree on level " + level + ": " + run.name();
        String degreeLabel = "Out-degree (links per node)";
        GraphStatistics statistics = run.run().statistics();
        GraphStatistics.Level stats = statistics == null ? null : statistics.levels().stream()
                .filter(candidate -> candidate.level() == level).findFirst().orElse(null);
        if (stats == null || stats.degreeHistogram() == null || stats.degreeHistogram().length == 0) {
            return emptyChart(title, degreeLabel, "Nodes", statistics == null
                    ? "No data: the run has no graph statistics"
                    : "No data: no degree histogram for level " + level);
        }
        int[] histogram = stats.degreeHistogram();
        XYSeries nodes = new XYSeries(run.name(), false, true);
        List<String> tips = new ArrayList<>();
        int lastDegree = 0;
        for (int degree = 0; degree < histogram.length; degree++) {
            nodes.add(degree, histogram[degree]);
            tips.add(ChartStyle.format("%,d nodes with %d links", histogram[degree], degree));
            if (histogram[degree] > 0) {
                lastDegree = degree;
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection(nodes);
        dataset.setIntervalWidth(1.0);
        XYBarRenderer renderer = new XYBarRenderer(0.12);
        renderer.setSeriesPaint(0, run.colour());
        renderer.setShadowVisible(false);
        renderer.setDefaultToolTipGenerator((data, series, item) -> tips.get(item));
        int limit = level == 0 ? 2 * statistics.m() : statistics.m();
        NumberAxis degreeAxis = ChartStyle.numberAxis(degreeLabel, true);
        degreeAxis.setRange(-0.5, Math.max(limit, lastDegree) + 1.5);
        NumberAxis countAxis = ChartStyle.numberAxis("Nodes", true);
        countAxis.setNumberFormatOverride(ChartStyle.groupedInteger());
        countAxis.setUpperMargin(0.1);
        XYPlot plot = new XYPlot(dataset, degreeAxis, countAxis, renderer);
        ValueMarker limitMarker = new ValueMarker(limit, ChartStyle.EXPECTED, ChartStyle.DASHED_LINE);
        limitMarker.setLabel(level == 0 ? "limit 2·M = " + limit : "limit M = " + limit);
        limitMarker.setLabelFont(ChartStyle.ITEM_LABEL_FONT);
        limitMarker.setLabelPaint(ChartStyle.TEXT);
        limitMarker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        limitMarker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        limitMarker.setLabelBackgroundColor(new Color(255, 255, 255, 230));
        plot.addDomainMarker(limitMarker);
        JFreeChart chart = chart(title, plot, true);
        ChartStyle.addSubtitle(chart, ChartStyle.format("level %d: %,d nodes, degree min %d / mean %.1f / max %d",
                level, stats.nodes(), stats.minDegree(), stats.meanDegree(), stats.maxDegree()));
        return chart;
    }

    /**
     * Unreachable nodes per level: live nodes that no path from the entry point reaches, so no
     * search can return them. When every level is fully reachable the plot says so in words.
     */
    public static JFreeChart unreachableNodes(ChartRun run) {
        String title = "Unreachable nodes per level: " + run.name();
        String countLabel = "Unreachable nodes";
        GraphStatistics statistics = run.run().statistics();
        if (statistics == null || statistics.levels().isEmpty()) {
            return emptyChart(title, "Level", countLabel, "No data: the run has no graph statistics");
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        long total = 0;
        for (GraphStatistics.Level level : statistics.levels()) {
            total += level.unreachableNodes();
        }
        if (total > 0) {
            for (GraphStatistics.Level level : statistics.levels()) {
                dataset.addValue(level.unreachableNodes(), run.name(), "level " + level.level());
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setSeriesPaint(0, run.colour());
        renderer.setMaximumBarWidth(0.15);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartStyle.groupedInteger()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL_FONT);
        renderer.setDefaultToolTipGenerator((data, row, column) -> data.getColumnKey(column) + ": "
                + ChartStyle.format("%,d", data.getValue(row, column).longValue()) + " unreachable nodes");
        NumberAxis countAxis = ChartStyle.numberAxis(countLabel, true);
        countAxis.setNumberFormatOverride(ChartStyle.groupedInteger());
        countAxis.setUpperMargin(0.12);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("Level"), countAxis, renderer);
        int topLevel = statistics.levels().stream().mapToInt(GraphStatistics.Level::level).max().orElse(0);
        JFreeChart chart = chart(title, plot, total > 0);
        if (total == 0) {
            plot.setNoDataMessage(topLevel == 0 ? "0 unreachable nodes on level 0"
                    : "0 unreachable on every level (0–" + topLevel + ")");
            plot.setNoDataMessagePaint(ChartStyle.GOOD);
            countAxis.setTickLabelsVisible(false);
            plot.setNoDataMessageFont(ChartStyle.MESSAGE_FONT.deriveFont(20f));
            ChartStyle.addSubtitle(chart, "every live node can be reached from the entry point");
        } else {
            ChartStyle.addSubtitle(chart, ChartStyle.format("%,d unreachable of %,d live nodes", total,
                    statistics.size()));
        }
        return chart;
    }

    /**
     * How the recall of single queries spreads at one efSearch of a run: a histogram of
     * {@link SweepPoint#perQueryRecall}, one bar per possible value j/k when k ≤ 20 (else bins of
     * 0.1 and a bar for exactly 1). The bars left of the mean are the hard queries.
     */
    public static JFreeChart perQueryRecall(ChartRun run, int efSearch) {
        String title = "Per-query recall at efSearch=" + efSearch + ": " + run.name();
        SweepPoint point = run.run().points().stream().filter(candidate -> candidate.efSearch() == efSearch)
                .findFirst().orElse(null);
        String recallLabel = point == null ? "Recall of the query" : "Recall@" + point.k() + " of the query";
        String queriesLabel = "Queries";
        if (point == null) {
            return emptyChart(title, recallLabel, queriesLabel, "No data: the run has no point at efSearch=" + efSearch);
        }
        double[] recalls = point.perQueryRecall();
        if (recalls == null || recalls.length == 0) {
            return emptyChart(title, recallLabel, queriesLabel, "No data: per-query recall was not recorded");
        }
        List<String> bins = RecallBins.labels(point.k());
        int[] counts = RecallBins.count(point.k(), recalls);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int bin = 0; bin < bins.size(); bin++) {
            dataset.addValue(counts[bin], run.name(), bins.get(bin));
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setSeriesPaint(0, run.colour());
        renderer.setItemMargin(0);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartStyle.groupedInteger()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL_FONT);
        renderer.setDefaultToolTipGenerator((data, row, column) -> ChartStyle.format("%,d queries with recall %s",
                data.getValue(row, column).intValue(), data.getColumnKey(column)));
        CategoryAxis binAxis = new CategoryAxis(recallLabel);
        binAxis.setCategoryMargin(0.1);
        NumberAxis countAxis = ChartStyle.numberAxis(queriesLabel, true);
        countAxis.setNumberFormatOverride(ChartStyle.groupedInteger());
        countAxis.setUpperMargin(0.12);
        CategoryPlot plot = new CategoryPlot(dataset, binAxis, countAxis, renderer);
        JFreeChart chart = chart(title, plot, true);
        long perfect = Arrays.stream(recalls).filter(recall -> recall >= 1).count();
        long poor = Arrays.stream(recalls).filter(recall -> recall < 0.5).count();
        ChartStyle.addSubtitle(chart, ChartStyle.format(
                "mean recall %.3f over %,d queries · %,d (%.1f%%) perfect · %,d (%.1f%%) below 0.5",
                point.recall(), recalls.length, perfect, 100.0 * perfect / recalls.length, poor,
                100.0 * poor / recalls.length));
        return chart;
    }

    /**
     * The efSearch {@link #perQueryRecall} is most telling at: the smallest whose recall reaches
     * 0.95, else the one with the highest recall; -1 when the run has no points.
     */
    public static int telltaleEfSearch(RunResult run) {
        List<SweepPoint> byEf = byEfSearch(run.points());
        for (SweepPoint point : byEf) {
            if (point.recall() >= HIGH_RECALL) {
                return point.efSearch();
            }
        }
        return byEf.stream().max(Comparator.comparingDouble(SweepPoint::recall)).map(SweepPoint::efSearch).orElse(-1);
    }

    // ---------------------------------------------------------------- shared pieces

    private static JFreeChart chart(String title, Plot plot, boolean legend) {
        return ChartStyle.finish(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, legend));
    }

    /** A chart with the given axes and nothing in them but {@code message}. */
    private static JFreeChart emptyChart(String title, String xLabel, String yLabel, String message) {
        XYPlot plot = new XYPlot(new XYSeriesCollection(), ChartStyle.numberAxis(xLabel, false),
                ChartStyle.numberAxis(yLabel, false), new XYLineAndShapeRenderer());
        plot.getDomainAxis().setTickLabelsVisible(false);
        plot.getRangeAxis().setTickLabelsVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setNoDataMessage(message);
        return chart(title, plot, false);
    }

    private static String noDataMessage(List<ChartRun> runs) {
        return runs.isEmpty() ? "No data: the results hold no runs" : "No data: the runs have no measured points";
    }

    private static boolean noRunHasPoints(List<ChartRun> runs) {
        return runs.stream().allMatch(run -> run.run().points().isEmpty());
    }

    private static List<List<SweepPoint>> pointsOf(List<ChartRun> runs,
                                                   Function<RunResult, List<SweepPoint>> select) {
        return runs.stream().map(run -> select.apply(run.run())).toList();
    }

    private static double[] efSearchValues(List<List<SweepPoint>> pointsPerRun) {
        return pointsPerRun.stream().flatMap(List::stream).mapToDouble(SweepPoint::efSearch).distinct().toArray();
    }

    private static List<SweepPoint> byEfSearch(List<SweepPoint> points) {
        return points.stream().sorted(Comparator.comparingInt(SweepPoint::efSearch)).toList();
    }

    /**
     * One series per run, named by the run, holding {@code pointsPerRun} in the given order (no
     * sorting, so item i of series s is {@code pointsPerRun.get(s).get(i)}). Values a log axis
     * cannot show are the callers' to filter.
     */
    private static XYSeriesCollection xyData(List<ChartRun> runs, List<List<SweepPoint>> pointsPerRun,
                                             ToDoubleFunction<SweepPoint> x, ToDoubleFunction<SweepPoint> y) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (int series = 0; series < runs.size(); series++) {
            XYSeries xySeries = new XYSeries(runs.get(series).name(), false, true);
            for (SweepPoint point : pointsPerRun.get(series)) {
                xySeries.add(x.applyAsDouble(point), y.applyAsDouble(point));
            }
            dataset.addSeries(xySeries);
        }
        return dataset;
    }

    /** Run-coloured lines (or markers only), with tooltips that name the run and the point's efSearch. */
    private static XYLineAndShapeRenderer runLines(List<ChartRun> runs, List<List<SweepPoint>> pointsPerRun,
                                                   boolean lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(lines, true);
        for (int series = 0; series < runs.size(); series++) {
            styleRunSeries(renderer, series, runs.get(series));
            if (pointsPerRun.get(series).isEmpty()) {
                renderer.setSeriesVisibleInLegend(series, false);
            }
        }
        if (!lines) {
            renderer.setDefaultShapesFilled(false);
            renderer.setUseOutlinePaint(false);
        }
        renderer.setDefaultToolTipGenerator((data, series, item) ->
                pointTooltip(runs.get(series), pointsPerRun.get(series).get(item)));
        return renderer;
    }

    private static void styleRunSeries(XYLineAndShapeRenderer renderer, int series, ChartRun run) {
        renderer.setSeriesPaint(series, run.colour());
        renderer.setSeriesShape(series, ChartStyle.runShape(run.colourIndex()));
        renderer.setSeriesStroke(series, ChartStyle.LINE);
    }

    static String pointTooltip(ChartRun run, SweepPoint point) {
        return ChartStyle.format("%s, efSearch=%d: recall@%d %.4f, %,.0f QPS, p50 %,.0f µs, p99 %,.0f µs, "
                        + "%,.0f distance computations/query", run.name(), point.efSearch(), point.k(), point.recall(),
                point.qps(), point.p50Micros(), point.p99Micros(), point.distanceComputationsPerQuery());
    }

    /** Recall from 0 to 1, zoomed to the data's tenth when all points sit high. */
    private static NumberAxis recallAxis(String label, List<List<SweepPoint>> pointsPerRun) {
        double lowest = pointsPerRun.stream().flatMap(List::stream).mapToDouble(SweepPoint::recall)
                .filter(Double::isFinite).min().orElse(0);
        double highest = pointsPerRun.stream().flatMap(List::stream).mapToDouble(SweepPoint::recall)
                .filter(Double::isFinite).max().orElse(1);
        NumberAxis axis = ChartStyle.numberAxis(label, false);
        double lower = Math.max(0, Math.floor((lowest - 0.02) * 10) / 10);
        axis.setRange(lower, Math.max(1, highest) + 0.01);
        return axis;
    }

    private static NumberAxis levelAxis(GraphStatistics statistics) {
        int topLevel = statistics.levels().stream().mapToInt(GraphStatistics.Level::level).max().orElse(0);
        NumberAxis axis = ChartStyle.numberAxis("Level (0 = all nodes)", true);
        axis.setRange(-0.3, topLevel + 0.3);
        return axis;
    }

    private static String recallLabel(List<SweepResults> results) {
        Set<Integer> ks = new TreeSet<>();
        for (SweepResults sweep : results) {
            for (RunResult run : sweep.runs()) {
                run.points().forEach(point -> ks.add(point.k()));
            }
        }
        return ks.size() == 1 ? "Recall@" + ks.iterator().next() : "Recall@k";
    }

    private static void addSweepSubtitle(JFreeChart chart, List<SweepResults> results, boolean timed) {
        StringBuilder text = new StringBuilder(datasetsText(results));
        if (timed) {
            Set<Integer> threads = new LinkedHashSet<>();
            for (SweepResults sweep : results) {
                if (sweep.parameters() != null) {
                    threads.add(sweep.parameters().searchThreads());
                }
            }
            if (threads.size() == 1) {
                int count = threads.iterator().next();
                text.append(" · ").append(count).append(count == 1 ? " search thread" : " search threads");
            }
        }
        ChartStyle.addSubtitle(chart, text.toString());
    }

    /** Names the datasets, with their size when there is just one. */
    static String datasetsText(List<SweepResults> results) {
        List<SweepResults.DatasetSummary> datasets = results.stream().map(SweepResults::dataset)
                .filter(Objects::nonNull).toList();
        Set<String> names = datasets.stream().map(SweepResults.DatasetSummary::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (names.size() == 1) {
            SweepResults.DatasetSummary dataset = datasets.getFirst();
            return ChartStyle.format("%s: %,d vectors × %d dims, %s, %,d queries", dataset.name(), dataset.baseCount(),
                    dataset.dimension(), dataset.metric(), dataset.queryCount());
        }
        return names.isEmpty() ? "unknown dataset" : "datasets: " + String.join(", ", names);
    }

    private static void addMissingRunsSubtitle(JFreeChart chart, List<ChartRun> runs) {
        List<String> missing = runs.stream().filter(run -> run.run().points().isEmpty()).map(ChartRun::name).toList();
        if (!missing.isEmpty()) {
            ChartStyle.addSubtitle(chart, "No points: " + String.join(", ", missing));
        }
    }

    private static String bytesText(double bytes) {
        return ChartStyle.format("%,.0f B", bytes);
    }
}
