package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.workbench.DatasetService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.scene.Node;

/**
 * One long piece of dataset work of the Datasets screen (import, generate, embed, ground truth),
 * run with a {@link DatasetCreator} whose progress shows in the screen's job panel.
 *
 * <p>A job that makes a new folder leaves nothing behind when it fails or is cancelled: what it
 * wrote there is deleted, so no half-written folder blocks the name (a folder without
 * {@code meta.json} is never listed, but the next creation there would refuse the non-empty folder).
 * A folder that held anything before the job started is never touched.
 */
final class DatasetJob<T> extends JobTask<T> {

    /** The work itself, given a creator that reports to this job. */
    @FunctionalInterface
    interface Work<T> {
        T run(DatasetCreator creator) throws IOException, InterruptedException;
    }

    private final DatasetService datasets;
    private final String what;
    private final Path newFolder;
    private final Work<T> work;
    private final Function<T, String> summary;
    private final Consumer<T> whenDone;
    private final Node anchor;

    /**
     * @param what      what the job does, e.g. "Generating synthetic-500", for its status and its error dialog
     * @param newFolder the folder the job creates, removed again if the job does not finish; null when the
     *                  job writes into an existing dataset
     * @param summary   the status line when the job has finished, e.g. "Created …"
     * @param whenDone  applies the result, on the FX thread
     * @param anchor    a node of the screen, whose window owns the error dialog
     */
    DatasetJob(DatasetService datasets, String what, Path newFolder, Work<T> work, Function<T, String> summary,
            Consumer<T> whenDone, Node anchor) {
        this.datasets = datasets;
        this.what = what;
        this.newFolder = newFolder;
        this.work = work;
        this.summary = summary;
        this.whenDone = whenDone;
        this.anchor = anchor;
    }

    @Override
    protected T call() throws Exception {
        say(what);
        boolean ours = newFolder != null && isAbsentOrEmpty(newFolder);
        boolean kept = false;
        try {
            T result = work.run(datasets.creator(Runtime.getRuntime().availableProcessors(), this::progress));
            // A cancel that came while the last file was written: the user asked for no dataset.
            kept = !isCancelled();
            if (kept) {
                say(summary.apply(result));
            }
            return result;
        } finally {
            if (ours && !kept) {
                discard(newFolder);
            }
        }
    }

    @Override
    protected void succeeded() {
        whenDone.accept(getValue());
    }

    @Override
    protected void failed() {
        Problems.showError(anchor.getScene() == null ? null : anchor.getScene().getWindow(), what + " failed",
                getException());
    }

    private static boolean isAbsentOrEmpty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Deletes {@code folder} and everything in it, as far as it can. */
    private static void discard(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            List<Path> deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException leftBehind) {
            // What remains has no meta.json, so it is not listed; a new creation there says the
            // folder is not empty. The job's own failure or cancellation is what the user must see.
        }
    }
}
