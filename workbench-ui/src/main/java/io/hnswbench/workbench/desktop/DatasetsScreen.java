package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.DatasetCatalog;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.workbench.DatasetService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Datasets tab: the dataset folders under the configured roots, the open one marked; Open
 * makes the selected one the workbench's dataset. Below the table, forms import a file of vectors,
 * generate synthetic vectors, embed a text file, or compute ground truth for the selected dataset,
 * each as a cancellable job. A new dataset is selected when it is made and offered to be opened.
 */
@Component
@Order(1)
class DatasetsScreen implements Screen {

    private final DatasetService datasets;
    private final DatasetOpener opener;
    private final Workspace workspace;
    private final Jobs jobRunner;
    private final UserChoices choices;

    private DatasetTable table;
    private DatasetJobs jobs;
    private Label listingProblem;
    private HBox offer;
    private Label offerText;
    private Button offerAction;

    public DatasetsScreen(DatasetService datasets, DatasetOpener opener, Workspace workspace, Jobs jobRunner,
            UserChoices choices) {
        this.datasets = datasets;
        this.opener = opener;
        this.workspace = workspace;
        this.jobRunner = jobRunner;
        this.choices = choices;
    }

    @Override
    public String title() {
        return "Datasets";
    }

    @Override
    public Node content() {
        jobs = new DatasetJobs(datasets, jobRunner, this::created, this::groundTruthWritten);
        table = new DatasetTable(opener::isOpen, this::open);

        Label heading = new Label("Datasets");
        heading.getStyleClass().add("heading");
        Button open = new Button("Open");
        open.setId("datasets-open");
        // Opening the open dataset again would only drop the index built on it.
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DatasetCatalog.Entry selected = table.getSelectionModel().getSelectedItem();
            return selected == null || selected.meta() == null || opener.isOpen(selected.folder());
        }, table.getSelectionModel().selectedItemProperty(), workspace.datasetProperty()));
        open.setOnAction(_ -> open(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setId("datasets-refresh");
        refresh.setOnAction(_ -> refresh());
        Label roots = new Label("Folders under " + datasets.roots().stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + "; new datasets are made in " + jobs.newDatasetsRoot() + ".");
        roots.getStyleClass().add("hint");
        roots.setWrapText(true);
        listingProblem = new Label();
        listingProblem.setId("datasets-listing-problem");
        listingProblem.getStyleClass().add("field-problem");
        listingProblem.setWrapText(true);
        HBox top = new HBox(10, heading, open, refresh, roots, listingProblem);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(roots, Priority.ALWAYS);

        table.setMinHeight(120);
        SplitPane tableAndActions = new SplitPane(table, actions());
        tableAndActions.setOrientation(Orientation.VERTICAL);
        tableAndActions.setDividerPositions(0.38);
        VBox.setVgrow(tableAndActions, Priority.ALWAYS);

        VBox screen = new VBox(8, top, tableAndActions, offerBar(), jobs.panel());
        screen.getStyleClass().add("screen");
        screen.getStylesheets().add(Objects.requireNonNull(DatasetsScreen.class.getResource("datasets.css"),
                "datasets.css").toExternalForm());

        // Opening another dataset moves the mark; the first opening may also have installed the sample.
        workspace.datasetProperty().addListener((_, _, _) -> refresh());
        jobs.running().addListener((_, _, running) -> {
            if (running) {
                hideOffer();
            }
        });
        refresh();
        return screen;
    }

    private TabPane actions() {
        TabPane actions = new TabPane(
                action("import", "Import a file", new ImportPane(choices, jobs)),
                action("generate", "Generate synthetic", new GeneratePane(choices, jobs)),
                action("embed", "Embed texts", new EmbedPane(choices, jobs)),
                action("gt", "Ground truth", new GroundTruthPane(choices, jobs,
                        table.getSelectionModel().selectedItemProperty())));
        actions.setId("datasets-actions");
        actions.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return actions;
    }

    private static Tab action(String key, String title, Node form) {
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        Tab tab = new Tab(title, scroll);
        tab.setId("datasets-action-" + key);
        return tab;
    }

    /** A line under the forms that offers to open what a job just made. */
    private HBox offerBar() {
        offerText = new Label();
        offerText.setId("datasets-offer");
        offerAction = new Button();
        offerAction.setId("datasets-offer-open");
        offer = new HBox(10, offerText, offerAction);
        offer.setAlignment(Pos.CENTER_LEFT);
        offer.getStyleClass().add("datasets-offer");
        hideOffer();
        return offer;
    }

    private void showOffer(String text, String action, Path folder) {
        offerText.setText(text);
        offerAction.setText(action);
        offerAction.setOnAction(_ -> {
            hideOffer();
            opener.open(folder);
        });
        offer.setVisible(true);
        offer.setManaged(true);
    }

    private void hideOffer() {
        offer.setVisible(false);
        offer.setManaged(false);
    }

    /** Lists the roots again. Only each folder's meta.json is read, so this is quick enough for the FX thread. */
    void refresh() {
        try {
            table.show(datasets.list(datasets.roots()));
            listingProblem.setText("");
            if (table.getSelectionModel().isEmpty() && workspace.dataset() != null) {
                table.select(workspace.dataset().folder());
            }
        } catch (IOException e) {
            listingProblem.setText("Cannot list the dataset folders: " + Problems.describe(e));
        }
    }

    private void open(DatasetCatalog.Entry entry) {
        if (entry == null) {
            return;
        }
        if (entry.meta() == null) {
            Problems.showError(jobs.window(), "Cannot open " + entry.folder(), entry.problem());
            return;
        }
        if (!opener.isOpen(entry.folder())) {
            opener.open(entry.folder());
        }
    }

    private void created(Path folder) {
        refresh();
        table.select(folder);
        DatasetCatalog.Entry entry = table.entryOf(folder);
        String name = entry == null ? folder.getFileName().toString() : DatasetTable.name(entry);
        showOffer("Created " + name + ".", "Open " + name, folder);
    }

    private void groundTruthWritten(Path folder, GroundTruth groundTruth) {
        refresh();
        table.select(folder);
        if (opener.isOpen(folder)) {
            // The open copy was loaded with the old ground truth; reopening drops the index built on it.
            showOffer("The open dataset still has its earlier ground truth; reopen it to measure recall against k="
                    + groundTruth.k() + ".", "Reopen", folder);
        } else {
            hideOffer();
        }
    }

    /** The table, for tests. */
    DatasetTable table() {
        return table;
    }
}
