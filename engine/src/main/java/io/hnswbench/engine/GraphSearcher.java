package io.hnswbench.engine;

/**
 * Searches the graph for the nodes nearest a query vector, by traversal distances (queries padded
 * as {@link PackedVectors} describes). Used both by queries and by inserts (whose query is the
 * new node's own vector), on the heap or from a mapped file. Never locks; its
 * working memory comes from the caller's {@link SearchScratch}, which only allocates when the
 * index has grown.
 */
final class GraphSearcher {

    private final SearchableGraph graph;

    GraphSearcher(SearchableGraph graph) {
        this.graph = graph;
    }

    /** Traversal distance from a padded query to a stored node. */
    float distanceTo(float[] query, int node) {
        return graph.distanceTo(query, node);
    }

    /** Traversal distances to {@code count} nodes at once; see {@link SearchableGraph#scoreAll}. */
    void scoreAll(SearchScratch scratch, float[] query, int[] targets, int count, float[] distances) {
        graph.scoreAll(scratch, query, targets, count, distances);
    }

    /**
     * Descends greedily from the entry point through every level above {@code level} and returns
     * the nearest node found, packed with its distance: where a search on {@code level} starts.
     */
    long descend(SearchScratch scratch, float[] query, EntryPoint entry, int level) {
        float entryDistance = distanceTo(query, entry.node());
        scratch.distanceComputations++;
        long closest = NodeHeap.pack(entry.node(), entryDistance);
        for (int l = entry.level(); l > level; l--) {
            closest = greedyClosest(scratch, query, NodeHeap.node(closest), NodeHeap.distance(closest), l);
        }
        return closest;
    }

    /**
     * Walks from {@code entry} to ever nearer neighbours on {@code level} until none is nearer (ef = 1
     * on the upper levels). Returns the nearest node found, packed with its distance.
     */
    private long greedyClosest(SearchScratch scratch, float[] query, int entry, float entryDistance, int level) {
        int current = entry;
        float currentDistance = entryDistance;
        int[] neighbors = scratch.neighbors;
        float[] distances = scratch.distances;
        long computations = 0;
        long hops = 0;
        boolean moved = true;
        while (moved) {
            moved = false;
            hops++;
            int count = graph.copyLinks(current, level, neighbors);
            scoreAll(scratch, query, neighbors, count, distances);
            computations += count;
            for (int i = 0; i < count; i++) {
                if (distances[i] < currentDistance) {
                    currentDistance = distances[i];
                    current = neighbors[i];
                    moved = true;
                }
            }
        }
        scratch.distanceComputations += computations;
        scratch.hops += hops;
        return NodeHeap.pack(current, currentDistance);
    }

    /**
     * Beam search on one level (HNSW paper, Algorithm 2) from one entry node. Leaves the nearest
     * {@code ef} nodes that {@code filter} accepts in {@code scratch.results} (a max-heap). A
     * rejected node is still expanded, so filters and deletions do not cut paths.
     *
     * @param filter {@code null} accepts every node: the bare loop for unfiltered, undeleted graphs
     */
    void searchLevel(SearchScratch scratch, float[] query, int entry, float entryDistance,
                     int ef, int level, NodeFilter filter) {
        VisitedSet visited = scratch.visited;
        NodeHeap candidates = scratch.candidates;
        NodeHeap results = scratch.results;
        visited.reset(graph.nodeCount());
        candidates.clear();
        results.clear();

        visited.visit(entry);
        candidates.push(entry, entryDistance);
        if (filter == null || filter.accepts(entry)) {
            results.push(entry, entryDistance);
        }
        // Nothing farther than bound can enter the results; infinite until there are ef of them.
        float bound = results.size() >= ef ? results.peekDistance() : Float.POSITIVE_INFINITY;
        int[] neighbors = scratch.neighbors;
        float[] distances = scratch.distances;
        long computations = 0;
        long hops = 0;

        while (!candidates.isEmpty()) {
            long nearest = candidates.pop();
            if (NodeHeap.distance(nearest) > bound) {
                break;
            }
            hops++;
            int linkCount = graph.copyLinks(NodeHeap.node(nearest), level, neighbors);
            int unvisited = 0;
            for (int i = 0; i < linkCount; i++) {
                if (visited.visit(neighbors[i])) {
                    neighbors[unvisited++] = neighbors[i];
                }
            }
            scoreAll(scratch, query, neighbors, unvisited, distances);
            computations += unvisited;
            for (int i = 0; i < unvisited; i++) {
                int neighbor = neighbors[i];
                float d = distances[i];
                if (d < bound) {
                    candidates.push(neighbor, d);
                    if (filter == null || filter.accepts(neighbor)) {
                        if (results.size() < ef) {
                            results.push(neighbor, d);
                            if (results.size() == ef) {
                                bound = results.peekDistance();
                            }
                        } else {
                            // d < bound, the farthest result's distance: it drops out.
                            results.replaceTop(neighbor, d);
                            bound = results.peekDistance();
                        }
                    }
                }
            }
        }
        scratch.distanceComputations += computations;
        scratch.hops += hops;
    }
}
