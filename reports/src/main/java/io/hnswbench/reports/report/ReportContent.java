package io.hnswbench.reports.report;

import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.SweepResults.DatasetSummary;
import io.hnswbench.reports.SweepResults.EnvironmentInfo;
import io.hnswbench.reports.report.Block.Cell;
import io.hnswbench.reports.report.Block.Code;
import io.hnswbench.reports.report.Block.Column;
import io.hnswbench.reports.report.Block.Figure;
import io.hnswbench.reports.report.Block.Heading;
import io.hnswbench.reports.report.Block.Legend;
import io.hnswbench.reports.report.Block.Note;
import io.hnswbench.reports.report.Block.Paragraph;
import io.hnswbench.reports.report.Block.Shade;
import io.hnswbench.reports.report.Block.Span;
import io.hnswbench.reports.report.Block.Swatch;
import io.hnswbench.reports.report.Block.Table;
import io.hnswbench.reports.report.Comparison.DatasetGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a report says, as {@link Block}s: title, dataset, environment, parameters and how to run
 * the sweep again, recommendations, the efSearch heat map, the charts, and every run's points.
 * Sections follow that order; inside a section, content is grouped by dataset when the sweeps
 * measured more than one.
 */
final class ReportContent {

    /** The recall the heat map asks for. */
    static final double HEAT_MAP_TARGET = 0.95;

    /** Light yellow → green → dark blue (ColorBrewer YlGnBu): little search effort is light. */
    private static final int[][] HEAT_RAMP = {
            {0xff, 0xff, 0xcc}, {0xa1, 0xda, 0xb4}, {0x41, 0xb6, 0xc4}, {0x2c, 0x7f, 0xb8}, {0x25, 0x34, 0x94}};

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private final Comparison comparison;
    private final List<RenderedChart> charts;
    private final Path outFolder;
    private final Map<DatasetGroup, String> datasetLabels;
    private final Set<String> anchors = new HashSet<>();
    private final List<Block> blocks = new ArrayList<>();

    private ReportContent(Comparison comparison, List<RenderedChart> charts, Path outFolder) {
        this.comparison = comparison;
        this.charts = List.copyOf(charts);
        this.outFolder = outFolder;
        this.datasetLabels = datasetLabels(comparison.datasets());
    }

    /** The blocks of a report on {@code comparison}, written to {@code outFolder}. */
    static List<Block> of(Comparison comparison, List<RenderedChart> charts, Path outFolder) {
        ReportContent content = new ReportContent(comparison, charts, outFolder);
        content.title();
        content.datasets();
        content.environments();
        content.parameters();
        content.recommendations();
        content.engines();
        content.heatMaps();
        content.charts();
        content.runs();
        return List.copyOf(content.blocks);
    }

    /** The report's title, also the HTML page title. */
    static String title(Comparison comparison) {
        String names = comparison.datasets().stream()
                .map(group -> Format.text(group.dataset().name()))
                .distinct()
                .collect(Collectors.joining(", "));
        return (comparison.datasetsDiffer() ? "HNSW comparison: " : "HNSW sweep: ") + names;
    }

    // ---- sections

    private void title() {
        heading(1, title(comparison));
        List<String> days = comparison.sweeps().stream()
                .map(sweep -> sweep.environment() == null ? Format.NONE : Format.day(sweep.environment().startedAt()))
                .distinct()
                .toList();
        int runs = comparison.sweeps().stream().mapToInt(sweep -> sweep.runs().size()).sum();
        int sweeps = comparison.sweeps().size();
        String when = days.size() == 1 ? days.getFirst() : days.getFirst() + " to " + days.getLast();
        blocks.add(Paragraph.of((sweeps == 1 ? "Sweep of " : sweeps + " sweeps of ") + when + " · "
                + plural(runs, "index", "indexes") + " built · "
                + plural(comparison.datasets().size(), "dataset", "datasets")));
        if (comparison.datasetsDiffer()) {
            blocks.add(new Note(true, "Different datasets.",
                    "These sweeps measured " + comparison.datasets().size() + " different datasets ("
                            + String.join("; ", datasetLabels.values()) + "). Recall and speed on different data do"
                            + " not compare, so every section below is grouped by dataset and recommendations are"
                            + " made per dataset."));
        }
        for (SweepResults sweep : comparison.sweeps()) {
            if (sweep.cancelled()) {
                blocks.add(new Note(true, "Partial results.", sweepName(sweep) + " was cancelled before it finished: "
                        + "the results are partial (" + finishedOfPlanned(sweep) + " builds finished). Configurations"
                        + " that were not measured cannot be recommended."));
            }
        }
    }

