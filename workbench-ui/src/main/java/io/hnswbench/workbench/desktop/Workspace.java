package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.IndexStatistics;
import io.hnswbench.reports.SweepResults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.springframework.stereotype.Component;

/**
 * What the screens share: the open dataset, the index built on it (or loaded), and the sweep runs
 * of this session. Screens listen to these properties; change them on the FX thread only.
 */
@Component
class Workspace {

    /** A dataset folder and its contents, loaded into memory. */
    public record OpenDataset(Path folder, Dataset dataset) {

        public OpenDataset {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(dataset, "dataset");
        }
    }

    /**
     * The index the Graph and Search screens work on. Its ids are the dataset's base row numbers
     * ({@code "0"}, {@code "1"}…), as sweeps use them, so a result maps back to its row and text.
     *
     * @param index      the index
     * @param origin     how it came to be, e.g. {@code "built: M=16, efC=200, 2 threads"} or
     *                   {@code "loaded from /tmp/a.hnsw"}
     * @param buildTime  how long the build took; {@code null} for a loaded or opened index
     * @param statistics the layer statistics, taken once when it was built or loaded
     * @param file       the file it was last saved to or read from; {@code null} if none
     */
    public record ActiveIndex(HnswIndex index, String origin, Duration buildTime, IndexStatistics statistics,
            Path file) {

        public ActiveIndex {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(statistics, "statistics");
        }

        /** The same index, now saved to or read from {@code savedTo}. */
        public ActiveIndex withFile(Path savedTo) {
            return new ActiveIndex(index, origin, buildTime, statistics, savedTo);
        }

        /** The base row behind a result id, or -1 when the id is not a row number of the dataset. */
        public static int rowOf(String id, Dataset dataset) {
            try {
                int row = Integer.parseInt(id);
                return row >= 0 && row < dataset.base().rows() ? row : -1;
            } catch (NumberFormatException notARow) {
                return -1;
            }
        }
    }

    private final ObjectProperty<OpenDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<ActiveIndex> index = new SimpleObjectProperty<>(this, "index");
    private final ObservableList<SweepResults> runs = FXCollections.observableArrayList();

    /** The open dataset; {@code null} until the first one is loaded. */
    public ReadOnlyObjectProperty<OpenDataset> datasetProperty() {
        return dataset;
    }

    public OpenDataset dataset() {
        return dataset.get();
    }

    /**
     * Opens another dataset. The index belonged to the previous one, so it is closed and dropped;
     * sweep runs stay (they carry their dataset's name and may be compared across datasets).
     */
    public void openDataset(OpenDataset opened) {
        setIndex(null);
        dataset.set(opened);
    }

    /** The index built on (or loaded for) the open dataset; {@code null} when there is none. */
    public ReadOnlyObjectProperty<ActiveIndex> indexProperty() {
        return index;
    }

    public ActiveIndex index() {
        return index.get();
    }

    /** Replaces the index; the previous one is closed unless it is the same index. */
    public void setIndex(ActiveIndex replacement) {
        ActiveIndex previous = index.get();
        index.set(replacement);
        if (previous != null && (replacement == null || previous.index() != replacement.index())) {
            previous.index().close();
        }
    }

    /**
     * Makes {@code offered} the index unless another dataset was opened since the job that made
     * it started: an index belongs to the dataset whose rows its ids number. A stale index is
     * closed.
     *
     * @param madeFor the dataset open when the job started
     * @return whether the index was taken
     */
    public boolean offerIndex(ActiveIndex offered, Dataset madeFor) {
        OpenDataset open = dataset.get();
        if (open != null && open.dataset() == madeFor) {
            setIndex(offered);
            return true;
        }
        offered.index().close();
        return false;
    }

    /** The sweep runs of this session and those loaded from results.json files, oldest first. */
    public ObservableList<SweepResults> runs() {
        return runs;
    }
}
