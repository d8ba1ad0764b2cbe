package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.report.ReportWriter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Report screen: writes a report on the chosen runs of the workspace, as
 * {@code ./workbench report} does, in the chosen formats, into a folder; then lists the files and
 * opens report.html (or the folder) in the user's browser.
 */
@Component
@Order(6)
class ReportScreen implements Screen {

    static final String FORMATS = "report.formats";

    private final Workspace workspace;
    private final Jobs jobs;
    private final UserChoices choices;

    private RunChooser runs;
    private Label runsProblem;
    private Form form;
    private Field<String> folder;
    private final Map<ReportFormat, CheckBox> formats = new EnumMap<>(ReportFormat.class);
    private Label formatsProblem;
    private Label problem;
    private JobPanel panel;
    private ListView<String> written;
    private TextField reportPath;
    private Button open;
    /** What Open report opens: the last export's report.html, else its folder. */
    private Path openTarget;

    public ReportScreen(Workspace workspace, Jobs jobs, UserChoices choices) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.choices = choices;
    }

    @Override
    public String title() {
        return "Report";
    }

    @Override
    public Node content() {
        runs = new RunChooser(workspace.runs(), "report-runs");
        runsProblem = problemLabel("report-runs-problem");
        runs.onChange(() -> runsProblem.setText(""));

        form = new Form(choices, "report");
        folder = form.text("Output folder", "folder",
                Path.of(System.getProperty("user.home"), "hnswbench-report").toString(), ReportScreen::checkFolder);
        folder.input().setPrefColumnCount(48);
        form.widenInputs(640);
        Button choose = new Button("Choose…");
        choose.setId("report-choose");
        choose.setOnAction(_ -> chooseFolder());
        form.row("", choose);

        FlowPane formatBoxes = new FlowPane(14, 4);
        formatBoxes.setId("report-formats");
        Set<ReportFormat> remembered = ReportFormat.parse(choices.get(FORMATS,
                ReportFormat.keys(EnumSet.allOf(ReportFormat.class))));
        formatsProblem = problemLabel("report-formats-problem");
        for (ReportFormat format : ReportFormat.values()) {
            CheckBox box = new CheckBox(format.label());
            box.setId("report-format-" + format.key());
            box.setSelected(remembered.contains(format));
            box.setTooltip(new Tooltip(format.explanation()));
            box.selectedProperty().addListener((_, _, _) -> formatsProblem.setText(""));
            formats.put(format, box);
            formatBoxes.getChildren().add(box);
        }
        Label formatsHint = new Label("results.json is always written, so ./workbench report can render the runs again. "
                + "Markdown shows the charts' PNG files, so they come with it.");
        formatsHint.getStyleClass().add("hint");
        formatsHint.setWrapText(true);

        panel = new JobPanel("report");
        Button export = new Button("Export");
        export.setId("report-export");
        export.disableProperty().bind(panel.runningProperty());
        export.setOnAction(_ -> export());
        problem = problemLabel("report-problem");

        written = new ListView<>();
        written.setId("report-written");
        written.setPlaceholder(new Label("Nothing written yet"));
        written.setPrefHeight(180);
        reportPath = new TextField();
        reportPath.setId("report-path");
        reportPath.setEditable(false);
        reportPath.setPromptText("The report's path, once written");
        HBox.setHgrow(reportPath, Priority.ALWAYS);
        open = new Button("Open report");
        open.setId("report-open");
        open.setDisable(true);
        open.setOnAction(_ -> openReport());
        HBox openRow = new HBox(8, reportPath, open);
        openRow.setAlignment(Pos.CENTER_LEFT);

        VBox screen = new VBox(8,
                heading("Runs"), hint("The sweeps of this session and the results.json files loaded on the Sweep screen."),
                runs, runsProblem,
                heading("Output"), form,
                heading("Formats"), formatBoxes, formatsHint, formatsProblem,
                new HBox(8, export), problem, panel,
                heading("Written"), written, openRow);
        screen.getStyleClass().add("screen");
        ScrollPane scroll = new ScrollPane(screen);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("heading");
        return heading;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return hint;
    }

    private static Label problemLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        return label;
    }

    /**
     * A folder the report can go to: not blank, not a file, and inside a folder this user may
     * write to (it is created when missing).
     */
    static String checkFolder(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("Choose a folder for the report");
        }
        Path path = Path.of(text.strip()).toAbsolutePath().normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a file, not a folder");
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException("cannot create " + path + ": "
                    + (existing == null ? "no part of it exists" : existing + " is a file, not a folder"));
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException("not allowed to write in " + existing);
        }
        return text.strip();
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the report");
        Path start = Path.of(folder.input().getText().isBlank() ? System.getProperty("user.home")
                : folder.input().getText().strip()).toAbsolutePath();
        while (start != null && !Files.isDirectory(start)) {
            start = start.getParent();
        }
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            folder.input().setText(chosen.getAbsolutePath());
        }
    }

    /** Checks the choices, then writes the report on a job. */
    private void export() {
        problem.setText("");
        boolean valid = form.check();
        List<SweepResults> chosenRuns = runs.checkedRuns();
        if (chosenRuns.isEmpty()) {
            runsProblem.setText(workspace.runs().isEmpty()
                    ? "No runs yet: run a sweep or load a results.json on the Sweep screen"
                    : "Check at least one run to report on");
            valid = false;
        }
        Set<ReportFormat> chosenFormats = EnumSet.noneOf(ReportFormat.class);
        formats.forEach((format, box) -> {
            if (box.isSelected()) {
                chosenFormats.add(format);
            }
        });
        if (chosenFormats.isEmpty()) {
            formatsProblem.setText("Choose at least one format");
            valid = false;
        }
        if (!valid) {
            return;
        }
        form.remember();
        choices.put(FORMATS, ReportFormat.keys(chosenFormats));
        choices.save();
        Path target = Path.of(folder.value()).toAbsolutePath().normalize();
        written.getItems().clear();
        reportPath.clear();
        open.setDisable(true);
        openTarget = null;
        jobs.start(new JobTask<List<Path>>() {
            @Override
            protected List<Path> call() throws Exception {
                List<Path> files = ReportExport.write(chosenRuns, chosenFormats, target, this::progress, this::isCancelled);
                say(String.format("Wrote %d files to %s", files.size(), target));
                return files;
            }

            @Override
            protected void succeeded() {
                showWritten(target, getValue());
            }

            @Override
            protected void failed() {
                String why = Problems.describe(getException());
                problem.setText(why);
                Problems.showError(window(), "Could not write the report to " + target, why);
            }
        }, panel);
    }

    private void showWritten(Path target, List<Path> files) {
        written.setItems(FXCollections.observableArrayList(files.stream()
                .map(file -> target.relativize(file).toString()).toList()));
        Path html = target.resolve(ReportWriter.HTML);
        openTarget = files.contains(html) ? html : target;
        reportPath.setText(openTarget.toString());
        open.setText(files.contains(html) ? "Open report" : "Open folder");
        open.setDisable(false);
    }

    private void openReport() {
        Path target = openTarget;
        if (target != null) {
            ReportOpener.open(target, why -> Platform.runLater(() ->
                    Problems.showError(window(), "Could not open " + target, why)));
        }
    }

    private javafx.stage.Window window() {
        return problem.getScene() == null ? null : problem.getScene().getWindow();
    }
}
