package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetMeta;
import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.ReportFolder;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.sweep.HnswEngine;
import io.hnswbench.reports.sweep.SweepListener;
import io.hnswbench.reports.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lucene and JVector raced against this project's engine by a real sweep, down to the written report. */
class PeerSweepTest {

    private static final int BASE = 1500;
    private static final int QUERIES = 40;
    private static final int K = 10;

    @TempDir
    Path out;

    @Test
    void aSweepMeasuresBothPeersBesideHnswAndWritesTheReport() throws InterruptedException, IOException {
        VectorMatrix[] data = SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.CLUSTERS, BASE, QUERIES,
                24, 20, 0.3, 11, Metric.COSINE));
        GroundTruth truth = ExactNeighbors.compute(data[0], data[1], Metric.COSINE, K, 2, ProgressListener.NONE);
        Dataset dataset = new Dataset(new DatasetMeta("peer-race", 24, "cosine", BASE, QUERIES, K, "synthetic clusters",
                "test", null), data[0], data[1], truth, null, null);
        SweepParameters parameters = new SweepParameters(List.of("hnsw", "lucene", "jvector"), List.of(8, 16),
                List.of(64), List.of(10, 80), K, 2, 2, 0, 42, 20);

        SweepResults results = new SweepRunner(List.of(new HnswEngine(), new LuceneEngine(), new JVectorEngine()))
                .run(dataset, "peer-race", parameters, SweepListener.NONE);

        assertFalse(results.cancelled());
        assertEquals(List.of("hnsw", "hnsw", "lucene", "lucene", "jvector", "jvector"),
                results.runs().stream().map(RunResult::engine).toList());
        for (RunResult run : results.runs()) {
            assertNotNull(run.statistics(), run.label());
            assertEquals(BASE, run.statistics().size(), run.label());
            assertTrue(run.indexBytes() > (long) BASE * 24 * Float.BYTES, run.label());
            SweepPoint wide = run.points().get(1);
            assertTrue(wide.recall() >= 0.95, run.label() + " recall at ef=80 " + wide.recall());
            assertTrue(wide.distanceComputationsPerQuery() >= 80, run.label() + " " + wide.distanceComputationsPerQuery());
            assertTrue(wide.hopsPerQuery() >= 1, run.label());
        }
        assertTrue(results.environment().engineNotes().get("lucene").contains("Lucene Panama vectorization"),
                results.environment().engineNotes().toString());
        assertTrue(results.environment().engineNotes().get("jvector").contains("JVector vectorization"),
                results.environment().engineNotes().toString());

        ReportFolder.write(List.of(results), out);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("lucene") && report.contains("jvector"), "the report names both peers");
        assertTrue(Files.exists(out.resolve("results.json")));
    }
}
