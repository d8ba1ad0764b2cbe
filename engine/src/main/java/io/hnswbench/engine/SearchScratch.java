package io.hnswbench.engine;

/**
 * The reusable working memory of one search or insert: visited stamps, the two heaps and a buffer
 * for one neighbour row. One per thread, so no search allocates per visited node.
 */
final class SearchScratch {

    private static final ThreadLocal<SearchScratch> PER_THREAD = ThreadLocal.withInitial(SearchScratch::new);

    final VisitedSet visited = new VisitedSet(1024);
    final NodeHeap candidates = NodeHeap.minHeap(256);
    final NodeHeap results = NodeHeap.maxHeap(256);
    int[] neighbors = new int[64];
    /** Distances to {@link #neighbors}, index for index; three spare slots for bulk scoring. */
    float[] distances = new float[64 + 3];
    /** Distance computations since the owner last collected them. */
    long distanceComputations;
    private boolean inUse;

    private SearchScratch() {
    }

    /**
     * The calling thread's scratch, or a fresh one if it is already in use (a filter that searches
     * another index from inside a search).
     */
    static SearchScratch acquire(int rowCapacity) {
        SearchScratch scratch = PER_THREAD.get();
        if (scratch.inUse) {
            scratch = new SearchScratch();
        }
        scratch.inUse = true;
        if (scratch.neighbors.length < rowCapacity) {
            scratch.neighbors = new int[rowCapacity];
            scratch.distances = new float[rowCapacity + 3];
        }
        scratch.distanceComputations = 0;
        return scratch;
    }

    void release() {
        inUse = false;
    }
}
