package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.GroundTruth;

/**
 * Recall@k as DESIGN.md defines it: the share of the k returned neighbours that are among the
 * true k nearest, where a returned vector whose distance ties the k-th true distance also counts
 * (so an index is not punished for picking the other of two equally near vectors).
 */
public final class Recall {

    /**
     * Distances from the index and from the ground truth are rounded differently (float kernels vs
     * double); a returned distance this close to the k-th true one, relative to its size, is a tie.
     */
    static final double TIE_TOLERANCE = 1e-6;

    private Recall() {
    }

    /**
     * @param ids       returned row numbers, nearest first
     * @param distances their distances
     * @param count     how many were returned
     * @param query     the query's row in the ground truth
     * @return hits / min(k, base size), in [0, 1]
     */
    public static double of(int[] ids, float[] distances, int count, GroundTruth truth, int query, int k) {
        int depth = Math.min(k, truth.k());
        int[] trueIds = truth.ids().row(query);
        double kthDistance = truth.distances().map(d -> (double) d.data()[query * truth.k() + depth - 1])
                .orElse(Double.NaN);
        double tieLimit = kthDistance + TIE_TOLERANCE * Math.max(1, Math.abs(kthDistance));
        int hits = 0;
        for (int i = 0; i < Math.min(count, depth); i++) {
            if (isTrueNeighbor(ids[i], trueIds, depth) || distances[i] <= tieLimit) {
                hits++;
            }
        }
        return (double) hits / depth;
    }

    private static boolean isTrueNeighbor(int id, int[] trueIds, int depth) {
        for (int i = 0; i < depth; i++) {
            if (trueIds[i] == id) {
                return true;
            }
        }
        return false;
    }
}
