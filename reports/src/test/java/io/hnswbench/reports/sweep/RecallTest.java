package io.hnswbench.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.IntMatrix;
import io.hnswbench.datasets.VectorMatrix;
import org.junit.jupiter.api.Test;

class RecallTest {

    // One query; true neighbours 7, 3, 9 at distances 0.1, 0.2, 0.3; the 4th nearest (5) ties the 3rd at 0.3.
    private final GroundTruth truth = new GroundTruth(IntMatrix.wrap(new int[] {7, 3, 9, 5}, 1, 4),
            VectorMatrix.wrap(new float[] {0.1f, 0.2f, 0.3f, 0.3f}, 1, 4));

    @Test
    void everyTrueNeighbourFoundIsFullRecall() {
        assertEquals(1.0, Recall.of(new int[] {7, 3, 9}, new float[] {0.1f, 0.2f, 0.3f}, 3, truth, 0, 3));
    }

    @Test
    void aVectorTyingTheKthTrueDistanceCountsAsAHit() {
        assertEquals(1.0, Recall.of(new int[] {7, 3, 5}, new float[] {0.1f, 0.2f, 0.3f}, 3, truth, 0, 3));
    }

    @Test
    void aFartherVectorIsAMiss() {
        assertEquals(2.0 / 3, Recall.of(new int[] {7, 3, 11}, new float[] {0.1f, 0.2f, 0.31f}, 3, truth, 0, 3), 1e-12);
    }

    @Test
    void fewerResultsThanKCountOnlyWhatCame() {
        assertEquals(1.0 / 3, Recall.of(new int[] {9, 0, 0}, new float[] {0.3f, 0, 0}, 1, truth, 0, 3), 1e-12);
    }

    @Test
    void recallAtOneLooksOnlyAtTheNearest() {
        assertEquals(0.0, Recall.of(new int[] {3}, new float[] {0.2f}, 1, truth, 0, 1));
        assertEquals(1.0, Recall.of(new int[] {7}, new float[] {0.1f}, 1, truth, 0, 1));
    }
}
