package io.hnswbench.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetMeta;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real sweep on a subset of minilm-debian-20k, checked field by field and against its own results. */
class SweepRunnerTest {

    private static final int LIMIT = 3000;
    private static final int QUERIES = 150;

    static Dataset subset;

    @TempDir
    Path out;

    @BeforeAll
    static void loadSubset() throws IOException {
        Path folder = Path.of(System.getProperty("hnswbench.datasets", "../../shared/datasets"), "minilm-debian-20k");
        assumeTrue(Files.isDirectory(folder), "shared dataset missing at " + folder.toAbsolutePath());
        Dataset full = Dataset.load(folder);
        VectorMatrix queries = full.queries().head(QUERIES);
        DatasetMeta meta = new DatasetMeta("minilm-subset", full.dimension(), "cosine", full.base().rows(), QUERIES,
                0, "test subset", "test", null);
        subset = new Dataset(meta, full.base(), queries, null, null, null);
    }

    @Test
    void sweepWritesEveryDocumentedFieldAndItsRecallMatchesTheReturnedIds() throws IOException {
        RecordingEngine engine = new RecordingEngine(new HnswEngine());
        // One build thread: the same graph every run, so the recall bound below cannot flake
        // (with two, M=8 at ef=10 wandered over 0.799-0.809 around its bound of 0.8).
        SweepParameters parameters = new SweepParameters(List.of("hnsw"), List.of(8, 16), List.of(64), List.of(10, 40), 10, 1, 1,
                LIMIT, 42, 50);
        SweepResults results = new SweepRunner(engine).run(subset, "minilm-subset", parameters, SweepListener.NONE);

        assertFalse(results.cancelled());
        assertEquals(2, results.runs().size());
        assertEquals(LIMIT, results.dataset().baseCount());
        for (RunResult run : results.runs()) {
            assertEquals(List.of(10, 40), run.points().stream().map(SweepPoint::efSearch).toList());
            assertEquals(LIMIT, run.statistics().size());
            assertTrue(run.buildSeconds() > 0 && run.indexBytes() > (long) LIMIT * 384 * 4);
            for (SweepPoint point : run.points()) {
                double recomputed = IndependentRecall.of(engine.lastIds(run.m(), point.efSearch()), subset, LIMIT, 10);
                assertEquals(recomputed, point.recall(), 1e-9, run.label() + " ef=" + point.efSearch());
                assertEquals(QUERIES, point.perQueryRecall().length);
                assertTrue(point.qps() > 0 && point.p50Micros() <= point.p95Micros()
                        && point.p95Micros() <= point.p99Micros() && point.p99Micros() <= point.p999Micros());
                assertTrue(point.distanceComputationsPerQuery() >= point.efSearch(), "at least ef distances");
                assertTrue(point.hopsPerQuery() >= 1);
            }
            assertTrue(run.points().get(1).recall() >= run.points().get(0).recall() - 0.01, "a wider beam finds more");
            assertTrue(run.points().get(0).recall() > 0.8, "recall at ef=10 " + run.points().get(0).recall());
        }

        Path json = out.resolve(ResultsFiles.JSON);
        ResultsFiles.writeJson(json, results);
        JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
        for (String field : List.of("name", "metric", "dimension", "baseCount", "queryCount")) {
            assertTrue(root.get("dataset").has(field), "dataset." + field);
        }
        for (String field : List.of("jdk", "cpu", "cores", "vectorSpecies", "maxHeapBytes")) {
            assertTrue(root.get("environment").has(field), "environment." + field);
        }
        JsonNode run = root.get("runs").get(0);
        for (String field : List.of("engine", "m", "efConstruction", "buildThreads", "buildSeconds", "indexBytes",
                "statistics", "points")) {
            assertTrue(run.has(field), "runs[0]." + field);
        }
        for (String field : List.of("efSearch", "k", "recall", "qps", "meanLatencyMicros", "p50Micros", "p95Micros",
                "p99Micros", "distanceComputationsPerQuery")) {
            assertTrue(run.get("points").get(0).has(field), "points[0]." + field);
        }
        assertEquals(results.runs().get(1).points().get(1).recall(), ResultsFiles.readJson(json).runs().get(1)
                .points().get(1).recall());
    }

    @Test
    void eachEngineSearchesAWarmUpIndexBeforeItsFirstTimedBuildAndPoint() {
        SweepParameters parameters = new SweepParameters(List.of("hnsw"), List.of(8), List.of(32), List.of(10, 20), 10, 2, 1,
                LIMIT, 42, 0);
        List<String> events = new ArrayList<>();
        new SweepRunner(new HnswEngine()).run(subset, "x", parameters, new SweepListener() {
            @Override
            public void progress(String stage, long done, long total) {
                String kind = stage.startsWith("warm-up searches") ? "warm-up searches"
                        : stage.startsWith("build ") ? "build" : stage.startsWith("search ") ? "search" : null;
                if (kind != null && (events.isEmpty() || !events.getLast().equals(kind))) {
                    events.add(kind);
                }
            }

            @Override
            public void pointMeasured(RunResult run, SweepPoint point) {
                events.add("point");
            }
        });
        // With no warm-up queries per point, only the warm-up index has compiled the search path.
        assertEquals(List.of("warm-up searches", "build", "search", "point", "search", "point"), events);
    }

