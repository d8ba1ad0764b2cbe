package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Every measured point of the runs on the Sweep screen's charts, one row per (run, efSearch), in
 * the order they were measured; columns sort by their numbers.
 */
final class SweepTable extends TableView<SweepTable.Row> {

    /** One efSearch of one run. */
    record Row(String engine, int m, int efConstruction, int efSearch, double recall, double qps,
               double meanLatencyMicros, double p99Micros, double buildSeconds) {

        static Row of(RunResult run, SweepPoint point) {
            return new Row(run.engine(), run.m(), run.efConstruction(), point.efSearch(), point.recall(), point.qps(),
                    point.meanLatencyMicros(), point.p99Micros(), run.buildSeconds());
        }
    }

    SweepTable() {
        setId("sweep-results");
        setPlaceholder(new Label("No points yet: run a sweep, or check a run on the left"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> engine = new TableColumn<>("Engine");
        engine.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().engine()));
        getColumns().add(engine);
        getColumns().add(number("M", Row::m, "%d"));
        getColumns().add(number("efC", Row::efConstruction, "%d"));
        getColumns().add(number("efSearch", Row::efSearch, "%d"));
        getColumns().add(number("Recall", Row::recall, "%.4f"));
        getColumns().add(number("QPS", Row::qps, "%,.0f"));
        getColumns().add(number("Mean µs", Row::meanLatencyMicros, "%,.1f"));
        getColumns().add(number("p99 µs", Row::p99Micros, "%,.1f"));
        getColumns().add(number("Build s", Row::buildSeconds, "%,.2f"));
    }

    /** Shows the points of every run of {@code sweeps}, in order. */
    void show(List<SweepResults> sweeps) {
        List<Row> rows = new ArrayList<>();
        for (SweepResults sweep : sweeps) {
            for (RunResult run : sweep.runs()) {
                for (SweepPoint point : run.points()) {
                    rows.add(Row.of(run, point));
                }
            }
        }
        setItems(FXCollections.observableArrayList(rows));
    }

    /** A right-aligned column of a number, shown with {@code format} (Locale.ROOT, so tests read it alike). */
    private static <N extends Number & Comparable<N>> TableColumn<Row, N> number(String title, Function<Row, N> value,
                                                                                  String format) {
        TableColumn<Row, N> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setCellFactory(_ -> new TableCell<>() {
            @Override
            protected void updateItem(N item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, format, item));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }
}
