package io.hnswbench.engine;

import java.util.Arrays;

/**
 * Orders the nodes a search found by exact distance. The walk ranked them by traversal distance
 * (bfloat16 vectors, see {@link PackedVectors}); results report exact distances, so each node
 * that could be among the k nearest is scored again from its full vector.
 *
 * <p>Under cosine the two distances differ by a known bound, so once k exact distances are known,
 * a node whose traversal distance exceeds the k-th of them by more than the bound cannot be among
 * the k nearest, nor can any node after it: the rest are not scored. On minilm-debian-20k at
 * efSearch 50 that leaves about 15 of 50 nodes to score. The results are those of scoring all of
 * them. Other metrics have no such bound without vector norms, so every node is scored.
 */
final class ExactRanking {

    private final SearchableGraph graph;
    /** How far a node's traversal distance may lie from its exact one; infinite when unknown. */
    private final float traversalError;

    ExactRanking(SearchableGraph graph, Metric metric, int dimension) {
        this.graph = graph;
        this.traversalError = metric == Metric.COSINE ? cosineTraversalError(dimension) : Float.POSITIVE_INFINITY;
    }

    /**
     * Under cosine, query and vectors have unit length. Truncation moves each component by less
     * than 2⁻⁷ of itself, so it moves {@code 1 − q·v} by less than 2⁻⁷·Σ|qᵢvᵢ| ≤ 2⁻⁷. Rounding moves
     * each of the two sums by less than {@code d}·2⁻²⁴ (and each {@code 1 −} by one rounding more);
     * {@code 4d}·2⁻²⁴ covers both with room to spare.
     */
    static float cosineTraversalError(int dimension) {
        return 0x1p-7f + 4f * dimension * 0x1p-24f;
    }

    /**
     * Scores {@code found} candidates exactly, as far as they can matter for the k nearest.
     *
     * @param nearestFirst packed (node, traversal distance) pairs, nearest first; on return the
     *                     first {@code n} (the returned count) hold (node, exact distance), nearest first
     * @param nodeLimit    nodes at or above it are dropped (inserted after the search began)
     * @param everyNode    score every candidate: when ids may repeat, more than k nodes can be
     *                     needed for k distinct ids
     * @return how many candidates were scored and kept
     */
    int rank(SearchScratch scratch, float[] query, long[] nearestFirst, int found, int k, int nodeLimit,
             boolean everyNode) {
        boolean bounded = !everyNode && traversalError != Float.POSITIVE_INFINITY;
        // The k smallest exact distances so far, largest on top; the search is done with this heap.
        NodeHeap nearestK = scratch.results;
        nearestK.clear();
        int scored = 0;
        for (int i = 0; i < found; i++) {
            int node = NodeHeap.node(nearestFirst[i]);
            if (node >= nodeLimit) {
                continue;
            }
            if (bounded && nearestK.size() >= k
                    && NodeHeap.distance(nearestFirst[i]) - traversalError > nearestK.peekDistance()) {
                break;
            }
            float exact = graph.exactDistanceTo(query, node);
            nearestFirst[scored++] = NodeHeap.pack(node, exact);
            nearestK.push(node, exact);
            if (nearestK.size() > k) {
                nearestK.pop();
            }
        }
        nearestK.clear();
        scratch.distanceComputations += scored;
        Arrays.sort(nearestFirst, 0, scored);
        return scored;
    }
}
