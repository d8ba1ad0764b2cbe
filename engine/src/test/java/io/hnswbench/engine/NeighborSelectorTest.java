package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The diversity heuristic on hand-placed 2-d points (squared L2) whose expected outcome is worked
 * out below. The base node sits at the origin.
 *
 * <pre>
 *   node  point        d(base)  kept?  why
 *   1     (1, 0)       1.00     yes    nearest, nothing kept yet
 *   2     (1.1, 0.1)   1.22     no     d(2,1) = 0.02 &lt; 1.22: node 1 already covers that direction
 *   3     (0, 1.5)     2.25     yes    d(3,1) = 3.25 &gt; 2.25
 *   4     (0.2, 2.0)   4.04     no     d(4,3) = 0.29 &lt; 4.04
 *   5     (-2, 0)      4.00     yes    d(5,1) = 9, d(5,3) = 6.25, both &gt; 4
 * </pre>
 */
class NeighborSelectorTest {

    private static final float[][] POINTS = {{0, 0}, {1, 0}, {1.1f, 0.1f}, {0, 1.5f}, {0.2f, 2.0f}, {-2, 0}};

    @Test
    void keepsOnlyCandidatesNearerToTheBaseThanToEveryKeptNeighbour() {
        assertArrayEquals(new int[] {1, 3, 5}, select(5));
    }

    @Test
    void stopsAtTheRequestedNumberOfNeighbours() {
        assertArrayEquals(new int[] {1, 3}, select(2));
    }

    private static int[] select(int max) {
        IndexConfig config = new IndexConfig(2, Metric.L2, 8, 10, 10, 0, 1);
        NodeStore nodes = new NodeStore(config);
        nodes.allocate(POINTS.length);
        for (int i = 0; i < POINTS.length; i++) {
            nodes.initialise(i, "p" + i, POINTS[i], 0, 1f, 0);
        }
        DistanceFunction distance = new DistanceFunction(Metric.L2);
        long[] candidates = new long[POINTS.length - 1];
        for (int i = 1; i < POINTS.length; i++) {
            candidates[i - 1] = NodeHeap.pack(i, distance.distance(POINTS[0], 0, POINTS[i], 0, 2));
        }
        Arrays.sort(candidates);
        int[] selected = new int[max];
        SearchScratch scratch = SearchScratch.acquire(16);
        try {
            int kept = new NeighborSelector(nodes, distance).select(candidates, candidates.length, max, selected,
                    new float[max], scratch);
            return Arrays.copyOf(selected, kept);
        } finally {
            scratch.release();
        }
    }
}
