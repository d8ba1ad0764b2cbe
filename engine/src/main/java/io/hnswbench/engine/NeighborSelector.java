package io.hnswbench.engine;

/**
 * The neighbour selection heuristic of the HNSW paper (Algorithm 4, without extending or keeping
 * pruned candidates): walking candidates from nearest to farthest, keep one only if it is nearer
 * to the base node than to every neighbour already kept. This keeps links pointing in diverse
 * directions, which is what lets a greedy search leave a cluster.
 */
final class NeighborSelector {

    private final NodeStore nodes;
    private final DistanceFunction distance;
    private final int dimension;

    NeighborSelector(NodeStore nodes, DistanceFunction distance) {
        this.nodes = nodes;
        this.distance = distance;
        this.dimension = nodes.dimension();
    }

    /**
     * Selects up to {@code max} of the {@code count} candidates.
     *
     * @param candidates          packed (node, distance to the base node) pairs sorted nearest
     *                            first (see {@link NodeHeap#pack})
     * @param selected            receives the kept nodes, nearest first
     * @param selectedDistances   receives their distances to the base node
     * @return how many were kept
     */
    int select(long[] candidates, int count, int max, int[] selected, float[] selectedDistances, SearchScratch scratch) {
        int kept = 0;
        long computations = 0;
        for (int i = 0; i < count && kept < max; i++) {
            int candidate = NodeHeap.node(candidates[i]);
            float toBase = NodeHeap.distance(candidates[i]);
            float[] candidateVector = kept == 0 ? null
                    : (scratch.candidateVector = nodes.traversalVector(candidate, scratch.candidateVector));
            boolean diverse = true;
            for (int j = 0; j < kept; j++) {
                int other = selected[j];
                computations++;
                float toKept = distance.traversal(candidateVector, nodes.page(other).slots, nodes.vectorOffset(other),
                        dimension);
                if (toKept < toBase) {
                    diverse = false;
                    break;
                }
            }
            if (diverse) {
                selected[kept] = candidate;
                selectedDistances[kept] = toBase;
                kept++;
            }
        }
        scratch.distanceComputations += computations;
        return kept;
    }
}
