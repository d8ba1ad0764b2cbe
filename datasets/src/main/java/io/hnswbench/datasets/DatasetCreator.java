package io.hnswbench.datasets;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Makes dataset folders: from a file of vectors (import), from a seeded distribution (generate),
 * from a text file (embed), and adds exact ground truth to an existing folder. Every new folder
 * gets ground truth, so recall can be measured on it at once.
 */
public final class DatasetCreator {

    /** Ground-truth depth when none is asked for: enough for recall@100. */
    public static final int DEFAULT_GT_K = 100;
    /** Queries split off an imported base set when no count is given (the usual size of a query set). */
    public static final int DEFAULT_QUERY_COUNT = 1000;

    private final int threads;
    private final ProgressListener progress;
    private final Supplier<TextEmbedder> embedder;

    /**
     * @param threads  worker threads for ground truth
     * @param progress told how far reading, embedding and ground truth have come
     * @param embedder gives the text embedder when one is first needed (the model takes a second to load)
     */
    public DatasetCreator(int threads, ProgressListener progress, Supplier<TextEmbedder> embedder) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.threads = threads;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /**
     * What to import.
     *
     * @param file        base vectors (.fvecs, .bvecs, .npy) or a whole ann-benchmarks .hdf5 file
     * @param queries     query vectors in one of the vector formats, or null to split them off the base set
     *                    (ignored for .hdf5, which has its own)
     * @param groundTruth a .ivecs file of true neighbours for {@code queries}, or null to compute them
     * @param metric      the metric, or null to take it from the .hdf5 file (the other formats carry none)
     * @param queryCount  how many base vectors to split off as queries when {@code queries} is null; 0 for
     *                    {@link #DEFAULT_QUERY_COUNT}, or a tenth of the vectors when that is fewer
     * @param seed        chooses which base vectors become queries
     */
    public record ImportRequest(Path file, Path queries, Path groundTruth, Metric metric, int queryCount, int gtK,
                                long seed, String name, Provenance provenance) {
    }

    /**
     * What to embed.
     *
     * @param texts      a UTF-8 text file, one document per line; blank lines are skipped
     * @param queryCount how many lines (chosen by {@code seed}) become queries; the rest are the base set
     * @param limit      use only the first {@code limit} non-blank lines; 0 for all
     */
    public record EmbedRequest(Path texts, int queryCount, int limit, int gtK, long seed, String name,
                               Provenance provenance) {
    }

    /** Imports vectors into a new dataset folder {@code out}. */
    public Dataset importFile(ImportRequest request, Path out) throws IOException, InterruptedException {
        checkNewFolder(out);
        Path file = request.file();
        VectorMatrix base;
        VectorMatrix queries;
        IntMatrix neighbors = null;
        Metric metric = request.metric();
        String format;
        if (VectorFiles.isHdf5(file)) {
            progress.update("reading " + file.getFileName(), 0, 1);
            AnnBenchmarksFile hdf = AnnBenchmarksFile.read(file);
            base = hdf.train();
            queries = hdf.test();
            neighbors = hdf.neighbors();
            format = "ann-benchmarks HDF5";
            if (metric == null) {
                metric = hdf.metric();
            }
            if (metric == null) {
                throw new DatasetFormatException(file, "has no 'distance' attribute; give the metric ("
                        + MetricNames.ACCEPTED + ")");
            }
        } else {
            if (metric == null) {
                throw new IllegalArgumentException(file.getFileName() + " does not record a metric; give one ("
                        + MetricNames.ACCEPTED + ")");
            }
            progress.update("reading " + file.getFileName(), 0, 1);
            base = VectorFiles.read(file);
            format = base.dimension() + "-d vectors from " + file.getFileName();
            if (request.queries() != null) {
                queries = VectorFiles.read(request.queries());
                if (queries.dimension() != base.dimension()) {
                    throw new DatasetFormatException(request.queries(), "queries have dimension " + queries.dimension()
                            + " but the base vectors have " + base.dimension());
                }
            } else {
                Split split = Split.of(base.rows(), queryCountFor(request.queryCount(), base.rows()), request.seed());
                queries = base.select(split.queryRows());
                base = base.select(split.baseRows());
            }
            if (request.groundTruth() != null) {
                if (request.queries() == null) {
                    throw new IllegalArgumentException("a ground-truth file belongs to a query file; give the queries too");
                }
                neighbors = TexmexFormat.readIvecs(request.groundTruth());
                if (neighbors.rows() != queries.rows()) {
                    throw new DatasetFormatException(request.groundTruth(), neighbors.rows() + " rows for "
                            + queries.rows() + " queries");
                }
                AnnBenchmarksFile.checkIdsInRange(request.groundTruth(), neighbors, base.rows());
            }
        }
        GroundTruth groundTruth = neighbors != null
                ? new GroundTruth(neighbors, ExactNeighbors.distancesOf(base, queries, metric, neighbors))
                : ExactNeighbors.compute(base, queries, metric, request.gtK(), threads, progress);
        DatasetMeta meta = meta(request.name(), out, base, queries, metric, groundTruth,
                request.provenance().sourceOr("imported from " + file.getFileName() + " (" + format + ")"),
                request.provenance());
        return write(out, new Dataset(meta, base, queries, groundTruth, null, null));
    }

