package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.IntMatrix;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.reports.sweep.Recall;
import java.util.Arrays;

/**
 * The exact nearest base rows of one query, nearest first, with their distances: what the Search
 * screen measures an index's answer against. Recall and the per-result marks are counted by
 * {@link Recall}, as sweeps count them: a result whose distance ties the k-th exact distance counts
 * as found, so an index is not faulted for returning the other of two equally near rows.
 */
final class ExactTopK {

    /** One query's neighbours as a one-row ground truth, the form {@link Recall} reads. */
    private final GroundTruth truth;
    private final String source;

    private ExactTopK(int[] rows, float[] distances, String source) {
        this.truth = new GroundTruth(IntMatrix.wrap(rows, 1, rows.length), VectorMatrix.wrap(distances, 1, rows.length));
        this.source = source;
    }

    /** Whether the dataset's ground truth lists at least {@code k} neighbours of each query. */
    static boolean groundTruthCovers(Dataset dataset, int k) {
        return dataset.groundTruth().map(truth -> truth.k() >= k).orElse(false);
    }

    /**
     * The first {@code k} neighbours of query {@code queryRow} from the dataset's ground truth; a
     * ground truth stored without distances has them computed here (k of them: quick).
     *
     * @throws IllegalStateException unless {@link #groundTruthCovers} holds
     */
    static ExactTopK fromGroundTruth(Dataset dataset, int queryRow, int k) {
        GroundTruth stored = dataset.groundTruth().filter(truth -> truth.k() >= k)
                .orElseThrow(() -> new IllegalStateException("the dataset's ground truth does not reach k = " + k));
        int[] rows = Arrays.copyOf(stored.ids().row(queryRow), k);
        float[] distances = stored.distances()
                .map(all -> Arrays.copyOfRange(all.data(), queryRow * stored.k(), queryRow * stored.k() + k))
                .orElseGet(() -> ExactNeighbors.distancesOf(dataset.base(), dataset.queries().select(new int[] {queryRow}),
                        dataset.metric(), IntMatrix.wrap(rows, 1, k)).data());
        return new ExactTopK(rows, distances, "the dataset's ground truth");
    }

    /**
     * The {@code k} nearest base rows of {@code query} by brute force over the whole base set
     * (fewer when the base set is smaller): seconds on a large dataset, so call it off the FX thread.
     *
     * @throws InterruptedException when the calling thread is interrupted
     */
    static ExactTopK bruteForce(Dataset dataset, float[] query, int k, ProgressListener progress)
            throws InterruptedException {
        GroundTruth computed = ExactNeighbors.compute(dataset.base(), VectorMatrix.of(query), dataset.metric(), k, 1,
                progress);
        float[] distances = computed.distances().orElseThrow().data();
        return new ExactTopK(computed.ids().data(), distances, "brute force");
    }

    /** How many neighbours are listed: k, or the base set's size when that is smaller. */
    int depth() {
        return truth.k();
    }

    /** The base row at {@code rank} (0 is the nearest). */
    int row(int rank) {
        return truth.ids().get(0, rank);
    }

    /** The distance of the row at {@code rank}. */
    float distance(int rank) {
        return truth.distances().orElseThrow().data()[rank];
    }

    /** Where the neighbours came from, for the screen: the dataset's ground truth or a brute force. */
    String source() {
        return source;
    }

    /** Whether {@code row} is one of the listed neighbours. */
    boolean lists(int row) {
        for (int rank = 0; rank < depth(); rank++) {
            if (row(rank) == row) {
                return true;
            }
        }
        return false;
    }

    /**
     * Recall@k of an answer: the share of the exact neighbours it found, ties at the k-th distance
     * counted as found.
     *
     * @param rows      the answer's base rows, nearest first (-1 for an id that is not a row)
     * @param distances their distances
     */
    double recall(int[] rows, float[] distances) {
        return Recall.of(rows, distances, rows.length, truth, 0, depth());
    }

    /**
     * Whether one result counts as found when recall is counted: it is listed, or as near as the
     * k-th neighbour. (Asked of {@link Recall} with that result alone, so the tie rule is its own.)
     */
    boolean counts(int row, float distance) {
        return Recall.of(new int[] {row}, new float[] {distance}, 1, truth, 0, depth()) > 0;
    }
}
