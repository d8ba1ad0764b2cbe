package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.DatasetCatalog;
import io.hnswbench.datasets.DatasetCreator;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The form that computes exact ground truth for the dataset selected in the table and writes it
 * into its folder, replacing any earlier one, as {@code ./workbench datasets ground-truth} does.
 */
final class GroundTruthPane extends HBox {

    private final DatasetJobs jobs;
    private final ObservableValue<DatasetCatalog.Entry> selected;
    private final Form form;
    private final Field<Integer> k;

    /** @param selected the dataset selected in the table, or null */
    GroundTruthPane(UserChoices choices, DatasetJobs jobs, ObservableValue<DatasetCatalog.Entry> selected) {
        this.jobs = jobs;
        this.selected = selected;
        form = new Form(choices, "datasets-gt");
        Label target = new Label();
        target.setId("datasets-gt-dataset");
        target.textProperty().bind(Bindings.createStringBinding(() -> describe(selected.getValue()), selected));
        form.row("Dataset", target);
        k = form.integer("k", "k", DatasetCreator.DEFAULT_GT_K, 1, 100_000);

        String hint = "Finds the exact k nearest base vectors of every query by brute force on all cores "
                + "and writes them into the folder, replacing its ground truth. Recall@k needs ground truth of at "
                + "least k.";
        Button start = new Button("Compute ground truth");
        start.setId("datasets-gt-start");
        start.disableProperty().bind(jobs.running().or(Bindings.createBooleanBinding(
                () -> selected.getValue() == null || selected.getValue().meta() == null, selected)));
        start.setOnAction(_ -> start());
        ActionLayout.fill(this, form, hint, start);
    }

    private static String describe(DatasetCatalog.Entry entry) {
        if (entry == null) {
            return "Select a dataset in the table";
        }
        if (entry.meta() == null) {
            return DatasetTable.name(entry) + " cannot be read: " + entry.problem();
        }
        return String.format("%s: %,d queries against %,d base vectors, ground truth now %s", entry.meta().name(),
                entry.meta().queryCount(), entry.meta().baseCount(), DatasetTable.groundTruthState(entry));
    }

    private void start() {
        DatasetCatalog.Entry entry = selected.getValue();
        if (entry == null || entry.meta() == null || !form.check()) {
            return;
        }
        form.remember();
        jobs.computeGroundTruth(entry.folder(), entry.meta().name(), k.value());
    }
}