    private void datasets() {
        heading(2, comparison.datasetsDiffer() ? "Datasets" : "Dataset");
        List<DatasetGroup> groups = comparison.datasets();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(propertyRow("Name", groups, group -> Format.text(group.dataset().name())));
        rows.add(propertyRow("Metric", groups, group -> Format.text(group.dataset().metric())));
        rows.add(propertyRow("Dimension", groups, group -> Format.count(group.dataset().dimension())));
        rows.add(propertyRow("Base vectors", groups, group -> Format.count(group.dataset().baseCount())));
        rows.add(propertyRow("Base vectors used", groups,
                group -> group.limit() > 0 && group.limit() < group.dataset().baseCount()
                        ? "first " + Format.count(group.limit()) : "all"));
        rows.add(propertyRow("Query vectors", groups, group -> Format.count(group.dataset().queryCount())));
        rows.add(propertyRow("Ground truth depth (gt_k)", groups, group -> Format.count(group.dataset().gtK())));
        rows.add(propertyRow("Folder", groups, group -> Format.text(group.dataset().folder())));
        rows.add(propertyRow("Sweeps", groups, group -> group.sweeps().stream()
                .map(sweep -> Integer.toString(comparison.numberOf(sweep)))
                .collect(Collectors.joining(", "))));
        blocks.add(propertyTable(groups.size() == 1 ? List.of("Value") : groups.stream().map(datasetLabels::get).toList(),
                rows));
    }

    private void environments() {
        heading(2, "Environment");
        List<SweepResults> sweeps = comparison.sweeps();
        List<List<Cell>> rows = new ArrayList<>();
        if (comparison.datasetsDiffer()) {
            rows.add(propertyRow("Dataset", sweeps, sweep -> datasetLabels.get(groupOf(sweep))));
        }
        rows.add(propertyRow("Started", sweeps, ofEnvironment(env -> Format.instant(env.startedAt()))));
        rows.add(propertyRow("JDK", sweeps, ofEnvironment(env -> Format.text(env.jdk()))));
        rows.add(propertyRow("VM", sweeps, ofEnvironment(env -> Format.text(env.vm()))));
        rows.add(propertyRow("CPU", sweeps, ofEnvironment(env -> Format.text(env.cpu()))));
        rows.add(propertyRow("Cores", sweeps, ofEnvironment(env -> Format.count(env.cores()))));
        rows.add(propertyRow("Vector kernels", sweeps, ofEnvironment(env -> Format.text(env.vectorSpecies()))));
        rows.add(propertyRow("Max heap", sweeps, ofEnvironment(env -> Format.gibibytes(env.maxHeapBytes()))));
        rows.add(propertyRow("OS", sweeps, ofEnvironment(env -> Format.text(env.os()))));
        // One row per engine that said how it ran (a peer's version, whether its SIMD path was on).
        sweeps.stream().flatMap(sweep -> sweep.environment() == null ? java.util.stream.Stream.<String>empty()
                        : sweep.environment().engineNotes().keySet().stream())
                .distinct()
                .forEach(engine -> rows.add(propertyRow("Engine " + engine, sweeps,
                        ofEnvironment(env -> Format.text(env.engineNotes().getOrDefault(engine, Format.NONE))))));
        blocks.add(propertyTable(sweepColumns(), rows));
    }

