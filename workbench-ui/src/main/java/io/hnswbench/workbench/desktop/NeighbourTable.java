package io.hnswbench.workbench.desktop;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * A table of {@link Neighbour}s: rank, id, distance, (whether it is a true neighbour,) text. The
 * Search screen shows the index's results in one and the exact neighbours in another.
 */
final class NeighbourTable extends TableView<Neighbour> {

    /**
     * @param id        the node id tests find the table by
     * @param withMatch whether to show the "True neighbour" column (for the index's results)
     * @param empty     what the table says while it has no rows
     */
    NeighbourTable(String id, boolean withMatch, String empty) {
        setId(id);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(empty));
        getColumns().add(column("Rank", 50, Neighbour::rank));
        getColumns().add(column("Id", 70, Neighbour::id));
        getColumns().add(column("Distance", 90, neighbour -> String.format(Locale.ROOT, "%.6f", neighbour.distance())));
        if (withMatch) {
            TableColumn<Neighbour, Object> match = column("True neighbour", 125, neighbour -> neighbour.match().label());
            match.setId(id + "-match");
            getColumns().add(match);
        }
        TableColumn<Neighbour, Object> text = column("Text", 360, Neighbour::text);
        text.setCellFactory(_ -> new TextCell());
        getColumns().add(text);
    }

    private static TableColumn<Neighbour, Object> column(String title, double width,
            Function<Neighbour, Object> value) {
        TableColumn<Neighbour, Object> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** A text cell whose tooltip holds the whole text: package descriptions run past the column. */
    private static final class TextCell extends TableCell<Neighbour, Object> {

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            String shown = empty || item == null ? null : item.toString();
            setText(shown);
            if (shown == null || shown.isEmpty()) {
                setTooltip(null);
            } else {
                Tooltip whole = new Tooltip(shown);
                whole.setWrapText(true);
                whole.setMaxWidth(560);
                setTooltip(whole);
            }
        }
    }

    /** Shows {@code rows} in place of the current ones. */
    void show(List<Neighbour> rows) {
        getItems().setAll(rows);
    }
}
