package io.hnswbench.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds dataset folders under root folders: each root itself and its direct sub-folders that hold
 * a {@code meta.json}. Only the metadata is read, so listing is quick however large the sets are.
 */
public final class DatasetCatalog {

    /**
     * One folder found.
     *
     * @param meta            its metadata, or null when {@code problem} says why it could not be read
     * @param hasGroundTruth  whether {@code groundtruth.ivecs} is there
     * @param hasTexts        whether {@code base.txt} is there
     * @param problem         why the folder is not usable, or null
     */
    public record Entry(Path folder, DatasetMeta meta, boolean hasGroundTruth, boolean hasTexts, String problem) {
    }

    private DatasetCatalog() {
    }

    /** The datasets under {@code roots}, sorted by folder; roots that do not exist are skipped. */
    public static List<Entry> list(List<Path> roots) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            if (DatasetFolder.isDataset(root)) {
                entries.add(describe(root));
            }
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.filter(DatasetFolder::isDataset).toList()) {
                    entries.add(describe(child));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::folder));
        return entries;
    }

    private static Entry describe(Path folder) {
        boolean hasGroundTruth = Files.isRegularFile(folder.resolve(DatasetFolder.GROUND_TRUTH));
        boolean hasTexts = Files.isRegularFile(folder.resolve(DatasetFolder.BASE_TEXTS));
        try {
            return new Entry(folder, DatasetFolder.readMeta(folder), hasGroundTruth, hasTexts, null);
        } catch (IOException e) {
            return new Entry(folder, null, hasGroundTruth, hasTexts, e.getMessage());
        }
    }
}
