package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectivityRepairTest {

    @Test
    void nodeWithNoIncomingLinksIsReconnectedAndFoundAgain() {
        List<float[]> vectors = TestVectors.uniform(31, 2000, 16);
        HnswIndex index = HnswIndex.builder(16).metric(Metric.L2).m(8).maxLevel(0).build();
        index.addAll(TestVectors.ids(2000), vectors, 1);
        IndexState state = index.currentState();
        HnswGraph graph = state.graph;
        int orphan = 1234;

        cutEveryLinkInto(graph, orphan);
        assertEquals(1, index.statistics().levels().get(0).unreachableNodes());

        assertEquals(1, state.repairConnectivity());
        assertEquals(0, index.statistics().levels().get(0).unreachableNodes());
        assertEquals("v" + orphan, index.search(vectors.get(orphan), 1).get(0).id());
    }

    private static void cutEveryLinkInto(HnswGraph graph, int target) {
        int[] row = new int[graph.links.capacity(0)];
        for (int node = 0; node < graph.nodes.allocated(); node++) {
            try (GraphLinks.HeldLock ignored = graph.links.lock(node)) {
                int count = graph.links.copyLinks(node, 0, row);
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    if (row[i] != target) {
                        row[kept++] = row[i];
                    }
                }
                graph.links.writeLinks(node, 0, row, kept);
            }
        }
    }
}
