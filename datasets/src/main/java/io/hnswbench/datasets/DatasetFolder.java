package io.hnswbench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The on-disk layout of a dataset, the one of DESIGN.md and {@code ../shared/datasets}:
 * {@code base.fvecs}, {@code query.fvecs}, {@code groundtruth.ivecs} (optional, with optional
 * {@code groundtruth.distances.fvecs}), {@code base.txt}/{@code query.txt} (optional, one text per
 * line, line i is vector i) and {@code meta.json}. {@code meta.json} is written last, so a folder
 * with one is complete.
 */
public final class DatasetFolder {

    public static final String META = "meta.json";
    public static final String BASE = "base.fvecs";
    public static final String QUERIES = "query.fvecs";
    public static final String GROUND_TRUTH = "groundtruth.ivecs";
    public static final String GROUND_TRUTH_DISTANCES = "groundtruth.distances.fvecs";
    public static final String BASE_TEXTS = "base.txt";
    public static final String QUERY_TEXTS = "query.txt";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DatasetFolder() {
    }

    /** True when {@code folder} has a {@code meta.json}. */
    public static boolean isDataset(Path folder) {
        return Files.isRegularFile(folder.resolve(META));
    }

    /** Reads and checks {@code meta.json} only, without touching the vector files. */
    public static DatasetMeta readMeta(Path folder) throws IOException {
        Path file = folder.resolve(META);
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(folder, "not a dataset folder: it has no " + META);
        }
        DatasetMeta meta;
        try {
            meta = JSON.readValue(Files.readAllBytes(file), DatasetMeta.class);
        } catch (JacksonException e) {
            throw new DatasetFormatException(file, "not valid dataset metadata: " + e.getOriginalMessage(), e);
        }
        if (meta == null || meta.name() == null || meta.name().isBlank()) {
            throw new DatasetFormatException(file, "has no \"name\"");
        }
        if (meta.dimension() <= 0 || meta.baseCount() < 0 || meta.queryCount() < 0 || meta.gtK() < 0) {
            throw new DatasetFormatException(file, "needs a positive \"dimension\" and non-negative counts, has dimension "
                    + meta.dimension() + ", base_count " + meta.baseCount() + ", query_count " + meta.queryCount()
                    + ", gt_k " + meta.gtK());
        }
        try {
            MetricNames.parse(meta.metric());
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file, e.getMessage());
        }
        return meta;
    }

    /** Reads every file of a dataset folder and checks that they agree with each other. */
    public static Dataset load(Path folder) throws IOException {
        DatasetMeta meta = readMeta(folder);
        VectorMatrix base = TexmexFormat.readFvecs(required(folder, BASE));
        VectorMatrix queries = TexmexFormat.readFvecs(required(folder, QUERIES));
        GroundTruth groundTruth = null;
        if (Files.exists(folder.resolve(GROUND_TRUTH))) {
            IntMatrix ids = TexmexFormat.readIvecs(folder.resolve(GROUND_TRUTH));
            AnnBenchmarksFile.checkIdsInRange(folder.resolve(GROUND_TRUTH), ids, base.rows());
            Path distancesFile = folder.resolve(GROUND_TRUTH_DISTANCES);
            VectorMatrix distances = Files.exists(distancesFile) ? TexmexFormat.readFvecs(distancesFile) : null;
            try {
                groundTruth = new GroundTruth(ids, distances);
            } catch (IllegalArgumentException e) {
                throw new DatasetFormatException(distancesFile, e.getMessage());
            }
        }
        List<String> baseTexts = readTexts(folder.resolve(BASE_TEXTS));
        List<String> queryTexts = readTexts(folder.resolve(QUERY_TEXTS));
        try {
            return new Dataset(meta, base, queries, groundTruth, baseTexts, queryTexts);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(folder, e.getMessage());
        }
    }

    /**
     * Writes every part of {@code dataset} into {@code folder} (created if needed), replacing files
     * of the same names; {@code meta.json} last.
     */
    public static void write(Path folder, Dataset dataset) throws IOException {
        requireOneLineEach(dataset.baseTexts().orElse(List.of()), "base");
        requireOneLineEach(dataset.queryTexts().orElse(List.of()), "query");
        Files.createDirectories(folder);
        TexmexFormat.writeFvecs(folder.resolve(BASE), dataset.base());
        TexmexFormat.writeFvecs(folder.resolve(QUERIES), dataset.queries());
        if (dataset.groundTruth().isPresent()) {
            writeGroundTruthFiles(folder, dataset.groundTruth().get());
        }
        if (dataset.baseTexts().isPresent()) {
            Files.write(folder.resolve(BASE_TEXTS), dataset.baseTexts().get(), StandardCharsets.UTF_8);
        }
        if (dataset.queryTexts().isPresent()) {
            Files.write(folder.resolve(QUERY_TEXTS), dataset.queryTexts().get(), StandardCharsets.UTF_8);
        }
        writeMeta(folder, dataset.meta());
    }

    /**
     * Writes (or replaces) the ground truth of an existing folder and records its depth in
     * meta.json. The new files are written beside the old ones and moved into place, so a write
     * that fails or is interrupted (a cancelled job) leaves the old ground truth whole.
     */
    public static void writeGroundTruth(Path folder, GroundTruth groundTruth) throws IOException {
        DatasetMeta meta = readMeta(folder);
        if (groundTruth.queryCount() != meta.queryCount()) {
            throw new IllegalArgumentException("ground truth for " + groundTruth.queryCount() + " queries, the dataset has "
                    + meta.queryCount());
        }
        Path staging = Files.createTempDirectory(folder, ".groundtruth-");
        try {
            writeGroundTruthFiles(staging, groundTruth);
            for (String name : List.of(GROUND_TRUTH, GROUND_TRUTH_DISTANCES)) {
                Path staged = staging.resolve(name);
                if (Files.exists(staged)) {
                    Files.move(staged, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(folder.resolve(name));
                }
            }
        } finally {
            try (var left = Files.list(staging)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(staging);
        }
        writeMeta(folder, meta.withGtK(groundTruth.k()));
    }

    /** Line i of a text file is vector i: a text with a line break would shift every text after it. */
    private static void requireOneLineEach(List<String> texts, String what) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).indexOf('\n') >= 0 || texts.get(i).indexOf('\r') >= 0) {
                throw new IllegalArgumentException(what + " text " + i + " contains a line break; each text must be "
                        + "one line (collapse line breaks to spaces)");
            }
        }
    }

    private static void writeGroundTruthFiles(Path folder, GroundTruth groundTruth) throws IOException {
        TexmexFormat.writeIvecs(folder.resolve(GROUND_TRUTH), groundTruth.ids());
        Path distancesFile = folder.resolve(GROUND_TRUTH_DISTANCES);
        if (groundTruth.distances().isPresent()) {
            TexmexFormat.writeFvecs(distancesFile, groundTruth.distances().get());
        } else {
            Files.deleteIfExists(distancesFile);
        }
    }

    private static void writeMeta(Path folder, DatasetMeta meta) throws IOException {
        Path temporary = folder.resolve(META + ".tmp");
        Files.write(temporary, JSON.writeValueAsBytes(meta));
        Files.move(temporary, folder.resolve(META), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path required(Path folder, String name) throws DatasetFormatException {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(folder, "the dataset folder has no " + name);
        }
        return file;
    }

    private static List<String> readTexts(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : null;
    }
}
