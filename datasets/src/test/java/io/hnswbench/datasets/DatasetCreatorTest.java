package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.DatasetCreator.EmbedRequest;
import io.hnswbench.datasets.DatasetCreator.ImportRequest;
import io.hnswbench.datasets.SyntheticData.Kind;
import io.hnswbench.datasets.SyntheticData.Spec;
import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way of making a dataset folder writes one that loads, agrees with its input, and carries a
 * ground truth equal to {@link ExactNeighbors} on the vectors as loaded back.
 */
class DatasetCreatorTest {

    private static final Provenance UNKNOWN = new Provenance(null, null, null);

    @TempDir
    Path folder;

    private final DatasetCreator creator = new DatasetCreator(2, ProgressListener.NONE, Fixtures::embedder);

    @Test
    void importsFvecsSplittingOffQueries() throws IOException, InterruptedException {
        VectorMatrix vectors = Fixtures.gaussianMatrix(31, 300, 8);
        Path file = folder.resolve("vectors.fvecs");
        TexmexFormat.writeFvecs(file, vectors);
        Path out = folder.resolve("split");

        ImportRequest request = new ImportRequest(file, null, null, Metric.L2, 20, 10, 5, "split", UNKNOWN);

        Dataset created = creator.importFile(request, out);

        Dataset loaded = Dataset.load(out);
        assertEquals(created.meta(), loaded.meta());
        assertEquals(280, loaded.base().rows());
        assertEquals(20, loaded.queries().rows());
        assertEquals(sortedRows(vectors), sortedRows(loaded.base(), loaded.queries()),
                "every input vector is either a base vector or a query, once");
        assertGroundTruthIsExact(loaded, 10);
        assertEquals("split", loaded.name());
        assertEquals("l2", loaded.meta().metric());
        assertTrue(loaded.meta().source().contains("vectors.fvecs"), loaded.meta().source());
        assertEquals(Provenance.UNKNOWN_LICENSE, loaded.meta().license());

        Dataset again = creator.importFile(request, folder.resolve("split-again"));
        assertArrayEquals(loaded.queries().data(), again.queries().data(), "the same seed picks the same queries");
    }

    @Test
    void importsFvecsWithSeparateQueriesAndIvecsGroundTruth() throws IOException, InterruptedException {
        VectorMatrix base = Fixtures.gaussianMatrix(41, 200, 6);
        VectorMatrix queries = Fixtures.gaussianMatrix(42, 15, 6);
        int[][] neighbors = BruteForce.neighbors(base, queries, Metric.L2, 7);
        Path baseFile = folder.resolve("base.fvecs");
        Path queryFile = folder.resolve("queries.fvecs");
        Path groundTruthFile = folder.resolve("truth.ivecs");
        TexmexFormat.writeFvecs(baseFile, base);
        TexmexFormat.writeFvecs(queryFile, queries);
        TexmexFormat.writeIvecs(groundTruthFile, IntMatrix.wrap(Stream.of(neighbors).flatMapToInt(Arrays::stream)
                .toArray(), 15, 7));
        Path out = folder.resolve("given-truth");

        creator.importFile(new ImportRequest(baseFile, queryFile, groundTruthFile, Metric.L2, 0, 100, 0, null,
                new Provenance("made by a test", "CC0-1.0", "DatasetCreatorTest")), out);

        Dataset loaded = Dataset.load(out);
        assertArrayEquals(base.data(), loaded.base().data());
        assertArrayEquals(queries.data(), loaded.queries().data());
        assertArrayEquals(neighbors, BruteForce.rows(loaded.groundTruth().orElseThrow().ids()),
                "the given ground truth is kept");
        assertGroundTruthIsExact(loaded, 7);
        assertEquals(new DatasetMeta("given-truth", 6, "l2", 200, 15, 7, "made by a test", "CC0-1.0",
                "DatasetCreatorTest"), loaded.meta());
    }

    @Test
    void importsNpy() throws IOException, InterruptedException {
        VectorMatrix vectors = Fixtures.gaussianMatrix(51, 150, 5);
        Path file = folder.resolve("vectors.npy");
        NpyFormat.write(file, vectors);
        Path out = folder.resolve("from-npy");

        creator.importFile(new ImportRequest(file, null, null, Metric.COSINE, 10, 12, 1, null, UNKNOWN), out);

        Dataset loaded = Dataset.load(out);
        assertEquals(Metric.COSINE, loaded.metric());
        assertEquals(sortedRows(vectors), sortedRows(loaded.base(), loaded.queries()));
        assertGroundTruthIsExact(loaded, 12);
    }