    /** Generates seeded synthetic vectors into a new dataset folder {@code out}. */
    public Dataset generate(SyntheticData.Spec spec, int gtK, String name, Provenance provenance, Path out)
            throws IOException, InterruptedException {
        checkNewFolder(out);
        progress.update("generating", 0, spec.baseCount());
        VectorMatrix[] generated = SyntheticData.generate(spec);
        progress.update("generating", spec.baseCount(), spec.baseCount());
        GroundTruth groundTruth = ExactNeighbors.compute(generated[0], generated[1], spec.metric(), gtK, threads, progress);
        DatasetMeta meta = meta(name, out, generated[0], generated[1], spec.metric(), groundTruth,
                provenance.sourceOr(spec.description()), new Provenance(null,
                        provenance.license() == null ? "generated data: no restrictions" : provenance.license(),
                        provenance.builtWith()));
        return write(out, new Dataset(meta, generated[0], generated[1], groundTruth, null, null));
    }

    /** Embeds a text file into a new cosine dataset folder {@code out}, keeping the texts. */
    public Dataset embedTexts(EmbedRequest request, Path out) throws IOException, InterruptedException {
        checkNewFolder(out);
        List<String> lines = readTexts(request.texts(), request.limit());
        Split split = Split.of(lines.size(), request.queryCount(), request.seed());
        List<String> baseTexts = pick(lines, split.baseRows());
        List<String> queryTexts = pick(lines, split.queryRows());
        TextEmbedder model = embedder.get();
        VectorMatrix all = model.embedAll(Stream.concat(baseTexts.stream(), queryTexts.stream()).toList(), progress);
        int[] baseRows = new int[baseTexts.size()];
        Arrays.setAll(baseRows, i -> i);
        int[] queryRows = new int[queryTexts.size()];
        Arrays.setAll(queryRows, i -> baseTexts.size() + i);
        VectorMatrix base = all.select(baseRows);
        VectorMatrix queries = all.select(queryRows);
        GroundTruth groundTruth = ExactNeighbors.compute(base, queries, Metric.COSINE, request.gtK(), threads, progress);
        String source = request.provenance().sourceOr(lines.size() + " texts from " + request.texts().getFileName()
                + " (" + baseTexts.size() + " base, " + queryTexts.size() + " queries chosen with seed "
                + request.seed() + "), embedded with " + TextEmbedder.MODEL + " (" + TextEmbedder.DIMENSION
                + "-d, mean pooling, L2-normalised) by " + TextEmbedder.ARTIFACT);
        DatasetMeta meta = meta(request.name(), out, base, queries, Metric.COSINE, groundTruth, source,
                request.provenance());
        return write(out, new Dataset(meta, base, queries, groundTruth, baseTexts, queryTexts));
    }

    /**
     * Computes exact ground truth for the dataset in {@code folder} and writes it there, replacing
     * any earlier one.
     */
    public GroundTruth computeGroundTruth(Path folder, int k) throws IOException, InterruptedException {
        Dataset dataset = DatasetFolder.load(folder);
        GroundTruth groundTruth = ExactNeighbors.compute(dataset.base(), dataset.queries(), dataset.metric(), k,
                threads, progress);
        DatasetFolder.writeGroundTruth(folder, groundTruth);
        return groundTruth;
    }

    private static DatasetMeta meta(String name, Path out, VectorMatrix base, VectorMatrix queries, Metric metric,
                                    GroundTruth groundTruth, String source, Provenance provenance) {
        String datasetName = name == null || name.isBlank() ? out.toAbsolutePath().normalize().getFileName().toString()
                : name;
        return new DatasetMeta(datasetName, base.dimension(), MetricNames.of(metric), base.rows(), queries.rows(),
                groundTruth.k(), source, provenance.licenseOrUnknown(), provenance.builtWith());
    }

    private Dataset write(Path out, Dataset dataset) throws IOException {
        progress.update("writing " + out.getFileName(), 0, 1);
        DatasetFolder.write(out, dataset);
        progress.update("writing " + out.getFileName(), 1, 1);
        return dataset;
    }

    /** Refuses to write into a folder that already holds something: nothing of a user's is overwritten. */
    private static void checkNewFolder(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + " already exists and is not empty; choose a new folder");
                }
            }
        } else if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists and is not a folder");
        }
    }

    private static List<String> readTexts(Path file, int limit) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String text = line.strip();
                if (!text.isEmpty()) {
                    texts.add(text);
                    if (limit > 0 && texts.size() == limit) {
                        break;
                    }
                }
            }
        }
        if (texts.size() < 2) {
            throw new DatasetFormatException(file, "has " + texts.size() + " non-blank lines; a dataset needs at least "
                    + "one base text and one query text");
        }
        return texts;
    }

    private static List<String> pick(List<String> texts, int[] rows) {
        List<String> picked = new ArrayList<>(rows.length);
        for (int row : rows) {
            picked.add(texts.get(row));
        }
        return picked;
    }

    private static int queryCountFor(int requested, int rows) {
        return requested > 0 ? requested : Math.max(1, Math.min(DEFAULT_QUERY_COUNT, rows / 10));
    }

    /** A seeded choice of query rows; the base rows are the others, in their original order. */
    record Split(int[] baseRows, int[] queryRows) {

        static Split of(int rows, int queryCount, long seed) {
            if (queryCount <= 0 || queryCount >= rows) {
                throw new IllegalArgumentException("cannot split " + queryCount + " queries off " + rows
                        + " vectors: need at least one query and one base vector");
            }
            int[] order = new int[rows];
            Arrays.setAll(order, i -> i);
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < queryCount; i++) {
                int j = i + random.nextInt(rows - i);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            int[] queryRows = Arrays.copyOf(order, queryCount);
            Arrays.sort(queryRows);
            boolean[] isQuery = new boolean[rows];
            for (int row : queryRows) {
                isQuery[row] = true;
            }
            int[] baseRows = new int[rows - queryCount];
            for (int row = 0, next = 0; row < rows; row++) {
                if (!isQuery[row]) {
                    baseRows[next++] = row;
                }
            }
            return new Split(baseRows, queryRows);
        }
    }
}
