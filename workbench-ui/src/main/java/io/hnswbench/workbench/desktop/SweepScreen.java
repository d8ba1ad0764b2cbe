package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.MetricNames;
import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.peers.SweepEngines;
import io.hnswbench.reports.sweep.SweepEngine;
import io.hnswbench.reports.sweep.SweepRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Sweep screen: a grid of M × efConstruction × efSearch measured on the open dataset, as
 * {@code ./workbench sweep} measures it, with the recall-vs-QPS chart filling in point by point.
 * A finished (or cancelled, with points) sweep joins the workspace's runs; checked runs, this
 * session's and those loaded from results.json files, are overlaid on the charts and listed in
 * the table.
 */
@Component
@Order(5)
class SweepScreen implements Screen {

    static final String LOAD_FOLDER = "sweep.load-folder";

    private final Workspace workspace;
    private final Jobs jobs;
    private final UserChoices choices;

    private SweepGrid grid;
    private JobPanel panel;
    private Label problem;
    private RunChooser runs;
    private SweepChartTabs charts;
    private SweepTable table;
    /** The running sweep's results so far, drawn after the checked runs; null when none runs. */
    private SweepResults liveResults;

    public SweepScreen(Workspace workspace, Jobs jobs, UserChoices choices) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.choices = choices;
    }

    @Override
    public String title() {
        return "Sweep";
    }

    @Override
    public Node content() {
        grid = new SweepGrid(choices);
        panel = new JobPanel("sweep");
        Button run = new Button("Run sweep");
        run.setId("sweep-run");
        run.disableProperty().bind(panel.runningProperty());
        run.setOnAction(_ -> startSweep());
        Button load = new Button("Load results.json…");
        load.setId("sweep-load");
        load.disableProperty().bind(panel.runningProperty());
        load.setOnAction(_ -> chooseResultsFile());
        problem = new Label();
        problem.setId("sweep-problem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);

        runs = new RunChooser(workspace.runs(), "sweep-runs");
        runs.onChange(this::redraw);
        charts = new SweepChartTabs();
        table = new SweepTable();

        Label gridHeading = heading("Grid");
        Label runsHeading = heading("Runs on the charts");
        Label runsHint = new Label("This session's sweeps and loaded results.json files; check the ones to compare.");
        runsHint.getStyleClass().add("hint");
        runsHint.setWrapText(true);
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox form = new VBox(8, gridHeading, grid.form(), new HBox(8, run, load), problem, runsHeading, runsHint, runs);
        form.setPrefWidth(560);
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setFitToHeight(true);
        formScroll.setMinWidth(420);

        SplitPane results = new SplitPane(charts, table);
        results.setOrientation(Orientation.VERTICAL);
        results.setDividerPositions(0.62);
        SplitPane screen = new SplitPane(formScroll, results);
        screen.setDividerPositions(0.42);
        BorderPane root = new BorderPane(screen);
        root.setBottom(panel);
        BorderPane.setMargin(panel, new javafx.geometry.Insets(8, 0, 0, 0));
        root.getStyleClass().add("screen");

        redraw();
        jobs.start(grid.engines().probe(), panel);
        return root;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("heading");
        return heading;
    }

    /** Draws the checked runs, then the running sweep's points, on the charts and in the table. */
    private void redraw() {
        List<SweepResults> shown = new ArrayList<>(runs.checkedRuns());
        if (liveResults != null) {
            shown.add(liveResults);
        }
        charts.show(shown);
        table.show(shown);
    }

    /** Checks the form, then runs the sweep as {@code ./workbench sweep} does, on a job. */
    private void startSweep() {
        problem.setText("");
        Optional<SweepParameters> checked = grid.parameters();
        if (checked.isEmpty()) {
            return;
        }
        Workspace.OpenDataset open = workspace.dataset();
        if (open == null) {
            problem.setText("No dataset is open: open one on the Datasets screen, then run the sweep.");
            return;
        }
        SweepParameters parameters = checked.get();
        List<SweepEngine> engines;
        try {
            engines = SweepEngines.named(parameters.engines());
        } catch (IllegalArgumentException unknown) {
            problem.setText(unknown.getMessage());
            return;
        }
        grid.remember();
        SweepResults.DatasetSummary measuredOn = summary(open, parameters);
        JobTask<SweepResults> task = new JobTask<>() {
            private final LiveSweep live = new LiveSweep(this, LiveSweep.plannedPoints(parameters), measured -> showLive(measuredOn, parameters, measured));

            @Override
            protected SweepResults call() {
                say("Checking the grid against " + open.dataset().name());
                SweepResults results = null;
                try {
                    results = new SweepRunner(engines).run(open.dataset(), open.folder().toString(), parameters, live);
                    say(String.format("Measured %d run(s) of %s%s", results.runs().size(), open.dataset().name(),
                            results.cancelled() ? ", stopped early" : ""));
                    return results;
                } finally {
                    if (isCancelled()) {
                        // A cancelled task's success handler never runs: keep what finished from here.
                        SweepResults kept = results;
                        Platform.runLater(() -> keep(live, kept));
                    }
                }
            }

            @Override
            protected void succeeded() {
                keep(live, getValue());
            }

            @Override
            protected void failed() {
                keep(live, null);
                String why = Problems.describe(getException());
                problem.setText(why);
                Problems.showError(window(), "The sweep could not run", why);
            }
        };
        jobs.start(task, panel);
    }

    /** Shows the running sweep's runs so far; on the FX thread. */
    private void showLive(SweepResults.DatasetSummary measuredOn, SweepParameters parameters, List<RunResult> measured) {
        // The sweep's own environment is probed when it ends; the charts do not read it.
        liveResults = new SweepResults(measuredOn, null, parameters, measured, false);
        redraw();
    }

    /** Ends the live display and adds {@code results} to the workspace when it holds any run. */
    private void keep(LiveSweep live, SweepResults results) {
        live.stop();
        liveResults = null;
        if (results != null && !results.runs().isEmpty()) {
            workspace.runs().add(results); // redraws through the run list
        } else {
            redraw();
        }
    }

    /**
     * The dataset as the results will summarise it, for the live charts' subtitles: as the runner
     * does, a limited sweep counts the indexed vectors and measures recall against its own k.
     */
    private static SweepResults.DatasetSummary summary(Workspace.OpenDataset open, SweepParameters parameters) {
        Dataset dataset = open.dataset();
        int baseCount = dataset.base().rows();
        boolean limited = parameters.limit() > 0 && parameters.limit() < baseCount;
        int indexed = limited ? parameters.limit() : baseCount;
        int groundTruthK = limited ? parameters.k() : dataset.groundTruth().map(truth -> truth.k()).orElse(0);
        return new SweepResults.DatasetSummary(dataset.name(), MetricNames.of(dataset.metric()), dataset.dimension(),
                indexed, dataset.queries().rows(), groundTruthK, open.folder().toString());
    }

    /** Asks for a results.json and reads it on a job, adding it to the workspace's runs. */
    private void chooseResultsFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a sweep's results.json");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Sweep results (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path lastFolder;
        try {
            lastFolder = Path.of(choices.get(LOAD_FOLDER, System.getProperty("user.home")));
        } catch (java.nio.file.InvalidPathException damagedChoice) {
            lastFolder = Path.of(System.getProperty("user.home"));
        }
        if (Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            choices.put(LOAD_FOLDER, chosen.toPath().toAbsolutePath().getParent());
            choices.save();
            load(chosen.toPath());
        }
    }

    /** Reads {@code file} on a job and adds its sweep to the workspace's runs. */
    void load(Path file) {
        problem.setText("");
        jobs.start(new JobTask<SweepResults>() {
            @Override
            protected SweepResults call() throws Exception {
                say("Reading " + file);
                SweepResults results = ResultsFiles.readJson(file);
                say("Loaded " + file.getFileName() + ": " + RunChooser.describe(results));
                return results;
            }

            @Override
            protected void succeeded() {
                workspace.runs().add(getValue());
            }

            @Override
            protected void failed() {
                String why = Problems.describe(getException());
                problem.setText(why);
                Problems.showError(window(), "Could not load " + file.getFileName(), why);
            }
        }, panel);
    }

    private javafx.stage.Window window() {
        return problem.getScene() == null ? null : problem.getScene().getWindow();
    }
}
