package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.MetricNames;
import io.hnswbench.datasets.Provenance;
import io.hnswbench.workbench.DatasetService;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.stage.Window;

/**
 * Starts the Datasets screen's long work, one job at a time in its job panel, and tells the screen
 * when a dataset was created or got new ground truth. The creation panes share it.
 */
final class DatasetJobs {

    /** What {@code meta.json} records as the tool that made a folder created here. */
    static final String BUILT_WITH = "HNSW Workbench 0.1.0: desktop app, Datasets screen";

    private final DatasetService datasets;
    private final Jobs jobs;
    private final JobPanel panel;
    private final Consumer<Path> created;
    private final BiConsumer<Path, GroundTruth> groundTruthWritten;

    /**
     * @param created            told the folder of each dataset created, on the FX thread
     * @param groundTruthWritten told the folder and the ground truth written into it, on the FX thread
     */
    DatasetJobs(DatasetService datasets, Jobs jobs, Consumer<Path> created,
            BiConsumer<Path, GroundTruth> groundTruthWritten) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.panel = new JobPanel("datasets");
        this.created = created;
        this.groundTruthWritten = groundTruthWritten;
    }

    /** The folder new datasets are written into: the first root, as the command line does. */
    Path newDatasetsRoot() {
        return datasets.roots().getFirst();
    }

    /** The provenance of a dataset made here, with {@code license} when the user gave one. */
    static Provenance provenance(String license) {
        return new Provenance(null, license == null || license.isBlank() ? null : license.strip(), BUILT_WITH);
    }

    /**
     * Creates a dataset in {@code out} in the background; call on the FX thread.
     *
     * @param what e.g. "Generating synthetic-500", shown while it runs and in the dialog if it fails
     */
    void create(String what, Path out, DatasetJob.Work<Dataset> creation) {
        jobs.start(new DatasetJob<>(datasets, what, out, creation, dataset -> String.format(
                "Created %s: %,d base + %,d query vectors, %d-d, %s, ground truth k=%d%s", dataset.name(),
                dataset.base().rows(), dataset.queries().rows(), dataset.dimension(),
                MetricNames.of(dataset.metric()), dataset.meta().gtK(),
                dataset.baseTexts().isPresent() ? ", with texts" : ""), _ -> created.accept(out), panel), panel);
    }

    /** Computes the exact {@code k} nearest neighbours of the queries of {@code folder} and writes them there. */
    void computeGroundTruth(Path folder, String name, int k) {
        jobs.start(new DatasetJob<>(datasets, "Computing ground truth k=" + k + " for " + name, null,
                creator -> creator.computeGroundTruth(folder, k),
                groundTruth -> String.format("Wrote the %d nearest neighbours of %,d queries into %s", groundTruth.k(),
                        groundTruth.queryCount(), name),
                groundTruth -> groundTruthWritten.accept(folder, groundTruth), panel), panel);
    }

    /** The strip that shows the running job (ids {@code datasets-progress}, {@code datasets-cancel}…). */
    JobPanel panel() {
        return panel;
    }

    /** Whether a job runs; the start buttons are disabled meanwhile. */
    ReadOnlyBooleanProperty running() {
        return panel.runningProperty();
    }

    /** The window the screen is in, for dialogs; null before it is shown. */
    Window window() {
        return panel.getScene() == null ? null : panel.getScene().getWindow();
    }
}
