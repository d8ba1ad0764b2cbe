package io.hnswbench.workbench.desktop;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The workbench's window: one tab per {@link io.hnswbench.workbench.desktop.Screen}, and a status
 * bar with the open dataset and its loading job. It reopens where, how large and on which tab it
 * was left.
 */
@Component
class MainWindow {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 860;

    private final ObjectProvider<io.hnswbench.workbench.desktop.Screen> screenBeans;
    private List<io.hnswbench.workbench.desktop.Screen> screens = List.of();
    private final UserChoices choices;
    private final Workspace workspace;
    private final DatasetOpener opener;
    private Stage stage;
    private TabPane tabs;

    public MainWindow(ObjectProvider<io.hnswbench.workbench.desktop.Screen> screenBeans, UserChoices choices,
            Workspace workspace, DatasetOpener opener) {
        this.screenBeans = screenBeans;
        this.choices = choices;
        this.workspace = workspace;
        this.opener = opener;
    }

    /** Builds the window into {@code window}, shows it and opens the last (or the sample) dataset. */
    public void show(Stage window) {
        this.stage = window;
        screens = screenBeans.orderedStream().toList();
        tabs = new TabPane();
        tabs.setId("screens");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (io.hnswbench.workbench.desktop.Screen screen : screens) {
            Tab tab = new Tab(screen.title(), screen.content());
            tab.setId("tab-" + screen.title().toLowerCase(java.util.Locale.ROOT));
            tabs.getTabs().add(tab);
        }
        String lastTab = choices.get("window.tab", "");
        tabs.getTabs().stream().filter(tab -> tab.getText().equals(lastTab)).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));

        BorderPane root = new BorderPane(tabs, null, null, statusBar(), null);
        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("workbench.css"), "workbench.css").toExternalForm());
        window.setScene(scene);
        window.setTitle("HNSW Workbench");
        workspace.datasetProperty().addListener((_, _, open) -> window.setTitle(
                open == null ? "HNSW Workbench" : "HNSW Workbench · " + open.dataset().name()));
        restoreLayout(window);
        window.show();
        opener.openLastOrSample();
    }

    private HBox statusBar() {
        Label dataset = new Label("No dataset open");
        dataset.setId("status-dataset");
        dataset.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        workspace.datasetProperty().addListener((_, _, open) -> dataset.setText(open == null ? "No dataset open"
                : String.format("Dataset: %s · %,d base vectors · %,d queries · %d dimensions · %s", open.dataset().name(),
                        open.dataset().base().rows(), open.dataset().queries().rows(), open.dataset().dimension(),
                        open.dataset().metric().name().toLowerCase(java.util.Locale.ROOT))));
        JobPanel loading = opener.panel();
        HBox.setHgrow(loading, Priority.ALWAYS);
        HBox bar = new HBox(12, dataset, new Separator(javafx.geometry.Orientation.VERTICAL), loading);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    /** Puts the window where it was, if that place is still on a screen. */
    private void restoreLayout(Stage window) {
        // The file may be edited by hand: keep sizes sane before they reach Rectangle2D.
        double width = Math.max(800, choices.getDouble("window.width", DEFAULT_WIDTH));
        double height = Math.max(600, choices.getDouble("window.height", DEFAULT_HEIGHT));
        double x = choices.getDouble("window.x", Double.NaN);
        double y = choices.getDouble("window.y", Double.NaN);
        Rectangle2D screenArea = Screen.getPrimary().getVisualBounds();
        window.setWidth(Math.min(screenArea.getWidth(), width));
        window.setHeight(Math.min(screenArea.getHeight(), height));
        boolean visible = !Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty();
        if (visible) {
            window.setX(x);
            window.setY(y);
        }
        window.setMaximized(Boolean.parseBoolean(choices.get("window.maximized", "false")));
    }

    /** Remembers the window's place, size and tab; the app calls it when it stops. */
    public void rememberLayout() {
        if (stage == null) {
            return;
        }
        choices.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            choices.put("window.x", stage.getX());
            choices.put("window.y", stage.getY());
            choices.put("window.width", stage.getWidth());
            choices.put("window.height", stage.getHeight());
        }
        choices.put("window.tab", tabs.getSelectionModel().getSelectedItem().getText());
        choices.save();
    }

    /** Brings the tab titled {@code title} to the front (the screenshot tour walks them so). */
    public void select(String title) {
        tabs.getTabs().stream().filter(tab -> tab.getText().equals(title)).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    /** The tabs' titles, in order. */
    public List<String> titles() {
        return screens.stream().map(io.hnswbench.workbench.desktop.Screen::title).toList();
    }

    /** The window, once shown. */
    public Stage stage() {
        return stage;
    }
}
