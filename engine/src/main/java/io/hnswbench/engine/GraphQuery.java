package io.hnswbench.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Answers a user's search on one graph, heap or mapped: picks the beam width and the bare or the
 * checking loop, runs the search, and turns the nearest nodes into results.
 */
final class GraphQuery {

    private final SearchableGraph graph;
    private final GraphSearcher searcher;
    private final ExactRanking ranking;
    private final int dimension;
    private final int defaultEf;
    private final int rowCapacity;
    private final LongAdder distanceComputations;
    private final LongAdder searches = new LongAdder();
    private final LongAdder searchDistanceComputations = new LongAdder();
    private final LongAdder searchHops = new LongAdder();

    GraphQuery(SearchableGraph graph, GraphSearcher searcher, IndexConfig config, LongAdder distanceComputations) {
        this.graph = graph;
        this.searcher = searcher;
        this.dimension = config.dimension();
        this.ranking = new ExactRanking(graph, config.metric(), config.dimension());
        this.defaultEf = config.efSearch();
        this.rowCapacity = config.maxConnectionsLevel0();
        this.distanceComputations = distanceComputations;
    }

    /**
     * Searches with a query that has been validated and, under cosine, normalised.
     *
     * @param visibleBelow  an ordinal below which every node was visible when the search began, or
     *                      -1: then, with no filter, the search may skip the per-node check and
     *                      must drop any node at or above it (inserted since)
     * @param idsMayRepeat  asked once the walk is over: whether the search may have met two visible
     *                      nodes of one id (a replacement racing it), so results must be de-duplicated
     */
    List<SearchResult> search(float[] query, int k, SearchOptions options, int visibleBelow,
                              BooleanSupplier idsMayRepeat) {
        EntryPoint entry = graph.entryPoint();
        if (entry == null) {
            return List.of();
        }
        int ef = Math.max(options.ef() > 0 ? options.ef() : defaultEf, k);
        Predicate<String> userFilter = options.filter();
        boolean everyNodeVisible = userFilter == null && visibleBelow >= 0;
        NodeFilter filter = everyNodeVisible ? null
                : userFilter == null ? graph::isVisible
                : node -> graph.isVisible(node) && userFilter.test(graph.id(node));
        int nodeLimit = everyNodeVisible ? visibleBelow : Integer.MAX_VALUE;

        SearchScratch scratch = SearchScratch.acquire(rowCapacity);
        try {
            float[] traversalQuery = scratch.paddedQuery(query, dimension);
            long closest = searcher.descend(scratch, traversalQuery, entry, 0);
            searcher.searchLevel(scratch, traversalQuery, NodeHeap.node(closest), NodeHeap.distance(closest), ef, 0, filter);
            // Asked only now, after the walk: a replacement that began during it (new node visible,
            // old one not yet removed) set the flag before publishing the new node, so a search that
            // met both sees the flag set (release/acquire on the node's visibility).
            return nearestResults(scratch, query, k, options.maxDistance(), nodeLimit, idsMayRepeat.getAsBoolean());
        } finally {
            distanceComputations.add(scratch.distanceComputations);
            searches.increment();
            searchDistanceComputations.add(scratch.distanceComputations);
            searchHops.add(scratch.hops);
            scratch.release();
        }
    }

    /** The totals of every search this object has answered. */
    SearchCounters counters() {
        return new SearchCounters(searches.sum(), searchDistanceComputations.sum(), searchHops.sum());
    }

    /** The k nearest of the ef nodes the walk found, by exact distance. */
    private List<SearchResult> nearestResults(SearchScratch scratch, float[] query, int k, float maxDistance,
                                              int nodeLimit, boolean idsMayRepeat) {
        long[] nearestFirst = new long[scratch.results.size()];
        int found = scratch.results.drainNearestFirst(nearestFirst);
        int count = ranking.rank(scratch, query, nearestFirst, found, k, nodeLimit, idsMayRepeat);
        List<SearchResult> hits = new ArrayList<>(Math.min(k, count));
        Set<String> seen = idsMayRepeat ? new HashSet<>() : null;
        for (int i = 0; i < count && hits.size() < k; i++) {
            float d = NodeHeap.distance(nearestFirst[i]);
            if (d > maxDistance) {
                break;
            }
            int node = NodeHeap.node(nearestFirst[i]);
            String id = graph.id(node);
            if (seen == null || seen.add(id)) {
                hits.add(new SearchResult(id, d));
            }
        }
        return hits;
    }
}
