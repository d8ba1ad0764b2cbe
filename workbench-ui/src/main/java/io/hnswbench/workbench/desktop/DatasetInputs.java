package io.hnswbench.workbench.desktop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/**
 * The inputs the dataset forms share: a file to read (typed, or picked with "Choose…"), the name of
 * the new dataset folder, and a positive decimal. Each checks what it can before a job starts, so
 * the problem shows beside the input instead of as a failed job.
 */
final class DatasetInputs {

    /** The kinds of file the forms read, with the endings the readers know. */
    enum FileKind {
        /** Base vectors, or a whole ann-benchmarks file. */
        VECTORS("Vectors (.fvecs, .bvecs, .npy, ann-benchmarks .hdf5/.h5)", ".fvecs", ".bvecs", ".npy", ".hdf5", ".h5"),
        /** Query vectors, in the formats without their own queries. */
        QUERY_VECTORS("Vectors (.fvecs, .bvecs, .npy)", ".fvecs", ".bvecs", ".npy"),
        /** True neighbour ids. */
        NEIGHBOURS("Neighbour ids (.ivecs)", ".ivecs"),
        /** One text per line; any name is accepted. */
        TEXTS("Text files (.txt)");

        private final String description;
        private final List<String> endings;

        FileKind(String description, String... endings) {
            this.description = description;
            this.endings = List.of(endings);
        }

        boolean accepts(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return endings.isEmpty() || endings.stream().anyMatch(name::endsWith);
        }
    }

    private DatasetInputs() {
    }

    /**
     * A path to an existing, readable file of {@code kind}, with a "Choose…" button beside it
     * (id {@code <input id>-choose}).
     *
     * @param required whether a blank input is a problem; an optional blank input reads as ""
     * @param alsoCheck checks a readable file against the rest of the form; throws
     *                  {@link IllegalArgumentException} with the message to show beside the input
     */
    static Field<String> file(Form form, String label, String key, FileKind kind, boolean required,
            Consumer<Path> alsoCheck) {
        Field<String> field = form.text(label, key, "", text -> {
            String typed = checkedFile(label, text, kind, required);
            if (!typed.isEmpty()) {
                alsoCheck.accept(Path.of(typed));
            }
            return typed;
        });
        TextField input = field.input();
        input.setPrefColumnCount(30);
        Button choose = new Button("Choose…");
        choose.setId(input.getId() + "-choose");
        choose.setOnAction(_ -> choose(label, kind, input));
        // The form put the input in its column; it shares that cell with its button now.
        Integer row = GridPane.getRowIndex(input);
        form.getChildren().remove(input);
        HBox withButton = new HBox(6, input, choose);
        HBox.setHgrow(input, Priority.ALWAYS);
        form.add(withButton, 1, row == null ? 0 : row);
        return field;
    }

    /** The name of {@code file} without its last ending, e.g. {@code sift} for {@code sift.fvecs}. */
    static String stem(String file) {
        try {
            Path name = Path.of(file.strip()).getFileName();
            if (name == null) {
                return "";
            }
            int dot = name.toString().lastIndexOf('.');
            return dot > 0 ? name.toString().substring(0, dot) : name.toString();
        } catch (IllegalArgumentException notAPath) {
            return "";
        }
    }

    /**
     * Fills the new folder's name from the file's while the user has not typed one of their own
     * (the name is blank, {@code fallback}, or the one proposed for the previous file), so picking
     * {@code sift.fvecs} proposes {@code sift}.
     */
    static void proposeFolderName(Field<String> file, Field<String> folder, String fallback) {
        file.input().textProperty().addListener((_, before, after) -> {
            String current = folder.input().getText().strip();
            if (current.isEmpty() || current.equals(fallback) || current.equals(stem(before))) {
                folder.input().setText(stem(after));
            }
        });
    }

    /** The path in a file input, or null when the optional input is blank. */
    static Path pathOrNull(Field<String> field) {
        String text = field.value();
        return text.isBlank() ? null : Path.of(text);
    }

    /**
     * The name of a new dataset folder under {@code root}: one plain name, not taken by a folder
     * with anything in it.
     */
    static Field<String> newFolder(Form form, String fallback, Supplier<Path> root) {
        String label = "New folder";
        return form.text(label, "out", fallback, text -> {
            String name = text.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Give the new dataset's folder name, e.g. " + fallback);
            }
            if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("Give a folder name, not a path: it is made under " + root.get());
            }
            Path folder = root.get().resolve(name);
            if (Files.exists(folder) && !isEmptyFolder(folder)) {
                throw new IllegalArgumentException(folder + " already exists; choose a new name");
            }
            return name;
        });
    }

    /** A finite decimal greater than 0, e.g. a spread. */
    static Field<String> positiveDecimal(Form form, String label, String key, double fallback) {
        return form.text(label, key, String.valueOf(fallback), text -> {
            try {
                double value = Double.parseDouble(text.strip());
                if (value > 0 && Double.isFinite(value)) {
                    return text.strip();
                }
            } catch (NumberFormatException notANumber) {
                // Falls through to the message below, which says what is wanted.
            }
            throw new IllegalArgumentException(label + " must be a number greater than 0"
                    + (text.isBlank() ? "" : ", not '" + text.strip() + "'"));
        });
    }

    private static String checkedFile(String label, String text, FileKind kind, boolean required) {
        String typed = text.strip();
        if (typed.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("Choose the " + label.toLowerCase(Locale.ROOT));
            }
            return "";
        }
        Path file = Path.of(typed);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("Not allowed to read " + file);
        }
        if (!kind.accepts(file)) {
            throw new IllegalArgumentException(file.getFileName() + " is not one of: " + kind.description);
        }
        return typed;
    }

    private static boolean isEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("Cannot look into " + folder + ": " + Problems.describe(unreadable));
        }
    }

    private static void choose(String label, FileKind kind, TextField input) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(label);
        List<String> patterns = kind.endings.isEmpty() ? List.of("*.txt")
                : kind.endings.stream().map(ending -> "*" + ending).toList();
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind.description, patterns),
                new FileChooser.ExtensionFilter("All files", "*"));
        // Start where the typed file is, so choosing its neighbour is one click.
        String typed = input.getText().strip();
        if (!typed.isEmpty()) {
            try {
                Path parent = Path.of(typed).toAbsolutePath().getParent();
                if (parent != null && Files.isDirectory(parent)) {
                    chooser.setInitialDirectory(parent.toFile());
                }
            } catch (IllegalArgumentException notAPath) {
                // Start in the chooser's own default folder.
            }
        }
        File chosen = chooser.showOpenDialog(input.getScene() == null ? null : input.getScene().getWindow());
        if (chosen != null) {
            input.setText(chosen.getPath());
        }
    }
}
