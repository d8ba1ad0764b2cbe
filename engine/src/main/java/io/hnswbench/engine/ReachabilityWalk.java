package io.hnswbench.engine;

/**
 * Breadth-first walk over one level's links, shared by the statistics (how many nodes are
 * unreachable) and the connectivity repair (which nodes to reconnect).
 */
final class ReachabilityWalk {

    private ReachabilityWalk() {
    }

    /**
     * Marks in {@code reached} every node reachable on {@code level} from {@code start} that was
     * not marked yet, and returns how many that was. Links to ordinals at or beyond
     * {@code reached.length} (nodes allocated after the caller's snapshot) are not followed.
     *
     * @param queue work space with room for {@code reached.length} nodes
     */
    static int mark(SearchableGraph graph, int level, int start, boolean[] reached, int[] queue) {
        if (reached[start]) {
            return 0;
        }
        int[] neighbors = new int[graph.capacity(level)];
        int head = 0;
        int tail = 0;
        reached[start] = true;
        queue[tail++] = start;
        while (head < tail) {
            int count = graph.copyLinks(queue[head++], level, neighbors);
            for (int i = 0; i < count; i++) {
                int neighbor = neighbors[i];
                if (neighbor < reached.length && !reached[neighbor]) {
                    reached[neighbor] = true;
                    queue[tail++] = neighbor;
                }
            }
        }
        return tail;
    }
}
