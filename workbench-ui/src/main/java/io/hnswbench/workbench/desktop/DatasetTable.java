package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.DatasetCatalog;
import io.hnswbench.datasets.DatasetMeta;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/**
 * The dataset folders found under the roots, one row each: the figures of its {@code meta.json},
 * whether it has ground truth and texts, and why it cannot be used when its metadata is unreadable.
 * The open dataset's row is marked; double-clicking a row opens it.
 */
final class DatasetTable extends TableView<DatasetCatalog.Entry> {

    /** The mark in the "Open" column of the open dataset's row. */
    static final String OPEN_MARK = "●";

    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open-dataset");

    /**
     * @param isOpen whether a folder is the workbench's open dataset
     * @param open   opens a row's dataset (on double-click)
     */
    DatasetTable(Predicate<Path> isOpen, Consumer<DatasetCatalog.Entry> open) {
        setId("datasets-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                textColumn("open", "Open", entry -> isOpen.test(entry.folder()) ? OPEN_MARK : "", 50),
                textColumn("name", "Name", DatasetTable::name, 200),
                numberColumn("dimension", "Dimension", DatasetMeta::dimension),
                numberColumn("base", "Base vectors", DatasetMeta::baseCount),
                numberColumn("queries", "Queries", DatasetMeta::queryCount),
                textColumn("metric", "Metric", entry -> entry.meta() == null ? "" : entry.meta().metric(), 100),
                textColumn("ground-truth", "Ground truth", DatasetTable::groundTruthState, 100),
                textColumn("texts", "Texts", entry -> entry.meta() == null ? "" : entry.hasTexts() ? "yes" : "no", 60),
                textColumn("folder", "Folder", entry -> entry.folder().toString(), 420),
                textColumn("problem", "Problem", entry -> Objects.requireNonNullElse(entry.problem(), ""), 160)));
        setPlaceholder(new Label("No dataset folders under the roots: import, generate or embed one below."));
        setRowFactory(_ -> {
            TableRow<DatasetCatalog.Entry> row = new TableRow<>() {
                @Override
                protected void updateItem(DatasetCatalog.Entry entry, boolean empty) {
                    super.updateItem(entry, empty);
                    pseudoClassStateChanged(OPEN, !empty && entry != null && isOpen.test(entry.folder()));
                }
            };
            row.setOnMouseClicked(click -> {
                if (click.getButton() == MouseButton.PRIMARY && click.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
    }

    /** The dataset's name, or its folder's when the metadata cannot be read. */
    static String name(DatasetCatalog.Entry entry) {
        return entry.meta() == null ? entry.folder().getFileName().toString() : entry.meta().name();
    }

    /** "k=100" when the folder holds ground truth, else "none". */
    static String groundTruthState(DatasetCatalog.Entry entry) {
        if (entry.meta() == null) {
            return "";
        }
        return entry.hasGroundTruth() ? "k=" + entry.meta().gtK() : "none";
    }

    /** Shows {@code entries}, keeping the selected folder selected if it is still among them. */
    void show(List<DatasetCatalog.Entry> entries) {
        Path selected = getSelectionModel().getSelectedItem() == null ? null
                : getSelectionModel().getSelectedItem().folder();
        getItems().setAll(entries);
        if (selected != null) {
            select(selected);
        }
        // The open mark depends on the workspace, not on the items: redraw the rows.
        refresh();
    }

    /** Selects and shows the row of {@code folder}, if it is listed. */
    void select(Path folder) {
        Path wanted = folder.toAbsolutePath().normalize();
        for (int row = 0; row < getItems().size(); row++) {
            if (getItems().get(row).folder().toAbsolutePath().normalize().equals(wanted)) {
                getSelectionModel().clearAndSelect(row);
                scrollTo(row);
                return;
            }
        }
    }

    /** The row of {@code folder}, or null when it is not listed. */
    DatasetCatalog.Entry entryOf(Path folder) {
        Path wanted = folder.toAbsolutePath().normalize();
        return getItems().stream().filter(entry -> entry.folder().toAbsolutePath().normalize().equals(wanted))
                .findFirst().orElse(null);
    }

    /** The column whose id is {@code datasets-column-<key>}. */
    TableColumn<DatasetCatalog.Entry, ?> column(String key) {
        return getColumns().stream().filter(column -> column.getId().equals("datasets-column-" + key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + key));
    }

    /** The text a row shows in the column {@code key}, as the user reads it. */
    String text(DatasetCatalog.Entry entry, String key) {
        Object value = column(key).getCellObservableValue(entry).getValue();
        return value instanceof Integer number ? String.format("%,d", number) : Objects.toString(value, "");
    }

    private TableColumn<DatasetCatalog.Entry, String> textColumn(String key, String title,
            Function<DatasetCatalog.Entry, String> value, double width) {
        TableColumn<DatasetCatalog.Entry, String> column = new TableColumn<>(title);
        column.setId("datasets-column-" + key);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** A count from the metadata, right-aligned with thousands separators and sorted as a number. */
    private TableColumn<DatasetCatalog.Entry, Integer> numberColumn(String key, String title,
            Function<DatasetMeta, Integer> value) {
        TableColumn<DatasetCatalog.Entry, Integer> column = new TableColumn<>(title);
        column.setId("datasets-column-" + key);
        column.setPrefWidth(100);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().meta() == null ? null : value.apply(cell.getValue().meta())));
        column.setCellFactory(_ -> new TableCell<>() {
            @Override
            protected void updateItem(Integer number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null : String.format("%,d", number));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }
}