    @Test
    void importsBvecs() throws IOException, InterruptedException {
        float[] bytes = new float[120 * 4];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (i * 97 + i / 4) % 256;
        }
        Path file = folder.resolve("vectors.bvecs");
        TexmexFormat.writeBvecs(file, VectorMatrix.wrap(bytes, 120, 4));
        Path out = folder.resolve("from-bvecs");

        creator.importFile(new ImportRequest(file, null, null, Metric.L2, 20, 5, 2, null, UNKNOWN), out);

        Dataset loaded = Dataset.load(out);
        assertEquals(sortedRows(VectorMatrix.wrap(bytes, 120, 4)), sortedRows(loaded.base(), loaded.queries()));
        assertGroundTruthIsExact(loaded, 5);
    }

    @Test
    void importsAnnBenchmarksFileWithItsMetricAndNeighbors() throws IOException, InterruptedException {
        Path euclidean = folder.resolve("euclidean");
        Path angular = folder.resolve("angular");

        creator.importFile(request(Fixtures.resource(AnnBenchmarksFileTest.EUCLIDEAN), null), euclidean);
        creator.importFile(request(Fixtures.resource(AnnBenchmarksFileTest.ANGULAR), null), angular);

        Dataset fromEuclidean = Dataset.load(euclidean);
        assertEquals(Metric.L2, fromEuclidean.metric(), "distance='euclidean'");
        TexmexFormatTest.assertBitwiseEqual(Fixtures.lcgMatrix(1, 200, 16).data(), fromEuclidean.base().data());
        TexmexFormatTest.assertBitwiseEqual(Fixtures.lcgMatrix(2, 20, 16).data(), fromEuclidean.queries().data());
        assertGroundTruthIsExact(fromEuclidean, 10);
        assertTrue(fromEuclidean.meta().source().contains("ann-benchmarks HDF5"), fromEuclidean.meta().source());

        Dataset fromAngular = Dataset.load(angular);
        assertEquals(Metric.COSINE, fromAngular.metric(), "distance='angular'");
        assertEquals(150, fromAngular.base().rows());
        assertGroundTruthIsExact(fromAngular, 10);
    }

    @Test
    void importsAnnBenchmarksFileWithoutNeighborsComputingThem() throws IOException, InterruptedException {
        Path file = Fixtures.resource(AnnBenchmarksFileTest.NO_NEIGHBORS);
        Path out = folder.resolve("computed");

        DatasetFormatException noMetric = assertThrows(DatasetFormatException.class,
                () -> creator.importFile(request(file, null), folder.resolve("no-metric")));
        creator.importFile(request(file, Metric.INNER_PRODUCT), out);

        assertTrue(noMetric.getMessage().contains("no 'distance' attribute"), noMetric.getMessage());
        Dataset loaded = Dataset.load(out);
        assertEquals(Metric.INNER_PRODUCT, loaded.metric());
        assertGroundTruthIsExact(loaded, 6);
    }

    @Test
    void importRefusesGroundTruthIdsOutsideTheBaseSet() throws IOException {
        Path baseFile = folder.resolve("base.fvecs");
        Path queryFile = folder.resolve("queries.fvecs");
        Path groundTruthFile = folder.resolve("truth.ivecs");
        TexmexFormat.writeFvecs(baseFile, Fixtures.gaussianMatrix(1, 10, 3));
        TexmexFormat.writeFvecs(queryFile, Fixtures.gaussianMatrix(2, 2, 3));
        TexmexFormat.writeIvecs(groundTruthFile, IntMatrix.wrap(new int[] {0, 1, 9, 10}, 2, 2));

        DatasetFormatException refused = assertThrows(DatasetFormatException.class, () -> creator.importFile(
                new ImportRequest(baseFile, queryFile, groundTruthFile, Metric.L2, 0, 2, 0, null, UNKNOWN),
                folder.resolve("out")));

        assertEquals(groundTruthFile, refused.path());
        assertTrue(refused.getMessage().contains("neighbour id 10 of query 1 is outside the base set 0..9"),
                refused.getMessage());
        assertFalse(Files.exists(folder.resolve("out").resolve(DatasetFolder.META)), "no dataset was written");
    }

    @Test
    void importRefusesQueriesOfAnotherDimension() throws IOException {
        Path baseFile = folder.resolve("base.fvecs");
        Path queryFile = folder.resolve("queries.fvecs");
        TexmexFormat.writeFvecs(baseFile, Fixtures.gaussianMatrix(1, 10, 3));
        TexmexFormat.writeFvecs(queryFile, Fixtures.gaussianMatrix(2, 2, 4));

        DatasetFormatException refused = assertThrows(DatasetFormatException.class, () -> creator.importFile(
                new ImportRequest(baseFile, queryFile, null, Metric.L2, 0, 2, 0, null, UNKNOWN),
                folder.resolve("out")));

        assertTrue(refused.getMessage().contains("queries have dimension 4 but the base vectors have 3"),
                refused.getMessage());
    }

    @Test
    void generateWritesTheVectorsOfTheSpec() throws IOException, InterruptedException {
        Spec spec = new Spec(Kind.CLUSTERS, 500, 20, 8, 4, 0.2, 11, Metric.COSINE);
        Path out = folder.resolve("generated");

        creator.generate(spec, 10, "clusters-500", UNKNOWN, out);

        Dataset loaded = Dataset.load(out);
        VectorMatrix[] expected = SyntheticData.generate(spec);
        assertArrayEquals(expected[0].data(), loaded.base().data());
        assertArrayEquals(expected[1].data(), loaded.queries().data());
        assertGroundTruthIsExact(loaded, 10);
        assertEquals("clusters-500", loaded.name());
        assertEquals("cosine", loaded.meta().metric());
        assertTrue(loaded.meta().source().contains("seed 11"), loaded.meta().source());
        assertEquals("generated data: no restrictions", loaded.meta().license());
    }

    @Test
    void embedTextsKeepsEveryTextBesideItsVector() throws IOException, InterruptedException {
        Path texts = Fixtures.resource("texts/sixty-lines.txt");
        Path out = folder.resolve("embedded");

        creator.embedTexts(new EmbedRequest(texts, 10, 0, 10, 3, "sixty", UNKNOWN), out);

        Dataset loaded = Dataset.load(out);
        List<String> baseTexts = loaded.baseTexts().orElseThrow();
        List<String> queryTexts = loaded.queryTexts().orElseThrow();
        assertEquals(50, baseTexts.size());
        assertEquals(10, queryTexts.size());
        List<String> nonBlankLines = Files.readAllLines(texts, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).sorted().toList();
        assertEquals(nonBlankLines, Stream.concat(baseTexts.stream(), queryTexts.stream()).sorted().toList(),
                "blank lines skipped, every other line kept once");
        assertEquals(Metric.COSINE, loaded.metric());
        assertEquals(TextEmbedder.DIMENSION, loaded.dimension());
        for (int row = 0; row < baseTexts.size(); row += 7) {
            assertTrue(TextEmbedderTest.maxAbsDifference(Fixtures.embedder().embed(baseTexts.get(row)),
                    loaded.base().row(row)) <= 1e-5, "base vector " + row + " embeds base.txt line " + row);
        }
        for (int row = 0; row < queryTexts.size(); row += 3) {
            assertTrue(TextEmbedderTest.maxAbsDifference(Fixtures.embedder().embed(queryTexts.get(row)),
                    loaded.queries().row(row)) <= 1e-5, "query vector " + row + " embeds query.txt line " + row);
        }
        assertGroundTruthIsExact(loaded, 10);
        assertTrue(loaded.meta().source().contains(TextEmbedder.MODEL), loaded.meta().source());
    }

    @Test
    void embedTextsUsesOnlyTheFirstLimitLines() throws IOException, InterruptedException {
        Path out = folder.resolve("limited");

        Path texts = Fixtures.resource("texts/sixty-lines.txt");

        creator.embedTexts(new EmbedRequest(texts, 4, 20, 5, 3, null, UNKNOWN), out);

        Dataset loaded = Dataset.load(out);
        assertEquals(16, loaded.base().rows());
        assertEquals(4, loaded.queries().rows());
        List<String> firstTwenty = Files.readAllLines(texts, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).limit(20).sorted().toList();
        assertEquals(firstTwenty, Stream.concat(loaded.baseTexts().orElseThrow().stream(),
                loaded.queryTexts().orElseThrow().stream()).sorted().toList());
        assertGroundTruthIsExact(loaded, 5);
    }

    @Test
    void refusesANonEmptyOutputFolder() throws IOException {
        Path out = Files.createDirectory(folder.resolve("occupied"));
        Path keep = Files.writeString(out.resolve("keep.txt"), "a user's file");
        Path vectors = folder.resolve("vectors.fvecs");
        TexmexFormat.writeFvecs(vectors, Fixtures.gaussianMatrix(1, 20, 3));
        Spec spec = new Spec(Kind.UNIFORM, 20, 2, 3, 0, 0, 1, Metric.L2);

        IllegalArgumentException importRefused = assertThrows(IllegalArgumentException.class, () -> creator.importFile(
                new ImportRequest(vectors, null, null, Metric.L2, 2, 5, 0, null, UNKNOWN), out));
        assertThrows(IllegalArgumentException.class, () -> creator.generate(spec, 5, null, UNKNOWN, out));
        assertThrows(IllegalArgumentException.class, () -> creator.embedTexts(
                new EmbedRequest(Fixtures.resource("texts/sixty-lines.txt"), 2, 0, 5, 1, null, UNKNOWN), out));
        assertThrows(IllegalArgumentException.class, () -> creator.generate(spec, 5, null, UNKNOWN, keep),
                "a file is not a folder");

        assertTrue(importRefused.getMessage().contains("not empty"), importRefused.getMessage());
        assertEquals(List.of(keep), filesIn(out), "nothing was added");
        assertEquals("a user's file", Files.readString(keep));
    }

    @Test
    void generateWithoutQueriesIsRefusedRatherThanWrittenUnloadable() {
        // An empty query.fvecs has no record and so no dimension: such a folder could not be loaded back.
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Spec(Kind.UNIFORM, 20, 0, 3, 0, 0, 1, Metric.L2));

        assertTrue(refused.getMessage().contains("queries"), refused.getMessage());
    }

    @Test
    void writesIntoAnEmptyExistingFolder() throws IOException, InterruptedException {
        Path out = Files.createDirectory(folder.resolve("empty"));

        creator.generate(new Spec(Kind.GAUSSIAN, 50, 5, 3, 0, 0, 1, Metric.L2), 5, null, UNKNOWN, out);

        assertEquals("empty", Dataset.load(out).name(), "the folder name is the default dataset name");
    }

    @Test
    void computeGroundTruthReplacesItAndUpdatesGtK() throws IOException, InterruptedException {
        Path out = folder.resolve("deeper");
        creator.generate(new Spec(Kind.GAUSSIAN, 300, 12, 6, 0, 0, 4, Metric.L2), 5, null, UNKNOWN, out);

        GroundTruth deeper = creator.computeGroundTruth(out, 25);

        assertEquals(25, new JsonMapper().readTree(out.resolve(DatasetFolder.META)).get("gt_k").asInt());
        assertEquals(25, TexmexFormat.readIvecs(out.resolve(DatasetFolder.GROUND_TRUTH)).columns());
        assertEquals(25, TexmexFormat.readFvecs(out.resolve(DatasetFolder.GROUND_TRUTH_DISTANCES)).dimension());
        Dataset loaded = Dataset.load(out);
        assertArrayEquals(deeper.ids().data(), loaded.groundTruth().orElseThrow().ids().data());
        assertGroundTruthIsExact(loaded, 25);
    }

    private static ImportRequest request(Path file, Metric metric) {
        return new ImportRequest(file, null, null, metric, 0, 6, 0, null, UNKNOWN);
    }

    /** The folder's ground truth is ExactNeighbors on its own vectors as read back: ids, distances and depth. */
    private static void assertGroundTruthIsExact(Dataset loaded, int k) throws InterruptedException {
        GroundTruth stored = loaded.groundTruth().orElseThrow();
        GroundTruth exact = ExactNeighbors.compute(loaded.base(), loaded.queries(), loaded.metric(), k, 1,
                ProgressListener.NONE);
        assertEquals(k, stored.k());
        assertEquals(k, loaded.meta().gtK());
        assertArrayEquals(exact.ids().data(), stored.ids().data());
        assertArrayEquals(exact.distances().orElseThrow().data(), stored.distances().orElseThrow().data());
    }

    /** The rows of the matrices together, as lists, in one sorted order: equal when the same vectors appear. */
    private static List<List<Float>> sortedRows(VectorMatrix... matrices) {
        List<List<Float>> rows = new ArrayList<>();
        for (VectorMatrix matrix : matrices) {
            for (int row = 0; row < matrix.rows(); row++) {
                List<Float> vector = new ArrayList<>();
                for (float component : matrix.row(row)) {
                    vector.add(component);
                }
                rows.add(vector);
            }
        }
        rows.sort((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int byComponent = Float.compare(a.get(i), b.get(i));
                if (byComponent != 0) {
                    return byComponent;
                }
            }
            return 0;
        });
        return rows;
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
