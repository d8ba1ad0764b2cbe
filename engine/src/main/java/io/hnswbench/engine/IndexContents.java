package io.hnswbench.engine;

import java.util.List;

/**
 * What an {@link HnswIndex} reads from, whether it can change ({@link IndexState}, on the heap)
 * or not ({@link MappedIndex}, a mapped file).
 */
interface IndexContents {

    int size();

    boolean contains(String id);

    /** Searches with a query that has been validated and, under cosine, normalised. */
    List<SearchResult> search(float[] query, int k, SearchOptions options);

    IndexStatistics statistics();

    /** Totals of the searches answered so far. */
    SearchCounters searchCounters();

    /** The graph, for saving; the caller keeps it from changing meanwhile. */
    SearchableGraph graph();
}
