package io.hnswbench.workbench.desktop;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Column sizing for a {@link Form} whose inputs should widen with the pane: its captions keep their
 * whole width (as in every form), the inputs and the problems share the room left, and the
 * problems wrap.
 */
final class FormColumns {

    private FormColumns() {
    }

    /** Sizes the caption, input and problem columns of {@code form}; inputs grow to {@code inputWidth}. */
    static void fit(Form form, double inputWidth) {
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setMinWidth(120);
        inputs.setMaxWidth(inputWidth);
        ColumnConstraints problems = new ColumnConstraints();
        problems.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(captions, inputs, problems);
    }
}
