package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetMeta;
import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.HnswEngine;
import io.hnswbench.reports.sweep.SweepEngine;
import io.hnswbench.reports.sweep.SweepListener;
import io.hnswbench.reports.sweep.SweepRunner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** hnswlib's whole-pass timing inside a sweep, and an engine that cannot run here being skipped. */
class BatchAndSkippedEngineSweepTest {

    private static final int BASE = 1200;
    private static final int QUERIES = 30;

    static Dataset dataset;

    @BeforeAll
    static void clusters() throws InterruptedException {
        VectorMatrix[] data = SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.CLUSTERS, BASE, QUERIES,
                16, 8, 0.2, 5, Metric.L2));
        dataset = new Dataset(new DatasetMeta("batch", 16, "l2", BASE, QUERIES, 10, "synthetic", "none", null),
                data[0], data[1], ExactNeighbors.compute(data[0], data[1], Metric.L2, 10, 2, ProgressListener.NONE),
                null, null);
    }

    private static SweepParameters parameters(List<String> engines, int searchThreads) {
        return new SweepParameters(engines, List.of(16), List.of(100), List.of(64), 10, 2, searchThreads, 0, 3, 30);
    }

    @Test
    void hnswlibIsTimedInsideItsOwnProcessWithRecallFromItsResults() {
        assumeTrue(HnswlibEngine.availability().isEmpty(), () -> HnswlibEngine.availability().orElse(""));
        SweepResults results = new SweepRunner(new HnswlibEngine()).run(dataset, "batch",
                parameters(List.of("hnswlib"), 1), SweepListener.NONE);
        SweepPoint point = results.runs().getFirst().points().getFirst();
        assertTrue(point.recall() > 0.9, "recall " + point.recall());
        assertTrue(point.qps() > 0 && point.p50Micros() > 0 && point.p50Micros() <= point.p99Micros());
        assertTrue(Double.isNaN(point.distanceComputationsPerQuery()), "the Python binding does not count work");
        assertTrue(results.environment().engineNotes().get("hnswlib").contains("hnswlib"),
                results.environment().engineNotes().toString());
    }

    @Test
    void hnswlibRefusesSeveralSearchThreadsBeforeAnyBuild() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new SweepRunner(
                List.of(new HnswEngine(), new HnswlibEngine())).run(dataset, "batch",
                parameters(List.of("hnsw", "hnswlib"), 2), SweepListener.NONE));
        assertTrue(refused.getMessage().contains("hnswlib is measured with at most 1 search thread"),
                refused.getMessage());
    }

    @Test
    void anEngineThatCannotRunHereIsSkippedWithItsReason() {
        SweepEngine missing = new SweepEngine() {
            @Override
            public String name() {
                return "missing";
            }

            @Override
            public Optional<String> unavailableBecause() {
                return Optional.of("missing skipped: its library is not installed");
            }

            @Override
            public EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress) {
                throw new AssertionError("a skipped engine is never built");
            }
        };
        SweepResults results = new SweepRunner(List.of(new HnswEngine(), missing)).run(dataset, "batch",
                parameters(List.of("hnsw", "missing"), 1), SweepListener.NONE);
        assertEquals(List.of("hnsw"), results.runs().stream().map(run -> run.engine()).toList());
        assertEquals("missing skipped: its library is not installed", results.environment().engineNotes().get("missing"));
    }
}
