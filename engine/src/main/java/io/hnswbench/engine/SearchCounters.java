package io.hnswbench.engine;

/**
 * Running totals of the work searches did, read cheaply by {@link HnswIndex#searchCounters()}:
 * take one before and one after a batch of queries and divide the difference by the count to get
 * the work per query. Inserts are not counted.
 *
 * @param searches             searches run
 * @param distanceComputations distances computed by those searches
 * @param hops                 graph nodes whose links those searches expanded, on every level
 */
public record SearchCounters(long searches, long distanceComputations, long hops) {

    /** The work done between {@code earlier} and this snapshot. */
    public SearchCounters minus(SearchCounters earlier) {
        return new SearchCounters(searches - earlier.searches, distanceComputations - earlier.distanceComputations,
                hops - earlier.hops);
    }
}
