package io.hnswbench.reports.charts;

import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * Every chart a report shows, in reading order: search quality against speed, where the hard
 * queries sit, the cost of building, then the graph of each run (or of the most relevant runs when
 * there are many).
 */
public final class ReportChartSet {

    /** Runs with layer and per-query charts; more would bury the report. */
    static final int MAX_DETAILED_RUNS = 4;

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int RUN_CHART_HEIGHT = 480;

    private ReportChartSet() {
    }

    /** The charts of {@code results} (one or several merged sweeps), in reading order. */
    public static List<ReportChart> charts(List<SweepResults> results) {
        List<ChartRun> runs = ChartRun.all(results);
        List<ReportChart> charts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        add(charts, ids, "recall-vs-qps", SweepCharts.recallVsQps(results), WIDTH, HEIGHT,
                "Each line is one run's Pareto frontier over efSearch; hollow markers are all measured points. "
                        + "Up and to the right is better: more recall at more queries per second (log scale).");
        add(charts, ids, "recall-vs-ef-search", SweepCharts.recallVsEfSearch(results), WIDTH, HEIGHT,
                "Recall reached at each efSearch: read off the efSearch a run needs for the recall you want. "
                        + "Larger M and efConstruction usually reach it at a smaller efSearch.");
        add(charts, ids, "distance-computations-vs-recall", SweepCharts.distanceComputationsVsRecall(results),
                WIDTH, HEIGHT, "Distance computations per query against recall: the search's work, independent of "
                        + "the machine. Lower at the same recall is better.");
        add(charts, ids, "latency-vs-ef-search", SweepCharts.latencyVsEfSearch(results), WIDTH, 820,
                "Per-query latency percentiles in microseconds (p50, p95, p99 from top to bottom) against efSearch. "
                        + "The gap between p50 and p99 shows how uneven the queries are.");

        List<ChartRun> detailed = detailedRuns(runs);
        String choice = detailed.size() < runs.size()
                ? " Shown for the " + detailed.size() + " runs with the best speed at high recall, of " + runs.size()
                + "." : "";
        for (ChartRun run : detailed) {
            int efSearch = SweepCharts.telltaleEfSearch(run.run());
            if (efSearch < 0) {
                continue;
            }
            add(charts, ids, "per-query-recall-" + slug(run.name()) + "-ef" + efSearch,
                    SweepCharts.perQueryRecall(run, efSearch), WIDTH, RUN_CHART_HEIGHT,
                    "How many queries reach each recall at efSearch=" + efSearch + ", the smallest efSearch where this "
                            + "run's mean recall reaches " + SweepCharts.HIGH_RECALL + " (else its best). Bars on the left are the "
                            + "hard queries that the mean hides." + choice);
        }

        add(charts, ids, "build-time-vs-m", SweepCharts.buildTimeVsM(results), WIDTH, HEIGHT,
                "Wall-clock seconds to build each index, grouped by M, one bar colour per efConstruction. "
                        + "Build time grows with both; weigh it against the recall the larger values buy.");
        add(charts, ids, "index-bytes-per-vector", SweepCharts.indexBytesPerVector(results), WIDTH,
                Math.min(1200, Math.max(380, 190 + 48 * runs.size())),
                "Memory per indexed vector, split into the vectors themselves, the graph's neighbour links and the rest. "
                        + "Links grow with M (2·M per node on level 0).");

        for (ChartRun run : detailed) {
            if (run.run().statistics() == null) {
                continue;
            }
            String slug = slug(run.name());
            add(charts, ids, "nodes-per-level-" + slug, SweepCharts.nodesPerLevel(run), WIDTH, RUN_CHART_HEIGHT,
                    "Nodes on each level of the graph (log scale) beside the count the random level draw expects; "
                            + "a close match means levels were assigned as HNSW intends." + choice);
            add(charts, ids, "degree-level-0-" + slug, SweepCharts.degreeHistogram(run, 0), WIDTH, RUN_CHART_HEIGHT,
                    "How many level-0 nodes have each number of out-links, up to the limit 2·M. "
                            + "Many nodes far below the limit mean a sparsely connected graph." + choice);
            add(charts, ids, "unreachable-" + slug, SweepCharts.unreachableNodes(run), WIDTH, RUN_CHART_HEIGHT,
                    "Live nodes per level that no path from the entry point reaches; a search can never return them. "
                            + "Anything above zero costs recall." + choice);
        }
        return List.copyOf(charts);
    }

    /** {@link #charts} drawn as SVG documents. */
    public static List<RenderedChart> render(List<SweepResults> results) {
        return charts(results).stream().map(ReportChart::render).toList();
    }

    /**
     * Draws every chart of {@link #charts} into {@code folder} (created when missing) as
     * {@code id.png} and {@code id.svg}, and returns them rendered, SVG text included, in reading order.
     */
    public static List<RenderedChart> writeAll(List<SweepResults> results, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<RenderedChart> rendered = new ArrayList<>();
        for (ReportChart chart : charts(results)) {
            RenderedChart svg = chart.render();
            ChartExport.writeSvgText(svg.svg(), folder.resolve(chart.id() + ".svg"));
            ChartExport.writePng(chart.chart(), folder.resolve(chart.id() + ".png"), chart.width(), chart.height());
            rendered.add(svg);
        }
        return List.copyOf(rendered);
    }

    /**
     * The runs that get per-run charts, in their original order: all of them when few, else the
     * {@value #MAX_DETAILED_RUNS} fastest at the efSearch where they first reach high recall, then
     * those with the most recall.
     */
    static List<ChartRun> detailedRuns(List<ChartRun> runs) {
        if (runs.size() <= MAX_DETAILED_RUNS) {
            return runs;
        }
        Comparator<ChartRun> mostRelevantFirst = Comparator
                .comparing((ChartRun run) -> !reachesHighRecall(run.run()))
                .thenComparing(Comparator.comparingDouble((ChartRun run) -> qpsAtTelltale(run.run())).reversed())
                .thenComparing(Comparator.comparingDouble((ChartRun run) -> bestRecall(run.run())).reversed());
        Set<ChartRun> chosen = new HashSet<>(runs.stream().sorted(mostRelevantFirst).limit(MAX_DETAILED_RUNS).toList());
        return runs.stream().filter(chosen::contains).toList();
    }

    private static boolean reachesHighRecall(RunResult run) {
        return bestRecall(run) >= SweepCharts.HIGH_RECALL;
    }

    private static double bestRecall(RunResult run) {
        return run.points().stream().mapToDouble(SweepPoint::recall).max().orElse(0);
    }

    private static double qpsAtTelltale(RunResult run) {
        int efSearch = SweepCharts.telltaleEfSearch(run);
        return run.points().stream().filter(point -> point.efSearch() == efSearch).mapToDouble(SweepPoint::qps)
                .max().orElse(0);
    }

    private static void add(List<ReportChart> charts, Set<String> ids, String id,
                            JFreeChart chart, int width, int height, String caption) {
        String unique = id;
        for (int copy = 2; !ids.add(unique); copy++) {
            unique = id + "-" + copy;
        }
        charts.add(new ReportChart(unique, chart.getTitle().getText(), caption, chart, width, height));
    }

    /** Lower-case letters, digits and single dashes: safe in file names and as XML ids. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "run" : slug;
    }
}
