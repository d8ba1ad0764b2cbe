package io.hnswbench.workbench.desktop;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * A text input of a {@link Form} that parses into a {@code T}; a value that does not parse shows
 * its message in the label beside the input, and the input turns red until it is corrected.
 */
final class Field<T> {

    private static final String INVALID = "invalid-input";

    private final String label;
    private final TextField input;
    private final Label problem;
    private final Function<String, T> parser;

    Field(String label, TextField input, Label problem, Function<String, T> parser) {
        this.label = label;
        this.input = input;
        this.problem = problem;
        this.parser = parser;
        input.textProperty().addListener((_, _, _) -> clearProblem());
    }

    /**
     * The parsed value; call after {@link Form#check()} said the form is valid.
     *
     * @throws IllegalArgumentException with the same message the form shows
     */
    public T value() {
        return parser.apply(input.getText());
    }

    /** Parses the input, showing its problem if it has one; returns whether it parsed. */
    boolean check() {
        try {
            parser.apply(input.getText());
            clearProblem();
            return true;
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            if (!input.getStyleClass().contains(INVALID)) {
                input.getStyleClass().add(INVALID);
            }
            return false;
        }
    }

    private void clearProblem() {
        problem.setText("");
        input.getStyleClass().remove(INVALID);
    }

    /** The input itself, e.g. to listen to it or to set it from code. */
    public TextField input() {
        return input;
    }

    /** The field's caption. */
    public String label() {
        return label;
    }

    /** The problem shown beside the input, empty when none is. */
    public String problemText() {
        return problem.getText();
    }
}
