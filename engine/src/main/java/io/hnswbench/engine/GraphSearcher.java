package io.hnswbench.engine;

import java.util.Arrays;

/**
 * Searches the graph for the nodes nearest a query vector. Used both by queries and by inserts
 * (whose query is the new node's own vector). Never locks; its working memory comes from the
 * caller's {@link SearchScratch}, which only allocates when the index has grown.
 */
final class GraphSearcher {

    private final NodeStore nodes;
    private final GraphLinks links;
    private final DistanceFunction distance;
    private final int dimension;

    GraphSearcher(HnswGraph graph, DistanceFunction distance) {
        this.nodes = graph.nodes;
        this.links = graph.links;
        this.distance = distance;
        this.dimension = graph.nodes.dimension();
    }

    /** Distance from the query slice to a stored node. */
    float distanceTo(float[] query, int queryOffset, int node) {
        return distance.distance(query, queryOffset, nodes.page(node).slots, nodes.vectorOffset(node), dimension);
    }

    /**
     * Distances from the query slice to {@code count} nodes, into {@code distances}. Eight, then
     * four at a time, so that their vectors stream in from memory together rather than one after
     * another.
     * {@code distances} must have room for {@code count} rounded up to a multiple of four.
     */
    void scoreAll(SearchScratch scratch, float[] query, int queryOffset, int[] targets, int count, float[] distances) {
        int i = 0;
        if (count >= 8) {
            float[][] arrays = scratch.targetArrays;
            int[] offsets = scratch.targetOffsets;
            int groupsEnd = count - count % 8;
            for (int t = 0; t < groupsEnd; t++) {
                arrays[t] = nodes.page(targets[t]).slots;
                offsets[t] = nodes.vectorOffset(targets[t]);
            }
            for (; i < groupsEnd; i += 8) {
                distance.distanceBulk8(query, queryOffset, arrays, offsets, i, dimension, distances, i);
            }
            // The scratch outlives this index generation: hold no page of it.
            Arrays.fill(arrays, 0, groupsEnd, null);
        }
        for (; i + 4 <= count; i += 4) {
            score4(query, queryOffset, targets[i], targets[i + 1], targets[i + 2], targets[i + 3], distances, i);
        }
        int remaining = count - i;
        if (remaining == 1) {
            distances[i] = distanceTo(query, queryOffset, targets[i]);
        } else if (remaining > 1) {
            // Two or three left: one bulk call with the last target repeated still overlaps their
            // memory reads, and the repeat is served from cache.
            int last = targets[count - 1];
            score4(query, queryOffset, targets[i], targets[i + 1], remaining == 3 ? targets[i + 2] : last, last, distances, i);
        }
    }

    private void score4(float[] query, int queryOffset, int n0, int n1, int n2, int n3, float[] out, int outOffset) {
        distance.distanceBulk4(query, queryOffset,
                nodes.page(n0).slots, nodes.vectorOffset(n0),
                nodes.page(n1).slots, nodes.vectorOffset(n1),
                nodes.page(n2).slots, nodes.vectorOffset(n2),
                nodes.page(n3).slots, nodes.vectorOffset(n3),
                dimension, out, outOffset);
    }

    /**
     * Descends greedily from the entry point through every level above {@code level} and returns
     * the nearest node found, packed with its distance: where a search on {@code level} starts.
     */
    long descend(SearchScratch scratch, float[] query, int queryOffset, EntryPoint entry, int level) {
        float entryDistance = distanceTo(query, queryOffset, entry.node());
        scratch.distanceComputations++;
        long closest = NodeHeap.pack(entry.node(), entryDistance);
        for (int l = entry.level(); l > level; l--) {
            closest = greedyClosest(scratch, query, queryOffset, NodeHeap.node(closest), NodeHeap.distance(closest), l);
        }
        return closest;
    }

    /**
     * Walks from {@code entry} to ever nearer neighbours on {@code level} until none is nearer (ef = 1
     * on the upper levels). Returns the nearest node found, packed with its distance.
     */
    private long greedyClosest(SearchScratch scratch, float[] query, int queryOffset, int entry, float entryDistance, int level) {
        int current = entry;
        float currentDistance = entryDistance;
        int[] neighbors = scratch.neighbors;
        float[] distances = scratch.distances;
        long computations = 0;
        boolean moved = true;
        while (moved) {
            moved = false;
            int count = links.copyLinks(current, level, neighbors);
            scoreAll(scratch, query, queryOffset, neighbors, count, distances);
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
        return NodeHeap.pack(current, currentDistance);
    }

    /**
     * Beam search on one level (HNSW paper, Algorithm 2) from one entry node. Leaves the nearest
     * {@code ef} nodes that {@code filter} accepts in {@code scratch.results} (a max-heap). A
     * rejected node is still expanded, so filters and deletions do not cut paths.
     *
     * @param filter {@code null} accepts every node: the bare loop for unfiltered, undeleted graphs
     */
    void searchLevel(SearchScratch scratch, float[] query, int queryOffset, int entry, float entryDistance,
                     int ef, int level, NodeFilter filter) {
        VisitedSet visited = scratch.visited;
        NodeHeap candidates = scratch.candidates;
        NodeHeap results = scratch.results;
        visited.reset(nodes.allocated());
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

        while (!candidates.isEmpty()) {
            long nearest = candidates.pop();
            if (NodeHeap.distance(nearest) > bound) {
                break;
            }
            int linkCount = links.copyLinks(NodeHeap.node(nearest), level, neighbors);
            int unvisited = 0;
            for (int i = 0; i < linkCount; i++) {
                if (visited.visit(neighbors[i])) {
                    neighbors[unvisited++] = neighbors[i];
                }
            }
            scoreAll(scratch, query, queryOffset, neighbors, unvisited, distances);
            computations += unvisited;
            for (int i = 0; i < unvisited; i++) {
                int neighbor = neighbors[i];
                float d = distances[i];
                if (d < bound) {
                    candidates.push(neighbor, d);
                    if (filter == null || filter.accepts(neighbor)) {
                        results.push(neighbor, d);
                        if (results.size() > ef) {
                            results.pop();
                        }
                        if (results.size() >= ef) {
                            bound = results.peekDistance();
                        }
                    }
                }
            }
        }
        scratch.distanceComputations += computations;
    }
}
