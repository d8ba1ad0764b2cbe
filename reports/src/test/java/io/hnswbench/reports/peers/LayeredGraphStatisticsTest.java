package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hnswbench.reports.GraphStatistics;
import org.junit.jupiter.api.Test;

class LayeredGraphStatisticsTest {

    /**
     * Level 0: 0 → 1 → 2 → 0 is a cycle, 3 → 0 has no in-link, so 3 is unreachable from entry 0.
     * Level 1: nodes 0 and 2 linked both ways.
     */
    private static final int[][][] LINKS = {
            {{1}, {2}, {0}, {0}},
            {{2}, null, {0}, null},
    };

    private static final LayeredGraphStatistics.LayeredGraph HAND_MADE = new LayeredGraphStatistics.LayeredGraph() {
        @Override
        public int levelCount() {
            return 2;
        }

        @Override
        public int nodeBound() {
            return 4;
        }

        @Override
        public int entryNode() {
            return 0;
        }

        @Override
        public int capacity(int level) {
            return level == 0 ? 4 : 2;
        }

        @Override
        public int[] nodesOn(int level) {
            return level == 0 ? new int[] {0, 1, 2, 3} : new int[] {0, 2};
        }

        @Override
        public int[] neighborsOf(int level, int node) {
            return LINKS[level][node];
        }
    };

    @Test
    void countsNodesEdgesDegreesAndNodesNoPathReaches() {
        GraphStatistics statistics = LayeredGraphStatistics.of(HAND_MADE, 4, 2, 100, 50);
        assertEquals(1, statistics.entryPointLevel());
        assertEquals(150, statistics.vectorBytes() + statistics.linkBytes() + statistics.otherBytes());
        GraphStatistics.Level bottom = statistics.levels().get(0);
        assertEquals(4, bottom.nodes());
        assertEquals(4, bottom.edges());
        assertArrayEquals(new int[] {0, 4, 0, 0, 0}, bottom.degreeHistogram());
        assertEquals(1, bottom.unreachableNodes());
        GraphStatistics.Level top = statistics.levels().get(1);
        assertEquals(2, top.nodes());
        assertEquals(2, top.edges());
        assertEquals(0, top.unreachableNodes());
        assertArrayEquals(new int[] {0, 2, 0}, top.degreeHistogram());
    }
}
