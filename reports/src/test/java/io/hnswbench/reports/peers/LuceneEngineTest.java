package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.sweep.SweepEngine;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.junit.jupiter.api.Test;

/** {@link LuceneEngine} against the peer contract, plus its score conversion and vectorization report. */
class LuceneEngineTest extends PeerEngineContract {

    @Override
    SweepEngine engine() {
        return new LuceneEngine();
    }

    @Test
    void isNamedLucene() {
        assertEquals("lucene", new LuceneEngine().name());
    }

    @Test
    void scoresConvertBackToDistancesForEverySimilarity() {
        float[] a = {0.6f, 0.8f, 0f};
        float[] b = {0f, 0.6f, 0.8f};
        float[] longer = {-2f, 1f, 0.5f};
        // Unit vectors: dot 0.48, so 1 − cos = 0.52.
        assertEquals(0.52f, LuceneEngine.distanceOf(VectorSimilarityFunction.DOT_PRODUCT,
                VectorSimilarityFunction.DOT_PRODUCT.compare(a, b)), 1e-6);
        // Squared Euclidean distance of a and b: 0.36 + 0.04 + 0.64.
        assertEquals(1.04f, LuceneEngine.distanceOf(VectorSimilarityFunction.EUCLIDEAN,
                VectorSimilarityFunction.EUCLIDEAN.compare(a, b)), 1e-6);
        // Maximum inner product on both sides of zero: a·longer = -0.4, b·longer = 1.0, longer·longer = 5.25.
        assertEquals(1.4f, LuceneEngine.distanceOf(VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT,
                VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT.compare(a, longer)), 1e-6);
        assertEquals(0f, LuceneEngine.distanceOf(VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT,
                VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT.compare(b, longer)), 1e-6);
        assertEquals(-4.25f, LuceneEngine.distanceOf(VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT,
                VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT.compare(longer, longer)), 1e-6);
    }

    @Test
    void vectorizationDescriptionSaysWhetherPanamaRunsAndWhy() {
        String description = LuceneEngine.vectorizationDescription();
        assertTrue(description.matches("Lucene Panama vectorization: (enabled, \\d+-bit(, FMA)?|disabled: .+)"),
                description);
        // The build runs the JVM with --add-modules jdk.incubator.vector, which Lucene 10.6 uses on JDK 25.
        assertTrue(description.contains("enabled, "), description);
    }
}