    @Test
    void severalSearchThreadsMeasureThroughputWithTheSameRecall() {
        SweepParameters oneThread = new SweepParameters(List.of("hnsw"), List.of(12), List.of(48), List.of(24), 10, 2, 1,
                LIMIT, 7, 20);
        SweepParameters twoThreads = new SweepParameters(List.of("hnsw"), List.of(12), List.of(48), List.of(24), 10, 1, 2,
                LIMIT, 7, 20);
        SweepPoint single = new SweepRunner(new HnswEngine()).run(subset, "x", oneThread, SweepListener.NONE)
                .runs().getFirst().points().getFirst();
        SweepPoint parallel = new SweepRunner(new HnswEngine()).run(subset, "x", twoThreads, SweepListener.NONE)
                .runs().getFirst().points().getFirst();
        assertEquals(single.perQueryRecall().length, parallel.perQueryRecall().length);
        assertEquals(single.recall(), parallel.recall(), 0.02, "the same graph parameters find about the same");
    }

    @Test
    void interruptingKeepsTheFinishedPointsAndSaysCancelled() {
        SweepParameters parameters = new SweepParameters(List.of("hnsw"), List.of(8, 16), List.of(32), List.of(10, 20, 30), 10, 2,
                1, 1000, 1, 0);
        AtomicInteger measured = new AtomicInteger();
        SweepListener stopAfterTwoPoints = new SweepListener() {
            @Override
            public void pointMeasured(RunResult run, SweepPoint point) {
                if (measured.incrementAndGet() == 2) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        SweepResults results = new SweepRunner(new HnswEngine()).run(subset, "x", parameters, stopAfterTwoPoints);
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertTrue(results.cancelled());
        assertEquals(1, results.runs().size());
        assertEquals(List.of(10, 20), results.runs().getFirst().points().stream().map(SweepPoint::efSearch).toList());
    }

    @Test
    void badGridsAreRefusedBeforeAnyBuild() {
        RecordingEngine engine = new RecordingEngine(new HnswEngine());
        SweepRunner runner = new SweepRunner(engine);
        assertEquals("the M list of the grid is empty", assertThrows(IllegalArgumentException.class, () -> runner.run(
                subset, "x", new SweepParameters(List.of("hnsw"), List.of(), List.of(64), List.of(10), 10, 1, 1, LIMIT, 1, 0),
                SweepListener.NONE)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.run(subset, "x",
                new SweepParameters(List.of("hnsw"), List.of(16), List.of(64), List.of(10), 10, 1, 1, 0, 1, 0),
                SweepListener.NONE)).getMessage().contains("has no ground truth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.run(subset, "x",
                new SweepParameters(List.of("hnsw"), List.of(1), List.of(64), List.of(10), 10, 1, 1, LIMIT, 1, 0),
                SweepListener.NONE)).getMessage().contains("M 1 is below 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.run(subset, "x",
                new SweepParameters(List.of("hnsw"), List.of(16), List.of(64), List.of(10), 10, 1, 1, 999_999, 1, 0),
                SweepListener.NONE)).getMessage().contains("limit 999999 is outside"));
        assertEquals(0, engine.builds.get());
    }

    /** Recall@k from the returned ids alone, against a ground truth computed here by plain double loops. */
    static final class IndependentRecall {
        static double of(List<int[]> returnedIds, Dataset dataset, int baseRows, int k) {
            double sum = 0;
            for (int q = 0; q < returnedIds.size(); q++) {
                double[] distances = new double[baseRows];
                float[] query = dataset.queries().row(q);
                for (int row = 0; row < baseRows; row++) {
                    distances[row] = cosineDistance(query, dataset.base().row(row));
                }
                double[] sorted = distances.clone();
                java.util.Arrays.sort(sorted);
                double kth = sorted[k - 1];
                int hits = 0;
                for (int id : returnedIds.get(q)) {
                    if (distances[id] <= kth + 1e-6) {
                        hits++;
                    }
                }
                sum += (double) hits / k;
            }
            return sum / returnedIds.size();
        }

        private static double cosineDistance(float[] a, float[] b) {
            double dot = 0;
            double normA = 0;
            double normB = 0;
            for (int i = 0; i < a.length; i++) {
                dot += (double) a[i] * b[i];
                normA += (double) a[i] * a[i];
                normB += (double) b[i] * b[i];
            }
            return 1 - dot / Math.sqrt(normA * normB);
        }
    }

    /** Wraps an engine and keeps the ids returned by the last pass of each (M, efSearch). */
    static final class RecordingEngine implements SweepEngine {
        private final SweepEngine inner;
        final AtomicInteger builds = new AtomicInteger();
        private final Map<String, List<int[]>> lastPass = new HashMap<>();

        RecordingEngine(SweepEngine inner) {
            this.inner = inner;
        }

        List<int[]> lastIds(int m, int efSearch) {
            List<int[]> all = lastPass.get(m + "/" + efSearch);
            // The warm-up and the timed pass both went through search(); the timed pass is the last QUERIES calls.
            return all.subList(all.size() - QUERIES, all.size());
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress)
                throws InterruptedException {
            builds.incrementAndGet();
            EngineIndex built = inner.build(base, metric, settings, progress);
            return new EngineIndex() {
                @Override
                public int search(float[] query, int k, int efSearch, int[] ids, float[] distances) {
                    int count = built.search(query, k, efSearch, ids, distances);
                    synchronized (lastPass) {
                        lastPass.computeIfAbsent(settings.m() + "/" + efSearch, key -> new ArrayList<>())
                                .add(java.util.Arrays.copyOf(ids, count));
                    }
                    return count;
                }

                @Override
                public long bytes() {
                    return built.bytes();
                }

                @Override
                public GraphStatistics statistics() {
                    return built.statistics();
                }

                @Override
                public Work work() {
                    return built.work();
                }

                @Override
                public void close() {
                    built.close();
                }
            };
        }
    }
}
