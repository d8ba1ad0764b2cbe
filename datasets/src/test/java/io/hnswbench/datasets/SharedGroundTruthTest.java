package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactNeighbors} on the full base set of each shared real dataset reproduces the ground
 * truth shipped with it (a NumPy float64 brute force, cross-checked independently; see
 * ../shared/datasets/README.md): the same 100 ids in the same order for every query, and the
 * same distances within 1e-5.
 */
class SharedGroundTruthTest {

    private static final int K = 100;
    private static final double DISTANCE_TOLERANCE = 1e-5;

    @Test
    void groundTruthEqualsTheShippedOneOnMinilmCosine() throws IOException, InterruptedException {
        assertShippedGroundTruthReproduced(Fixtures.sharedDataset(Fixtures.MINILM), Metric.COSINE);
    }

    @Test
    void groundTruthEqualsTheShippedOneOnMnistL2() throws IOException, InterruptedException {
        assertShippedGroundTruthReproduced(Fixtures.sharedDataset(Fixtures.MNIST), Metric.L2);
    }

    private static void assertShippedGroundTruthReproduced(Path folder, Metric metric)
            throws IOException, InterruptedException {
        Dataset dataset = Dataset.load(folder);
        assertEquals(metric, dataset.metric());
        GroundTruth shipped = dataset.groundTruth().orElseThrow();
        VectorMatrix shippedDistances = shipped.distances().orElseThrow();
        assertEquals(K, shipped.k());

        GroundTruth computed = ExactNeighbors.compute(dataset.base(), dataset.queries(), metric, K,
                Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);

        assertEquals(shipped.queryCount(), computed.queryCount());
        assertEquals(K, computed.k());
        for (int query = 0; query < shipped.queryCount(); query++) {
            int[] expectedIds = shipped.ids().row(query);
            int[] actualIds = computed.ids().row(query);
            float[] expectedDistances = shippedDistances.row(query);
            float[] actualDistances = computed.distances().orElseThrow().row(query);
            for (int rank = 0; rank < K; rank++) {
                assertEquals(expectedIds[rank], actualIds[rank], folder.getFileName() + " query " + query + " rank "
                        + rank + ": shipped distance " + expectedDistances[rank] + ", computed "
                        + actualDistances[rank]);
                assertEquals(expectedDistances[rank], actualDistances[rank],
                        DISTANCE_TOLERANCE * Math.max(1, Math.abs(expectedDistances[rank])),
                        folder.getFileName() + " query " + query + " rank " + rank);
            }
        }
    }
}
