package io.hnswbench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The real dataset that ships inside this jar, so the workbench has something to work on with no
 * other file: Debian package descriptions embedded with all-MiniLM-L6-v2, with texts and exact
 * ground truth. Its {@code meta.json} gives the provenance and the licenses.
 */
public final class BundledSample {

    /** The sample's folder name and dataset name. */
    public static final String NAME = "debian-packages-4k";

    private static final String RESOURCE_FOLDER = "/io/hnswbench/datasets/sample/" + NAME + "/";
    // meta.json last: a folder with one is complete.
    private static final List<String> FILES = List.of(DatasetFolder.BASE, DatasetFolder.QUERIES,
            DatasetFolder.GROUND_TRUTH, DatasetFolder.GROUND_TRUTH_DISTANCES, DatasetFolder.BASE_TEXTS,
            DatasetFolder.QUERY_TEXTS, DatasetFolder.META);

    private BundledSample() {
    }

    /**
     * Copies the sample into {@code root/debian-packages-4k} unless a dataset is already there, and
     * returns that folder.
     */
    public static Path installInto(Path root) throws IOException {
        Path folder = root.resolve(NAME);
        if (DatasetFolder.isDataset(folder)) {
            return folder;
        }
        Files.createDirectories(folder);
        for (String file : FILES) {
            try (InputStream in = BundledSample.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
                if (in == null) {
                    throw new IOException("the bundled sample is missing " + file + " from the jar; rebuild it");
                }
                Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
