package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.IndexStatistics;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.charts.ChartRun;
import io.hnswbench.reports.charts.SweepCharts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The graph of the workspace's index: nodes per level against the count the level draw expects,
 * the out-degree histogram of a chosen level, nodes unreachable from the entry point, the entry
 * point; and saving the index to a file, loading one into memory or opening one memory-mapped.
 */
@Component
@Order(3)
class GraphScreen implements Screen {

    static final String FILE_CHOICE = "graph.file";

    private final Workspace workspace;
    private final Jobs jobs;
    private final UserChoices choices;

    private Label summary;
    private Label origin;
    private ChartPane nodesPerLevel;
    private ChartPane degrees;
    private ChartPane unreachable;
    private ChoiceBox<Integer> level;
    private LevelTable levels;
    private TextField file;
    private Label fileProblem;
    private JobPanel panel;
    private ChartRun chartRun;

    public GraphScreen(Workspace workspace, Jobs jobs, UserChoices choices) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.choices = choices;
    }

    @Override
    public String title() {
        return "Graph";
    }

    @Override
    public Node content() {
        Label heading = new Label("Layer statistics");
        heading.getStyleClass().add("heading");
        summary = new Label();
        summary.setId("graph-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        origin = new Label();
        origin.setId("graph-origin");
        origin.getStyleClass().add("hint");
        origin.setWrapText(true);
        origin.setMinHeight(Region.USE_PREF_SIZE);

        nodesPerLevel = new ChartPane("graph-nodes-per-level", "Build an index (Build tab) or load one to see its levels");
        degrees = new ChartPane("graph-degrees");
        unreachable = new ChartPane("graph-unreachable");
        level = new ChoiceBox<>();
        level.setId("graph-level");
        level.valueProperty().addListener((_, _, chosen) -> showDegrees(chosen));
        HBox levelChoice = new HBox(8, new Label("Out-degree histogram of level"), level);
        levelChoice.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        GridPane charts = new GridPane(10, 10);
        charts.add(nodesPerLevel, 0, 0);
        charts.add(new VBox(4, levelChoice, degrees), 1, 0);
        charts.add(unreachable, 0, 1);
        levels = new LevelTable("graph-levels");
        charts.add(levels, 1, 1);
        for (Node chart : List.of(nodesPerLevel, degrees, unreachable, levels)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
        }
        VBox.setVgrow(degrees, Priority.ALWAYS);

        VBox page = new VBox(10, heading, summary, origin, fileRow(), charts);
        page.getStyleClass().add("screen");
        workspace.indexProperty().addListener((_, _, index) -> show(index));
        show(workspace.index());
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    /** The index file: a path field, Choose…, Save, Load, Open mapped, and the job strip. */
    private VBox fileRow() {
        file = new TextField(choices.get(FILE_CHOICE, Path.of(System.getProperty("user.home"), ".hnswbench",
                "index.hnsw").toString()));
        file.setId("graph-file");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("graph-choose");
        choose.setOnAction(_ -> chooseFile());
        Button save = new Button("Save");
        save.setId("graph-save");
        save.setOnAction(_ -> save());
        Button load = new Button("Load");
        load.setId("graph-load");
        load.setOnAction(_ -> read(false));
        Button open = new Button("Open mapped");
        open.setId("graph-open");
        open.setOnAction(_ -> read(true));
        panel = new JobPanel("graph");
        save.disableProperty().bind(panel.runningProperty().or(workspace.indexProperty().isNull()));
        load.disableProperty().bind(panel.runningProperty().or(workspace.datasetProperty().isNull()));
        open.disableProperty().bind(load.disableProperty());
        fileProblem = new Label();
        fileProblem.setId("graph-file-problem");
        fileProblem.getStyleClass().add("field-problem");
        fileProblem.setWrapText(true);
        file.textProperty().addListener((_, _, _) -> fileProblem.setText(""));
        HBox row = new HBox(8, new Label("Index file"), file, choose, save, load, open);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label hint = new Label("Save writes the index; Load reads one into memory (it can then change); Open mapped "
                + "maps one read-only, so an index larger than the heap can be searched.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox box = new VBox(4, row, fileProblem, hint, panel);
        box.setPadding(new Insets(4, 0, 4, 0));
        return box;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Index file");
        Path current;
        try {
            current = Path.of(file.getText().isBlank() ? "." : file.getText().strip()).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException notAPath) {
            current = Path.of(".").toAbsolutePath();
        }
        if (current.getParent() != null && Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
            chooser.setInitialFileName(current.getFileName().toString());
        }
        File chosen = chooser.showSaveDialog(file.getScene().getWindow());
        if (chosen != null) {
            file.setText(chosen.getPath());
        }
    }

    /** The path in the field, or null (with the problem shown beside it) when it is blank. */
    private Path chosenPath() {
        String text = file.getText().strip();
        if (text.isEmpty()) {
            fileProblem.setText("Give the index file's path.");
            return null;
        }
        Path path;
        try {
            path = Path.of(text).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException notAPath) {
            fileProblem.setText("'" + text + "' is not a valid path: " + notAPath.getReason() + ".");
            return null;
        }
        choices.put(FILE_CHOICE, text);
        choices.save();
        return path;
    }

    /** Saves the workspace's index to the chosen file on a job. */
    void save() {
        Workspace.ActiveIndex active = workspace.index();
        Path target = chosenPath();
        if (active == null || target == null) {
            return;
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            fileProblem.setText("The folder " + target.getParent() + " does not exist.");
            return;
        }
        jobs.start(new JobTask<Path>() {
            @Override
            protected Path call() throws Exception {
                say("Saving to " + target);
                try {
                    active.index().save(target);
                } catch (IllegalStateException closed) {
                    throw new IllegalStateException("the index was replaced (and closed) while it was being saved; "
                            + "nothing was written to " + target, closed);
                }
                say(String.format(Locale.ROOT, "Saved %,d vectors to %s (%s)", active.statistics().size(), target,
                        IndexFigures.bytes(Files.size(target))));
                return target;
            }

            @Override
            protected void succeeded() {
                if (workspace.index() != null && workspace.index().index() == active.index()) {
                    workspace.setIndex(active.withFile(target));
                }
            }
        }, panel);
    }

    /** Reads the chosen file into memory ({@code mapped} false) or maps it read-only, on a job. */
    void read(boolean mapped) {
        Workspace.OpenDataset open = workspace.dataset();
        Path source = chosenPath();
        if (open == null || source == null) {
            return;
        }
        if (!Files.isRegularFile(source)) {
            fileProblem.setText("There is no file at " + source + ".");
            return;
        }
        Dataset dataset = open.dataset();
        jobs.start(new JobTask<Workspace.ActiveIndex>() {
            @Override
            protected Workspace.ActiveIndex call() throws Exception {
                say((mapped ? "Mapping " : "Loading ") + source);
                HnswIndex index = mapped ? HnswIndex.open(source) : HnswIndex.load(source);
                IndexStatistics statistics;
                // A mapped index holds its file until closed: close it on every way out but success.
                try {
                    if (index.dimension() != dataset.dimension()) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s holds %d-dimensional "
                                + "vectors, but the open dataset %s has %d dimensions; open the dataset it was built "
                                + "from first", source, index.dimension(), dataset.name(), dataset.dimension()));
                    }
                    say("Collecting the layer statistics");
                    statistics = index.statistics();
                    if (isCancelled()) {
                        throw new java.util.concurrent.CancellationException("cancelled");
                    }
                } catch (Throwable failure) {
                    index.close();
                    throw failure;
                }
                String how = mapped ? "opened memory-mapped (read-only) from " : "loaded from ";
                say(String.format(Locale.ROOT, "%s%s: %,d vectors", mapped ? "Opened " : "Loaded ", source,
                        statistics.size()));
                return new Workspace.ActiveIndex(index, how + source, null, statistics, source);
            }

            @Override
            protected void succeeded() {
                if (!workspace.offerIndex(getValue(), dataset)) {
                    say("Read, then discarded: another dataset was opened meanwhile");
                }
            }
        }, panel);
    }

    private void show(Workspace.ActiveIndex index) {
        if (index == null) {
            chartRun = null;
            summary.setText("No index yet: build one on the Build tab, or load or open a saved one below.");
            origin.setText("");
            level.setItems(FXCollections.observableArrayList());
            levels.show(null);
            nodesPerLevel.show(null);
            degrees.show(null);
            unreachable.show(null);
            return;
        }
        IndexStatistics statistics = index.statistics();
        summary.setText(IndexFigures.graph(statistics) + "\nMemory: " + IndexFigures.memory(statistics));
        origin.setText("Index " + index.origin() + (index.file() == null ? "" : " · file " + index.file()));
        double buildSeconds = index.buildTime() == null ? Double.NaN : index.buildTime().toNanos() / 1e9;
        chartRun = ChartRun.single(new RunResult("hnsw", statistics.m(), statistics.efConstruction(), 0, buildSeconds,
                statistics.totalBytes(), GraphStatistics.of(statistics), List.of()));
        nodesPerLevel.show(SweepCharts.nodesPerLevel(chartRun));
        unreachable.show(SweepCharts.unreachableNodes(chartRun));
        levels.show(statistics);
        Integer previous = level.getValue();
        level.setItems(FXCollections.observableArrayList(IntStream.range(0, statistics.levelCount()).boxed().toList()));
        level.setValue(previous != null && previous < statistics.levelCount() ? previous : 0);
        showDegrees(level.getValue());
    }

    private void showDegrees(Integer chosen) {
        if (chartRun != null && chosen != null) {
            degrees.show(SweepCharts.degreeHistogram(chartRun, chosen));
        }
    }
}
