package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetFolder;
import io.hnswbench.workbench.DatasetService;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Opens a dataset for the whole workbench: loads it on a background job (shown in the main
 * window's status bar), then makes it the {@link Workspace}'s dataset and remembers it for the
 * next start. At start-up it opens the last dataset, or the bundled sample when there is none.
 */
@Component
class DatasetOpener {

    static final String CHOICE = "workspace.dataset";

    private final Jobs jobs;
    private final Workspace workspace;
    private final UserChoices choices;
    private final DatasetService datasets;
    private JobPanel panel;
    /** The load under way, if any; a newer open cancels it, and only the newest opens its dataset. */
    private JobTask<Workspace.OpenDataset> currentLoad;

    public DatasetOpener(Jobs jobs, Workspace workspace, UserChoices choices, DatasetService datasets) {
        this.jobs = jobs;
        this.workspace = workspace;
        this.choices = choices;
        this.datasets = datasets;
    }

    /** The status bar's job strip; created on first call, on the FX thread. */
    JobPanel panel() {
        if (panel == null) {
            panel = new JobPanel("dataset");
        }
        return panel;
    }

    /** Loads {@code folder} in the background and opens it; call on the FX thread. */
    public void open(Path folder) {
        start(loadTask(() -> {
            if (!DatasetFolder.isDataset(folder)) {
                throw new IllegalArgumentException("no dataset at " + folder + ": the folder has no "
                        + DatasetFolder.META);
            }
            return folder;
        }));
    }

    private void start(JobTask<Workspace.OpenDataset> load) {
        if (currentLoad != null && currentLoad.isRunning()) {
            currentLoad.cancel(true);
        }
        currentLoad = load;
        jobs.start(load, panel());
    }

    /** Opens the dataset of the last session if it is still there, else the bundled sample. */
    void openLastOrSample() {
        Path last = rememberedFolder();
        start(new JobTask<>() {
            @Override
            protected Workspace.OpenDataset call() throws Exception {
                if (last != null && DatasetFolder.isDataset(last)) {
                    try {
                        return load(this, last);
                    } catch (IOException | RuntimeException unreadable) {
                        if (isCancelled()) {
                            throw unreadable;
                        }
                        // A dataset that no longer loads must not keep the workbench from opening.
                        Workspace.OpenDataset sample = load(this, datasets.ensureSample().folder());
                        say("Could not open " + last + " (" + Problems.describe(unreadable) + "); opened the sample");
                        return sample;
                    }
                }
                say("Installing the bundled sample dataset");
                return load(this, datasets.ensureSample().folder());
            }

            @Override
            protected void succeeded() {
                opened(this, getValue());
            }
        });
    }

    /** The folder of the last session's dataset, or null when none is remembered (or it is no path). */
    private Path rememberedFolder() {
        String last = choices.get(CHOICE, "");
        try {
            return last.isBlank() ? null : Path.of(last);
        } catch (java.nio.file.InvalidPathException notAPath) {
            return null;
        }
    }

    /** Whether {@code folder} is the dataset that is open now. */
    public boolean isOpen(Path folder) {
        Workspace.OpenDataset open = workspace.dataset();
        return open != null && open.folder().equals(folder.toAbsolutePath().normalize());
    }

    /** Where the dataset lives, found on the job's thread (it may install the sample). */
    private interface FolderChoice {
        Path folder() throws Exception;
    }

    private JobTask<Workspace.OpenDataset> loadTask(FolderChoice choice) {
        return new JobTask<>() {
            @Override
            protected Workspace.OpenDataset call() throws Exception {
                say("Finding the dataset");
                return load(this, choice.folder());
            }

            @Override
            protected void succeeded() {
                opened(this, getValue());
            }
        };
    }

    private static Workspace.OpenDataset load(JobTask<?> task, Path chosen) throws IOException {
        Path folder = chosen.toAbsolutePath().normalize();
        task.say("Loading " + folder.getFileName());
        Dataset dataset = Dataset.load(folder);
        task.say(String.format("Opened %s: %,d vectors of %d dimensions", dataset.name(), dataset.base().rows(),
                dataset.dimension()));
        return new Workspace.OpenDataset(folder, dataset);
    }

    /** Makes a finished load the workspace's dataset, unless a newer open replaced it meanwhile. */
    private void opened(JobTask<Workspace.OpenDataset> load, Workspace.OpenDataset dataset) {
        if (load != currentLoad) {
            return;
        }
        workspace.openDataset(dataset);
        choices.put(CHOICE, dataset.folder());
        choices.save();
    }

}
