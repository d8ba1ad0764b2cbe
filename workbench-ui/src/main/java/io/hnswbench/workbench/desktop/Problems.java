package io.hnswbench.workbench.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Turns a failure into the sentence a user reads, and shows it in a dialog. */
final class Problems {

    private Problems() {
    }

    /**
     * The failure's message, unwrapped from executor and I/O wrappers; file-system errors name the
     * file and say what was wrong with it.
     */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException
                || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return "unknown error";
        }
        if (cause instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "not allowed to read or write " + denied.getFile();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return cause instanceof IOException && !(cause instanceof io.hnswbench.datasets.DatasetFormatException)
                ? message + " (" + cause.getClass().getSimpleName() + ")" : message;
    }

    /** A modal error dialog over {@code owner} saying what could not be done and why. */
    public static void showError(Window owner, String whatFailed, Throwable failure) {
        showError(owner, whatFailed, describe(failure));
    }

    /** A modal error dialog over {@code owner}. */
    public static void showError(Window owner, String whatFailed, String why) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("HNSW Workbench");
        alert.setHeaderText(whatFailed);
        Label text = new Label(why);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
