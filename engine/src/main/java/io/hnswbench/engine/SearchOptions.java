package io.hnswbench.engine;

import java.util.function.Predicate;

/**
 * Immutable per-search settings. Start from {@link #defaults()} or {@link #ef(int)}; each wither
 * returns a new instance, so one options object can be shared between threads.
 *
 * <pre>{@code
 * index.search(query, 10, SearchOptions.ef(128).maxDistance(0.35f).filter(id -> id.startsWith("doc-")));
 * }</pre>
 */
public final class SearchOptions {

    private static final SearchOptions DEFAULTS = new SearchOptions(0, Float.POSITIVE_INFINITY, null);

    private final int ef;
    private final float maxDistance;
    private final Predicate<String> filter;

    private SearchOptions(int ef, float maxDistance, Predicate<String> filter) {
        this.ef = ef;
        this.maxDistance = maxDistance;
        this.filter = filter;
    }

    /** The index's own efSearch, no distance limit, no filter. */
    public static SearchOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Searches with this beam width instead of the index's efSearch. The search always uses at
     * least k, so a small ef with a large k is not an error.
     *
     * @throws IllegalArgumentException if {@code ef <= 0}
     */
    public static SearchOptions ef(int ef) {
        return new SearchOptions(checkedEf(ef), Float.POSITIVE_INFINITY, null);
    }

    private static int checkedEf(int ef) {
        if (ef <= 0) {
            throw new IllegalArgumentException("ef must be positive, got " + ef);
        }
        return ef;
    }

    /**
     * The same options with another beam width. (The static {@link #ef(int)} starts from the
     * defaults; calling it on an instance would silently drop that instance's other settings.)
     *
     * @throws IllegalArgumentException if {@code ef <= 0}
     */
    public SearchOptions withEf(int ef) {
        return new SearchOptions(checkedEf(ef), maxDistance, filter);
    }

    /**
     * Drops hits farther than {@code maxDistance} (inclusive limit): the distance threshold. Fewer
     * than k results come back when fewer are that close.
     *
     * @throws IllegalArgumentException if {@code maxDistance} is NaN
     */
    public SearchOptions maxDistance(float maxDistance) {
        if (Float.isNaN(maxDistance)) {
            throw new IllegalArgumentException("maxDistance must be a number, got NaN");
        }
        return new SearchOptions(ef, maxDistance, filter);
    }

    /**
     * Returns only ids the predicate accepts. The graph is still traversed through rejected
     * vectors, so a selective filter costs more distance computations but does not cut recall off.
     * The predicate is called from the searching thread and must not block.
     */
    public SearchOptions filter(Predicate<String> filter) {
        if (filter == null) {
            throw new IllegalArgumentException("filter is null; leave it unset to accept every id");
        }
        return new SearchOptions(ef, maxDistance, filter);
    }

    /** The beam width, or 0 for the index's efSearch. */
    public int ef() {
        return ef;
    }

    /** The distance limit; {@link Float#POSITIVE_INFINITY} when there is none. */
    public float maxDistance() {
        return maxDistance;
    }

    /** The id filter, or {@code null} when every id is accepted. */
    public Predicate<String> filter() {
        return filter;
    }

    @Override
    public String toString() {
        return "SearchOptions[ef=" + (ef == 0 ? "index default" : ef) + ", maxDistance=" + maxDistance
                + ", filter=" + (filter == null ? "none" : "set") + "]";
    }
}
