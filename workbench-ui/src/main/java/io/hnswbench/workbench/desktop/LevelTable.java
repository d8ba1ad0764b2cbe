package io.hnswbench.workbench.desktop;

import io.hnswbench.engine.IndexStatistics;
import io.hnswbench.engine.IndexStatistics.LevelStatistics;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The layer statistics of an index, one row per level: nodes, links, out-degrees, unreachable nodes. */
final class LevelTable extends TableView<LevelStatistics> {

    LevelTable(String id) {
        setId(id);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No index yet"));
        getColumns().add(column("Level", level -> Integer.toString(level.level())));
        getColumns().add(column("Nodes", level -> String.format(Locale.ROOT, "%,d", level.nodes())));
        getColumns().add(column("Links", level -> String.format(Locale.ROOT, "%,d", level.edges())));
        getColumns().add(column("Min degree", level -> Integer.toString(level.minDegree())));
        getColumns().add(column("Mean degree", level -> String.format(Locale.ROOT, "%.2f", level.meanDegree())));
        getColumns().add(column("Max degree", level -> Integer.toString(level.maxDegree())));
        getColumns().add(column("Unreachable", level -> String.format(Locale.ROOT, "%,d", level.unreachableNodes())));
        setPrefHeight(220);
    }

    /** Shows {@code statistics}' levels, top level last; {@code null} empties the table. */
    void show(IndexStatistics statistics) {
        setItems(statistics == null ? FXCollections.observableArrayList()
                : FXCollections.observableArrayList(statistics.levels()));
    }

    private static TableColumn<LevelStatistics, String> column(String title, Function<LevelStatistics, String> value) {
        TableColumn<LevelStatistics, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }
}