    private void parameters() {
        heading(2, "Parameters");
        List<SweepResults> sweeps = comparison.sweeps();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(propertyRow("Engine", sweeps, ofParameters(p -> Format.text(String.join(", ", p.engines())))));
        rows.add(propertyRow("M", sweeps, ofParameters(p -> spacedList(p.m()))));
        rows.add(propertyRow("efConstruction", sweeps, ofParameters(p -> spacedList(p.efConstruction()))));
        rows.add(propertyRow("efSearch", sweeps, ofParameters(p -> spacedList(p.efSearch()))));
        rows.add(propertyRow("k (recall@k)", sweeps, ofParameters(p -> Format.count(p.k()))));
        rows.add(propertyRow("Build threads", sweeps, ofParameters(p -> Format.count(p.buildThreads()))));
        rows.add(propertyRow("Search threads", sweeps, ofParameters(p -> Format.count(p.searchThreads())
                + (p.searchThreads() == 1 ? " (QPS is single-thread)" : " (QPS is throughput)"))));
        rows.add(propertyRow("Base vector limit", sweeps,
                ofParameters(p -> p.limit() > 0 ? Format.count(p.limit()) : "none (all)")));
        rows.add(propertyRow("Level seed", sweeps, ofParameters(p -> Long.toString(p.seed()))));
        rows.add(propertyRow("Warm-up queries", sweeps, ofParameters(p -> Format.count(p.warmUpQueries()))));
        rows.add(propertyRow("Builds finished", sweeps, this::finishedOfPlanned));
        blocks.add(propertyTable(sweepColumns(), rows));

        for (SweepResults sweep : sweeps) {
            if (sweep.parameters() == null) {
                blocks.add(Paragraph.of(sweepName(sweep) + " did not record its parameters, so it cannot be run"
                        + " again from this report."));
                continue;
            }
            blocks.add(Paragraph.of(Span.plain(sweeps.size() == 1 ? "To run this sweep again:"
                    : "To run " + sweepName(sweep) + " again:")));
            blocks.add(new Code(rerunCommand(sweep, rerunFolder(sweep))));
        }
    }

    private void recommendations() {
        heading(2, "Recommendations");
        blocks.add(Paragraph.of("For each target recall@" + kOf(comparison.sweeps()) + ", the configuration with the"
                + " most queries per second among all measured points that reach it. On equal QPS the smaller index"
                + " wins, then the faster build. Recall is shown truncated, never rounded up."));
        for (DatasetGroup group : comparison.datasets()) {
            datasetHeading(3, group);
            boolean showSweep = comparison.sweeps().size() > 1;
            List<Column> columns = new ArrayList<>(List.of(Column.number("Target recall"), Column.text("Engine"),
                    Column.number("M"), Column.number("efConstruction"), Column.number("efSearch"),
                    Column.number("Recall"), Column.number("QPS"), Column.number("Build time"),
                    Column.number("Index memory")));
            if (showSweep) {
                columns.add(Column.number("Sweep"));
            }
            List<List<Cell>> rows = new ArrayList<>();
            for (Recommendation recommendation : group.recommendations()) {
                List<Cell> row = new ArrayList<>();
                row.add(Cell.label("≥ " + Format.target(recommendation.targetRecall())));
                recommendation.choice().ifPresentOrElse(choice -> {
                    row.add(Cell.of(Format.text(choice.engine())));
                    row.add(Cell.of(Format.count(choice.m())));
                    row.add(Cell.of(Format.count(choice.efConstruction())));
                    row.add(Cell.of(Format.count(choice.efSearch())));
                    row.add(Cell.of(Format.recall(choice.recall())));
                    row.add(Cell.of(Format.qps(choice.qps())));
                    row.add(Cell.of(Format.seconds(choice.buildSeconds())));
                    row.add(Cell.of(Format.mebibytes(choice.indexBytes())));
                    if (showSweep) {
                        row.add(Cell.of(Integer.toString(comparison.numberOf(choice.sweep()))));
                    }
                }, () -> row.add(Cell.spanning("none reached: no measured point has recall ≥ "
                        + Format.target(recommendation.targetRecall()), columns.size() - 1)));
                rows.add(row);
            }
            blocks.add(new Table("recommendations", columns, rows));
            if (measuredOnDifferentMachines(group)) {
                blocks.add(new Note(false, "Different machines.", "The sweeps of this dataset ran on different"
                        + " machines or runtimes (see Environment); their QPS are compared as measured."));
            }
        }
    }

