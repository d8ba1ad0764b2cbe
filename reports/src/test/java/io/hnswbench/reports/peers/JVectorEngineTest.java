package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.SweepEngine;
import org.junit.jupiter.api.Test;

/** {@link JVectorEngine} against the peer contract, plus its score conversion and vectorization report. */
class JVectorEngineTest extends PeerEngineContract {

    @Override
    SweepEngine engine() {
        return new JVectorEngine();
    }

    /**
     * JVector compares inner products as DOT_PRODUCT scores (1 + a·b)/2, meant for unit vectors; on
     * Gaussian vectors of many lengths its graph stops at about 0.70 whatever efSearch, while on
     * unit vectors ({@link #innerProductOfUnitVectorsReachesNinetyPercent}) it is as good as cosine.
     */
    @Override
    double recallFloor(Metric metric) {
        return metric == Metric.INNER_PRODUCT ? 0.65 : 0.9;
    }

    @Test
    void innerProductOfUnitVectorsReachesNinetyPercent() throws InterruptedException {
        VectorMatrix[] data = SyntheticData.generate(new SyntheticData.Spec(SyntheticData.Kind.GAUSSIAN, BASE,
                QUERIES, DIMENSION, 0, 0, 7, Metric.INNER_PRODUCT));
        VectorMatrix base = unitRows(data[0]);
        VectorMatrix queries = unitRows(data[1]);
        GroundTruth truth = ExactNeighbors.compute(base, queries, Metric.INNER_PRODUCT, K, 2, ProgressListener.NONE);
        try (EngineIndex index = engine().build(base, Metric.INNER_PRODUCT, SETTINGS, NO_PROGRESS)) {
            assertRecallAtLeast(0.9, new Fixture(base, queries, truth, index), index, "inner product of unit vectors");
        }
    }

    private static VectorMatrix unitRows(VectorMatrix vectors) {
        float[][] rows = new float[vectors.rows()][];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = vectors.row(row);
            double norm = 0;
            for (float component : rows[row]) {
                norm += component * component;
            }
            for (int i = 0; i < rows[row].length; i++) {
                rows[row][i] /= (float) Math.sqrt(norm);
            }
        }
        return VectorMatrix.of(rows);
    }

    @Test
    void isNamedJVector() {
        assertEquals("jvector", new JVectorEngine().name());
    }

    @Test
    void scoresConvertBackToDistancesForEverySimilarity() {
        VectorTypeSupport vectors = VectorizationProvider.getInstance().getVectorTypeSupport();
        var a = vectors.createFloatVector(new float[] {0.6f, 0.8f, 0f});
        var b = vectors.createFloatVector(new float[] {0f, 0.6f, 0.8f});
        var longer = vectors.createFloatVector(new float[] {-2f, 1f, 0.5f});
        assertEquals(0.52f, JVectorEngine.distanceOf(VectorSimilarityFunction.DOT_PRODUCT,
                VectorSimilarityFunction.DOT_PRODUCT.compare(a, b)), 1e-6);
        assertEquals(1.04f, JVectorEngine.distanceOf(VectorSimilarityFunction.EUCLIDEAN,
                VectorSimilarityFunction.EUCLIDEAN.compare(a, b)), 1e-6);
        // Inner product of vectors longer than one: 1 − a·b goes below zero.
        assertEquals(1.4f, JVectorEngine.distanceOf(VectorSimilarityFunction.DOT_PRODUCT,
                VectorSimilarityFunction.DOT_PRODUCT.compare(a, longer)), 1e-6);
        assertEquals(-4.25f, JVectorEngine.distanceOf(VectorSimilarityFunction.DOT_PRODUCT,
                VectorSimilarityFunction.DOT_PRODUCT.compare(longer, longer)), 1e-6);
    }

    @Test
    void vectorizationDescriptionNamesTheProvider() {
        String description = JVectorEngine.vectorizationDescription();
        assertTrue(description.matches("JVector vectorization: \\w+VectorizationProvider"), description);
    }
}
