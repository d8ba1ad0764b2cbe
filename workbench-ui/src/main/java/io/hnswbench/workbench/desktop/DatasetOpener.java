package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetFolder;
import io.hnswbench.workbench.DatasetService;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Opens a dataset for the whole workbench: loads it on a background job (shown in the main
 * window's status bar), then makes it the {@link Workspace}'s dataset and remembers it for the
 * next start. At start-up it opens the last dataset, or the bundled sample when there is none.
 */
@Component
public class DatasetOpener {

    static final String CHOICE = "workspace.dataset";

    private final Jobs jobs;
    private final Workspace workspace;
    private final UserChoices choices;
    private final DatasetService datasets;
    private JobPanel panel;

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
        jobs.start(loadTask(() -> {
            if (!DatasetFolder.isDataset(folder)) {
                throw new IllegalArgumentException("no dataset at " + folder + ": the folder has no "
                        + DatasetFolder.META);
            }
            return folder;
        }), panel());
    }

    /** Opens the dataset of the last session if it is still there, else the bundled sample. */
    void openLastOrSample() {
        String last = choices.get(CHOICE, "");
        jobs.start(loadTask(() -> {
            if (!last.isBlank() && DatasetFolder.isDataset(Path.of(last))) {
                return Path.of(last);
            }
            return datasets.ensureSample().folder();
        }), panel());
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
                Path folder = choice.folder().toAbsolutePath().normalize();
                say("Loading " + folder.getFileName());
                Dataset dataset = Dataset.load(folder);
                say(String.format("Opened %s: %,d vectors of %d dimensions", dataset.name(), dataset.base().rows(),
                        dataset.dimension()));
                return new Workspace.OpenDataset(folder, dataset);
            }

            @Override
            protected void succeeded() {
                workspace.openDataset(getValue());
                choices.put(CHOICE, getValue().folder());
                choices.save();
            }
        };
    }
}
