package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.RowIds;
import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.IndexStatistics;
import io.hnswbench.engine.Metric;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Builds an index on the open dataset with the parameters the user sets, showing inserts per
 * second live, then the build time, the memory and the layer statistics. The built index becomes
 * the workspace's, for the Graph and Search screens.
 */
@Component
@Order(2)
class BuildScreen implements Screen {

    private final Workspace workspace;
    private final Jobs jobs;
    private final UserChoices choices;

    private Field<Integer> m;
    private Field<Integer> efConstruction;
    private Field<Integer> efSearch;
    private Field<Integer> maxLevel;
    private Field<Long> seed;
    private Field<Integer> threads;
    private ChoiceBox<Metric> metric;
    private Form form;
    private JobPanel panel;
    private Label rate;
    private Label summary;
    private Label memory;
    private Label graph;
    private LevelTable levels;
    private final XYSeries insertRate = new XYSeries("inserts per second", false, true);

    public BuildScreen(Workspace workspace, Jobs jobs, UserChoices choices) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.choices = choices;
    }

    @Override
    public String title() {
        return "Build";
    }

    @Override
    public Node content() {
        form = new Form(choices, "build");
        metric = form.choice("Metric", "metric", List.of(Metric.values()), Metric.COSINE,
                value -> value.name().toLowerCase(Locale.ROOT));
        m = form.integer("M (links per node)", "m", 16, 2, 512);
        efConstruction = form.integer("efConstruction", "ef-construction", 200, 1, 10_000);
        efSearch = form.integer("efSearch (default)", "ef-search", 64, 1, 10_000);
        maxLevel = form.integer("Max level", "max-level", 16, 0, 63);
        seed = form.wholeNumber("Seed", "seed", 42);
        int cores = Runtime.getRuntime().availableProcessors();
        threads = form.integer("Threads", "threads", cores, 1, 4 * cores);

        Button build = new Button("Build");
        build.setId("build-start");
        build.setDefaultButton(true);
        panel = new JobPanel("build");
        build.disableProperty().bind(panel.runningProperty().or(workspace.datasetProperty().isNull()));
        build.setOnAction(_ -> startBuild());

        Label heading = new Label("Build an index");
        heading.getStyleClass().add("heading");
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        workspace.datasetProperty().addListener((_, _, open) -> datasetChanged(open, hint));
        datasetChanged(workspace.dataset(), hint);

        rate = new Label("—");
        rate.setId("build-rate");
        rate.getStyleClass().add("figure");
        summary = new Label("No index built yet.");
        summary.setId("build-summary");
        summary.setWrapText(true);
        memory = new Label();
        memory.setId("build-memory");
        memory.setWrapText(true);
        graph = new Label();
        graph.setId("build-graph");
        graph.setWrapText(true);
        levels = new LevelTable("build-levels");

        VBox left = new VBox(10, heading, hint, form, build, panel, new Label("Inserts per second (live):"), rate);
        left.getStyleClass().add("screen");
        left.setMinWidth(430);
        ChartPane chart = new ChartPane("build-rate-chart");
        chart.show(rateChart());
        Label resultsHeading = new Label("Last build");
        resultsHeading.getStyleClass().add("heading");
        VBox right = new VBox(8, chart, resultsHeading, summary, memory, graph, levels);
        right.setPadding(new Insets(12));
        workspace.indexProperty().addListener((_, _, index) -> showIndex(index));
        showIndex(workspace.index());

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.4);
        return split;
    }

    /** The metric follows the dataset: its ground truth was computed under its own metric. */
    private void datasetChanged(Workspace.OpenDataset open, Label hint) {
        if (open == null) {
            hint.setText("Open a dataset first (Datasets tab).");
            return;
        }
        Dataset dataset = open.dataset();
        metric.setValue(dataset.metric());
        hint.setText(String.format(Locale.ROOT, "Indexes the %,d base vectors (%d dimensions) of %s. Its ground truth "
                + "is for %s distance.", dataset.base().rows(), dataset.dimension(), dataset.name(),
                dataset.metric().name().toLowerCase(Locale.ROOT)));
    }

    /** Checks the form and starts the build; does nothing (but show the problems) when a field is bad. */
    void startBuild() {
        Workspace.OpenDataset open = workspace.dataset();
        if (open == null || !form.check()) {
            return;
        }
        form.remember();
        BuildSettings settings = new BuildSettings(metric.getValue(), m.value(), efConstruction.value(), efSearch.value(),
                maxLevel.value(), seed.value(), threads.value());
        insertRate.clear();
        rate.setText("—");
        jobs.start(new BuildTask(open.dataset(), settings), panel);
    }

    /** The form's values, checked. */
    private record BuildSettings(Metric metric, int m, int efConstruction, int efSearch, int maxLevel, long seed,
                                 int threads) {

        HnswIndex newIndex(int dimension) {
            return HnswIndex.builder(dimension).metric(metric).m(m).efConstruction(efConstruction).efSearch(efSearch)
                    .maxLevel(maxLevel).seed(seed).build();
        }

        String describe() {
            return String.format(Locale.ROOT, "built: %s, M=%d, efC=%d, efSearch=%d, max level %d, seed %d, %d thread%s",
                    metric.name().toLowerCase(Locale.ROOT), m, efConstruction, efSearch, maxLevel, seed, threads,
                    threads == 1 ? "" : "s");
        }
    }

    /** Builds the index on a job thread and hands it to the workspace when done. */
    private final class BuildTask extends JobTask<Workspace.ActiveIndex> {

        private final Dataset dataset;
        private final BuildSettings settings;
        /** The newest rate sample not yet drawn; the FX thread takes it, so updates coalesce. */
        private final AtomicReference<InsertRateMeter.Sample> pending = new AtomicReference<>();

        BuildTask(Dataset dataset, BuildSettings settings) {
            this.dataset = dataset;
            this.settings = settings;
        }

        @Override
        protected Workspace.ActiveIndex call() {
            int rows = dataset.base().rows();
            say(String.format(Locale.ROOT, "Building %s on %,d vectors", settings.describe(), rows));
            HnswIndex index = settings.newIndex(dataset.dimension());
            long start = System.nanoTime();
            InsertRateMeter meter = new InsertRateMeter(start);
            try {
                index.addAll(RowIds.of(rows), dataset.base().data(), settings.threads(), (inserted, total) -> {
                    InsertRateMeter.Sample sample = meter.record(inserted, total, System.nanoTime());
                    if (sample != null) {
                        progress(String.format(Locale.ROOT, "Inserted %,d of %,d vectors", inserted, total), inserted,
                                total);
                        if (pending.getAndSet(sample) == null) {
                            Platform.runLater(this::drawRate);
                        }
                    }
                });
            } catch (CancellationException | IllegalArgumentException stopped) {
                index.close();
                throw stopped;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            say("Collecting the layer statistics");
            IndexStatistics statistics = index.statistics();
            say(String.format(Locale.ROOT, "Built %,d vectors in %s", rows, IndexFigures.duration(took)));
            return new Workspace.ActiveIndex(index, settings.describe(), took, statistics, null);
        }

        private void drawRate() {
            InsertRateMeter.Sample sample = pending.getAndSet(null);
            if (sample != null) {
                insertRate.add(sample.seconds(), sample.perSecond());
                rate.setText(String.format(Locale.ROOT, "%,.0f inserts/s · %,d of %,d", sample.perSecond(),
                        sample.inserted(), sample.total()));
            }
        }

        @Override
        protected void succeeded() {
            drawRate();
            if (!workspace.offerIndex(getValue(), dataset)) {
                say("Built, then discarded: another dataset was opened meanwhile");
            }
        }
    }

    private void showIndex(Workspace.ActiveIndex index) {
        if (index == null) {
            summary.setText("No index built yet.");
            memory.setText("");
            graph.setText("");
            levels.show(null);
            return;
        }
        IndexStatistics statistics = index.statistics();
        if (index.buildTime() != null) {
            double seconds = index.buildTime().toNanos() / 1e9;
            summary.setText(String.format(Locale.ROOT, "Build time %s, %,.0f inserts/s on average (%s).",
                    IndexFigures.duration(index.buildTime()), statistics.size() / Math.max(seconds, 1e-9), index.origin()));
        } else {
            summary.setText("Not built here: " + index.origin() + ".");
        }
        memory.setText("Memory: " + IndexFigures.memory(statistics));
        graph.setText("Graph: " + IndexFigures.graph(statistics));
        levels.show(statistics);
    }

    private JFreeChart rateChart() {
        JFreeChart chart = ChartFactory.createXYLineChart("Inserts per second during the last build",
                "Seconds since the build started", "Inserts per second", new XYSeriesCollection(insertRate),
                PlotOrientation.VERTICAL, false, true, false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        chart.getXYPlot().setNoDataMessage("Press Build: the insert rate is drawn here as the index grows");
        return chart;
    }
}
