package io.hnswbench.workbench.desktop;

import io.hnswbench.workbench.GridList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * A column of labelled inputs, each with a line beside it where its problem is shown ("M must be
 * a whole number from 2 to 512, not 'abc'"). Every input starts from the user's last choice and
 * is remembered under {@code prefix.key} when {@link #remember()} runs (screens call it when they
 * start a job with the values).
 */
final class Form extends GridPane {

    private final UserChoices choices;
    private final String prefix;
    private final List<Field<?>> fields = new ArrayList<>();
    private final List<Runnable> rememberers = new ArrayList<>();
    private final ColumnConstraints inputs = new ColumnConstraints();

    /** @param prefix the screen's name: ids are {@code prefix-key}, choices {@code prefix.key} */
    public Form(UserChoices choices, String prefix) {
        this.choices = choices;
        this.prefix = prefix;
        setHgap(8);
        setVgap(6);
        getStyleClass().add("form");
        // Captions keep their whole width: by default a grid shrinks them to "M (li…" as soon as a
        // problem appears beside an input. The problem column gives way instead, and wraps.
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        inputs.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints problems = new ColumnConstraints();
        problems.setHgrow(Priority.ALWAYS);
        problems.setMinWidth(0);
        getColumnConstraints().setAll(captions, inputs, problems);
    }

    /**
     * Lets the inputs widen with the pane up to {@code maxWidth} (and shrink to 120 px), sharing
     * the room with the problems beside them; for forms in a resizable pane.
     */
    public void widenInputs(double maxWidth) {
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setMinWidth(120);
        inputs.setMaxWidth(maxWidth);
    }

    /** A whole number from {@code min} to {@code max}. */
    public Field<Integer> integer(String label, String key, int fallback, int min, int max) {
        return add(label, key, String.valueOf(fallback), text -> {
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // Falls through to the message below, which says what is wanted.
            }
            throw new IllegalArgumentException(label + " must be a whole number from " + min + " to " + max
                    + (text.isBlank() ? "" : ", not '" + text.strip() + "'"));
        });
    }

    /** A whole number of any size, e.g. a seed. */
    public Field<Long> wholeNumber(String label, String key, long fallback) {
        return add(label, key, String.valueOf(fallback), text -> {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(label + " must be a whole number"
                        + (text.isBlank() ? "" : ", not '" + text.strip() + "'"));
            }
        });
    }

    /** A non-empty comma-separated list of whole numbers from {@code min} to {@code max}. */
    public Field<List<Integer>> integers(String label, String key, String fallback, int min, int max) {
        return add(label, key, fallback, text -> {
            List<Integer> values = GridList.parse(text);
            if (values.isEmpty()) {
                throw new IllegalArgumentException(label + " is empty: give at least one value, e.g. " + fallback);
            }
            for (int value : values) {
                if (value < min || value > max) {
                    throw new IllegalArgumentException(label + " values must be from " + min + " to " + max
                            + ", not " + value);
                }
            }
            return List.copyOf(values);
        });
    }

    /** Free text (a name, a path); {@code check} may refuse it with a message. */
    public Field<String> text(String label, String key, String fallback, Function<String, String> check) {
        return add(label, key, fallback, check);
    }

    /**
     * A choice among {@code items}, starting at the remembered one (matched by its label).
     *
     * @param labels how an item reads in the box and in the choices file
     */
    public <T> ChoiceBox<T> choice(String label, String key, List<T> items, T fallback, Function<T, String> labels) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : labels.apply(item);
            }

            @Override
            public T fromString(String text) {
                return items.stream().filter(item -> labels.apply(item).equals(text)).findFirst().orElse(fallback);
            }
        });
        box.setValue(box.getConverter().fromString(choices.get(prefix + "." + key, labels.apply(fallback))));
        box.setId(prefix + "-" + key);
        rememberers.add(() -> choices.put(prefix + "." + key, labels.apply(box.getValue())));
        addRow(label, box, new Label());
        return box;
    }

    /** Adds a row with any control (a slider, a check box); the caller remembers its value. */
    public void row(String label, Control control) {
        addRow(label, control, new Label());
    }

    private <T> Field<T> add(String label, String key, String fallback, Function<String, T> parser) {
        TextField input = new TextField(choices.get(prefix + "." + key, fallback));
        input.setId(prefix + "-" + key);
        input.setPrefColumnCount(14);
        Label problem = new Label();
        problem.setId(prefix + "-" + key + "-problem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        Field<T> field = new Field<>(label, input, problem, parser);
        fields.add(field);
        rememberers.add(() -> choices.put(prefix + "." + key, input.getText()));
        addRow(label, input, problem);
        return field;
    }

    private void addRow(String label, Control control, Label problem) {
        Label caption = new Label(label);
        caption.setLabelFor(control);
        int row = getRowCount();
        add(caption, 0, row);
        add(control, 1, row);
        add(problem, 2, row);
        problem.setMaxWidth(360);
    }

    /**
     * Checks every text input, showing each one's problem beside it.
     *
     * @return whether all of them hold a valid value
     */
    public boolean check() {
        boolean valid = true;
        for (Field<?> field : fields) {
            valid &= field.check();
        }
        return valid;
    }

    /** Writes every input's current text into the user's choices. */
    public void remember() {
        rememberers.forEach(Runnable::run);
        choices.save();
    }
}
