package io.hnswbench.workbench;

import io.hnswbench.datasets.BundledSample;
import io.hnswbench.datasets.DatasetCatalog;
import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.datasets.DatasetFolder;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.TextEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The datasets the workbench knows: those under the configured roots, with the bundled sample
 * installed into the first root on first use; and the one text embedder, loaded when first needed.
 */
@Service
public class DatasetService {

    private final WorkbenchProperties properties;
    private volatile TextEmbedder embedder;

    public DatasetService(WorkbenchProperties properties) {
        this.properties = properties;
    }

    /** The configured roots, in order. */
    public List<Path> roots() {
        return properties.datasetRoots();
    }

    /**
     * Installs the bundled sample into the first root unless it is there already.
     *
     * @return the sample's folder and whether this call installed it
     */
    public Installation ensureSample() throws IOException {
        Path root = roots().getFirst();
        boolean present = DatasetFolder.isDataset(root.resolve(BundledSample.NAME));
        return new Installation(BundledSample.installInto(root), !present);
    }

    /** @param installed whether the sample was copied just now */
    public record Installation(Path folder, boolean installed) {
    }

    /**
     * The dataset folder a user named: a path to a dataset folder, or the name (or folder name)
     * of a dataset under the configured roots, e.g. {@code debian-packages-4k}.
     *
     * @throws IllegalArgumentException saying where it looked
     */
    public Path resolve(String folderOrName) throws IOException {
        Path asPath = Path.of(folderOrName);
        if (DatasetFolder.isDataset(asPath)) {
            return asPath;
        }
        ensureSample();
        for (DatasetCatalog.Entry entry : list(roots())) {
            boolean sameName = entry.meta() != null && entry.meta().name().equals(folderOrName);
            if (sameName || entry.folder().getFileName().toString().equals(folderOrName)) {
                return entry.folder();
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + folderOrName + "': no dataset folder (with a "
                + DatasetFolder.META + ") there, and no dataset of that name under " + roots()
                + "; ./workbench datasets list shows them");
    }

    /** The datasets under {@code roots}. */
    public List<DatasetCatalog.Entry> list(List<Path> rootsToList) throws IOException {
        return DatasetCatalog.list(rootsToList);
    }

    /** A creator that reports to {@code progress} and shares this service's embedder. */
    public DatasetCreator creator(int threads, ProgressListener progress) {
        return new DatasetCreator(threads, progress, this::embedder);
    }

    /** The all-MiniLM-L6-v2 embedder, loaded on first use and then shared. */
    public TextEmbedder embedder() {
        TextEmbedder loaded = embedder;
        if (loaded == null) {
            synchronized (this) {
                loaded = embedder;
                if (loaded == null) {
                    loaded = new TextEmbedder();
                    embedder = loaded;
                }
            }
        }
        return loaded;
    }
}