    /** When several engines ran on one dataset: each engine's best at every target, side by side. */
    private void engines() {
        List<DatasetGroup> raced = comparison.datasets().stream().filter(group -> group.engines().size() > 1).toList();
        if (raced.isEmpty()) {
            return;
        }
        heading(2, "Engines compared");
        blocks.add(Paragraph.of("Each engine's most queries per second among its points that reach the target recall"
                + " (efSearch and M of that point in brackets), its fastest build and its smallest index per vector."
                + " Engines ran one after another on the same grid, machine and query set."));
        for (DatasetGroup group : raced) {
            datasetHeading(3, group);
            List<Column> columns = new ArrayList<>(List.of(Column.text("Engine")));
            for (double target : Recommendation.TARGET_RECALLS) {
                columns.add(Column.number("QPS at ≥ " + Format.target(target)));
            }
            columns.add(Column.number("Fastest build"));
            columns.add(Column.number("Bytes per vector"));
            List<List<Cell>> rows = new ArrayList<>();
            for (String engine : group.engines()) {
                List<Cell> row = new ArrayList<>(List.of(Cell.label(Format.text(engine))));
                for (Recommendation best : group.recommendations(engine)) {
                    row.add(Cell.of(best.choice().map(choice -> Format.qps(choice.qps()) + " (ef " + choice.efSearch()
                            + ", M " + choice.m() + ")").orElse("not reached")));
                }
                List<RunResult> runs = group.runs().stream().filter(run -> run.engine().equals(engine)).toList();
                row.add(Cell.of(Format.seconds(runs.stream().mapToDouble(RunResult::buildSeconds).min().orElse(0))));
                row.add(Cell.of(Format.count(Math.round((double) runs.stream().mapToLong(RunResult::indexBytes).min()
                        .orElse(0) / Math.max(1, group.dataset().baseCount())))));
                rows.add(row);
            }
            blocks.add(new Table("engines", columns, rows));
        }
    }

    private void heatMaps() {
        heading(2, "efSearch needed for recall ≥ " + Format.target(HEAT_MAP_TARGET));
        blocks.add(Paragraph.of("Each cell is the smallest efSearch whose recall@" + kOf(comparison.sweeps())
                + " reaches " + Format.target(HEAT_MAP_TARGET) + " for the index built with that M (row) and"
                + " efConstruction (column), and the recall measured there. Lighter cells need less search"
                + " effort. \"not reached\" means no efSearch of the grid was enough (the best recall is"
                + " given); \"not run\" means no index was built with those settings."));
        for (DatasetGroup group : comparison.datasets()) {
            List<RecallHeatMap> maps = group.heatMaps(HEAT_MAP_TARGET);
            for (RecallHeatMap map : maps) {
                if (comparison.datasetsDiffer() || maps.size() > 1) {
                    heading(3, (comparison.datasetsDiffer() ? datasetLabels.get(group) + " · " : "")
                            + "engine " + Format.text(map.engine()));
                }
                heatMap(map);
            }
        }
    }

