package io.hnswbench.workbench.desktop;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The layout the Datasets screen's action forms share: the form on the left, and beside it what
 * the action does and the button that starts it, so a form fits under the table without scrolling.
 */
final class ActionLayout {

    private ActionLayout() {
    }

    /** Fills {@code pane} with {@code form}, then {@code hint} above {@code start}. */
    static void fill(HBox pane, Form form, String hint, Button start) {
        Label explanation = new Label(hint);
        explanation.getStyleClass().add("hint");
        explanation.setWrapText(true);
        explanation.setMaxWidth(420);
        VBox aside = new VBox(12, explanation, start);
        aside.setMinWidth(200);
        HBox.setHgrow(aside, Priority.ALWAYS);
        pane.setSpacing(24);
        pane.setPadding(new Insets(10));
        pane.getChildren().setAll(form, aside);
    }
}