    private void heatMap(RecallHeatMap map) {
        Map<Integer, String> colours = heatColours(map.efSearchValues());
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("M \\ efConstruction"));
        map.efConstructionValues().forEach(efConstruction -> columns.add(Column.number(Format.count(efConstruction))));
        List<List<Cell>> rows = new ArrayList<>();
        for (int m : map.mValues()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.label("M = " + m));
            for (int efConstruction : map.efConstructionValues()) {
                RecallHeatMap.Cell cell = map.cell(m, efConstruction);
                row.add(switch (cell.status()) {
                    case REACHED -> new Cell(Format.count(cell.efSearch()), false, Format.recall(cell.recall()), 1,
                            colours.get(cell.efSearch()), Shade.NONE);
                    case NOT_REACHED -> new Cell("not reached", false, "best " + Format.recall(cell.recall()), 1, null,
                            Shade.NOT_REACHED);
                    case NOT_RUN -> new Cell("not run", false, null, 1, null, Shade.NOT_RUN);
                });
            }
            rows.add(row);
        }
        blocks.add(new Table("heatmap", columns, rows));
        List<Swatch> swatches = new ArrayList<>();
        map.efSearchValues().forEach(efSearch -> swatches.add(new Swatch(Format.count(efSearch), colours.get(efSearch),
                Shade.NONE)));
        swatches.add(new Swatch("not reached", null, Shade.NOT_REACHED));
        swatches.add(new Swatch("not run", null, Shade.NOT_RUN));
        blocks.add(new Legend("efSearch", swatches));
    }

    private void charts() {
        heading(2, "Charts");
        if (charts.isEmpty()) {
            blocks.add(Paragraph.of("No charts were drawn for this report."));
        }
        charts.forEach(chart -> blocks.add(new Figure(chart)));
    }

    private void runs() {
        heading(2, "Runs");
        blocks.add(Paragraph.of("Every index built and every efSearch it was searched with. Latencies are per query;"
                + " distance computations and hops are means per query."));
        for (DatasetGroup group : comparison.datasets()) {
            datasetHeading(3, group);
            for (SweepResults sweep : group.sweeps()) {
                String prefix = comparison.sweeps().size() > 1 ? sweepName(sweep) + " · " : "";
                for (RunResult run : sweep.runs()) {
                    heading(4, prefix + run.label());
                    run(run, sweep);
                }
                if (sweep.cancelled()) {
                    blocks.add(new Note(true, "Partial results.", sweepName(sweep) + " was cancelled; the runs above"
                            + " are the ones that finished."));
                }
            }
        }
    }

    private void run(RunResult run, SweepResults sweep) {
        GraphStatistics statistics = run.statistics();
        String bytesPerVector = statistics != null && statistics.size() > 0
                ? Format.count(Math.round((double) run.indexBytes() / statistics.size())) + " bytes/vector"
                : Format.NONE + " bytes/vector";
        String levels = statistics == null ? Format.NONE + " levels" : plural(statistics.levels().size(), "level",
                "levels");
        String vectors = statistics == null ? "" : " · " + Format.count(statistics.size()) + " vectors";
        blocks.add(Paragraph.of(Span.plain("Built in "), Span.strong(Format.seconds(run.buildSeconds())),
                Span.plain(" with " + plural(run.buildThreads(), "thread", "threads") + " · index "),
                Span.strong(Format.mebibytes(run.indexBytes())),
                Span.plain(" · " + bytesPerVector + " · " + levels + vectors)));
        String k = run.points().isEmpty() ? kOf(List.of(sweep)) : Integer.toString(run.points().getFirst().k());
        List<Column> columns = List.of(Column.number("efSearch"), Column.number("Recall@" + k), Column.number("QPS"),
                Column.number("Mean"), Column.number("p50"), Column.number("p95"), Column.number("p99"),
                Column.number("p99.9"), Column.number("Distances/query"), Column.number("Hops/query"));
        List<List<Cell>> rows = new ArrayList<>();
        for (SweepPoint point : run.points()) {
            rows.add(List.of(Cell.label(Format.count(point.efSearch())), Cell.of(Format.recall(point.recall())),
                    Cell.of(Format.qps(point.qps())), Cell.of(Format.micros(point.meanLatencyMicros())),
                    Cell.of(Format.micros(point.p50Micros())), Cell.of(Format.micros(point.p95Micros())),
                    Cell.of(Format.micros(point.p99Micros())), Cell.of(Format.micros(point.p999Micros())),
                    Cell.of(Format.mean(point.distanceComputationsPerQuery())),
                    Cell.of(Format.mean(point.hopsPerQuery()))));
        }
        if (rows.isEmpty()) {
            rows.add(List.of(Cell.spanning("no efSearch was measured", columns.size())));
        }
        blocks.add(new Table("points", columns, rows));
    }

    // ---- the re-run command

    /** {@code ./workbench sweep ...} with the sweep's grid and settings, writing to {@code out}. */
    static String rerunCommand(SweepResults sweep, String out) {
        SweepParameters p = sweep.parameters();
        List<String> words = new ArrayList<>(List.of("./workbench", "sweep",
                "--dataset", shellWord(Format.text(sweep.dataset().folder())),
                "--engine", shellWord(Format.text(String.join(",", p.engines()))),
                "--m", list(p.m()),
                "--ef-construction", list(p.efConstruction()),
                "--ef-search", list(p.efSearch()),
                "--k", Integer.toString(p.k()),
                "--build-threads", Integer.toString(p.buildThreads()),
                "--search-threads", Integer.toString(p.searchThreads())));
        if (p.limit() > 0) {
            words.addAll(List.of("--limit", Integer.toString(p.limit())));
        }
        words.addAll(List.of("--seed", Long.toString(p.seed()), "--warm-up", Integer.toString(p.warmUpQueries()),
                "--out", shellWord(out)));
        return String.join(" ", words);
    }

    /** The report's folder for a single sweep; a subfolder per sweep when several are merged. */
    private String rerunFolder(SweepResults sweep) {
        Path folder = comparison.sweeps().size() == 1 ? outFolder
                : outFolder.resolve("sweep-" + comparison.numberOf(sweep));
        return folder.toString();
    }

    /** {@code word} as one POSIX shell word: as is when safe, else single-quoted. */
    static String shellWord(String word) {
        if (SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    // ---- helpers

    private void heading(int level, String text) {
        blocks.add(new Heading(level, text, anchor(text)));
    }

    private void datasetHeading(int level, DatasetGroup group) {
        if (comparison.datasetsDiffer()) {
            heading(level, "Dataset " + datasetLabels.get(group));
        }
    }

    /** A fragment id of {@code [a-z0-9-]}, unique in the report. */
    private String anchor(String text) {
        String base = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "section";
        }
        String anchor = base;
        for (int n = 2; !anchors.add(anchor); n++) {
            anchor = base + "-" + n;
        }
        return anchor;
    }

    /** Whether the speed of the group's sweeps was measured on more than one CPU, core count, JDK or kernel. */
    private static boolean measuredOnDifferentMachines(DatasetGroup group) {
        return group.sweeps().stream()
                .map(sweep -> sweep.environment() == null ? List.of() : List.of(Format.text(sweep.environment().cpu()),
                        sweep.environment().cores(), Format.text(sweep.environment().jdk()),
                        Format.text(sweep.environment().vectorSpecies())))
                .distinct()
                .count() > 1;
    }

    private DatasetGroup groupOf(SweepResults sweep) {
        return comparison.datasets().stream()
                .filter(group -> group.sweeps().stream().anyMatch(member -> member == sweep))
                .findFirst()
                .orElseThrow();
    }

    private String sweepName(SweepResults sweep) {
        return comparison.sweeps().size() == 1 ? "The sweep" : "Sweep " + comparison.numberOf(sweep);
    }

    private List<String> sweepColumns() {
        if (comparison.sweeps().size() == 1) {
            return List.of("Value");
        }
        return comparison.sweeps().stream().map(sweep -> "Sweep " + comparison.numberOf(sweep)).toList();
    }

    private String finishedOfPlanned(SweepResults sweep) {
        int finished = sweep.runs().size();
        if (sweep.parameters() == null) {
            return Format.count(finished);
        }
        int planned = sweep.parameters().engines().size() * sweep.parameters().m().size()
                * sweep.parameters().efConstruction().size();
        return Format.count(finished) + " of " + Format.count(planned);
    }

    /** A sweep's environment field, or the missing-value mark when it recorded no environment. */
    private static Function<SweepResults, String> ofEnvironment(Function<EnvironmentInfo, String> field) {
        return sweep -> sweep.environment() == null ? Format.NONE : field.apply(sweep.environment());
    }

    /** A sweep's parameter, or the missing-value mark when it recorded no parameters. */
    private static Function<SweepResults, String> ofParameters(Function<SweepParameters, String> field) {
        return sweep -> sweep.parameters() == null ? Format.NONE : field.apply(sweep.parameters());
    }

    private static <T> List<Cell> propertyRow(String property, List<T> columns, Function<T, String> value) {
        List<Cell> row = new ArrayList<>();
        row.add(Cell.label(property));
        columns.forEach(column -> row.add(Cell.of(value.apply(column))));
        return row;
    }

    private static Table propertyTable(List<String> valueHeaders, List<List<Cell>> rows) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("Property"));
        valueHeaders.forEach(header -> columns.add(Column.text(header)));
        return new Table("properties", columns, rows);
    }

    /** Names that tell the datasets apart: the name, with its shape added when two share a name. */
    private static Map<DatasetGroup, String> datasetLabels(List<DatasetGroup> groups) {
        Map<String, Long> byName = groups.stream()
                .collect(Collectors.groupingBy(group -> Format.text(group.dataset().name()), Collectors.counting()));
        Map<DatasetGroup, String> labels = new LinkedHashMap<>();
        for (DatasetGroup group : groups) {
            DatasetSummary dataset = group.dataset();
            String name = Format.text(dataset.name());
            if (byName.get(name) > 1) {
                int used = group.limit() > 0 ? Math.min(group.limit(), dataset.baseCount()) : dataset.baseCount();
                name += " (" + Format.text(dataset.metric()) + ", " + dataset.dimension() + "-d, "
                        + Format.count(used) + " base vectors)";
            }
            labels.put(group, name);
        }
        return labels;
    }

    /** The k of the sweeps' recall@k, or "k" when they differ. */
    private static String kOf(List<SweepResults> sweeps) {
        Set<Integer> ks = new LinkedHashSet<>();
        for (SweepResults sweep : sweeps) {
            if (sweep.parameters() != null) {
                ks.add(sweep.parameters().k());
            }
            sweep.runs().forEach(run -> run.points().forEach(point -> ks.add(point.k())));
        }
        return ks.size() == 1 ? Integer.toString(ks.iterator().next()) : "k";
    }

    /** Colours of the ramp spread over the efSearch values in order. */
    static Map<Integer, String> heatColours(List<Integer> efSearchValues) {
        Map<Integer, String> colours = new HashMap<>();
        for (int i = 0; i < efSearchValues.size(); i++) {
            double t = efSearchValues.size() == 1 ? 0 : (double) i / (efSearchValues.size() - 1);
            colours.put(efSearchValues.get(i), rampColour(t));
        }
        return colours;
    }

    private static String rampColour(double t) {
        double position = t * (HEAT_RAMP.length - 1);
        int low = Math.min((int) Math.floor(position), HEAT_RAMP.length - 2);
        double fraction = position - low;
        StringBuilder colour = new StringBuilder("#");
        for (int channel = 0; channel < 3; channel++) {
            int value = (int) Math.round(HEAT_RAMP[low][channel]
                    + fraction * (HEAT_RAMP[low + 1][channel] - HEAT_RAMP[low][channel]));
            colour.append(String.format(Locale.ROOT, "%02x", value));
        }
        return colour.toString();
    }

    /** Values as the command line takes them: {@code 8,16,32}. */
    private static String list(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Values as a person reads them: {@code 8, 16, 32}. */
    private static String spacedList(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String plural(long count, String one, String many) {
        return Format.count(count) + " " + (count == 1 ? one : many);
    }
}
