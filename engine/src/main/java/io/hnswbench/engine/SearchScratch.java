package io.hnswbench.engine;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The reusable working memory of one search or insert: visited stamps, the two heaps and buffers
 * for one neighbour row. Taken from a small shared pool and given back, so no search allocates
 * per visited node and the visited array (two bytes per node of the largest index searched) is
 * not duplicated per thread: a service on virtual threads would otherwise allocate one per
 * search.
 */
final class SearchScratch {

    /** Enough for every core to search and insert at once; beyond that, extras are dropped. */
    private static final AtomicReferenceArray<SearchScratch> POOL =
            new AtomicReferenceArray<>(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));

    final VisitedSet visited = new VisitedSet(1024);
    final NodeHeap candidates = NodeHeap.minHeap(256);
    final NodeHeap results = NodeHeap.maxHeap(256);
    int[] neighbors = new int[64];
    /** Distances to {@link #neighbors}, index for index; seven spare slots for bulk scoring. */
    float[] distances = new float[64 + 7];
    /** Where the vectors of a row being scored lie, for the eight-at-a-time kernel; emptied after use. */
    float[][] targetArrays = new float[64][];
    int[] targetOffsets = new int[64];
    /** Where the vectors of a row being scored lie in a mapped file. */
    long[] targetByteOffsets = new long[64 + 7];
    /** Distance computations since the owner last collected them. */
    long distanceComputations;
    /** Nodes expanded (their links read) since the owner last collected them. */
    long hops;

    private SearchScratch() {
    }

    /** A scratch for the caller alone until {@link #release()}; rows hold up to {@code rowCapacity} links. */
    static SearchScratch acquire(int rowCapacity) {
        SearchScratch scratch = null;
        int slots = POOL.length();
        int start = (int) (Thread.currentThread().threadId() % slots);
        for (int i = 0; i < slots && scratch == null; i++) {
            int slot = (start + i) % slots;
            if (POOL.getPlain(slot) != null) {
                scratch = POOL.getAndSet(slot, null);
            }
        }
        if (scratch == null) {
            scratch = new SearchScratch();
        }
        if (scratch.neighbors.length < rowCapacity) {
            scratch.neighbors = new int[rowCapacity];
            scratch.distances = new float[rowCapacity + 7];
            scratch.targetByteOffsets = new long[rowCapacity + 7];
            scratch.targetArrays = new float[rowCapacity][];
            scratch.targetOffsets = new int[rowCapacity];
        }
        scratch.distanceComputations = 0;
        scratch.hops = 0;
        return scratch;
    }

    /** Gives the scratch back; the caller must not use it afterwards. */
    void release() {
        int slots = POOL.length();
        int start = (int) (Thread.currentThread().threadId() % slots);
        for (int i = 0; i < slots; i++) {
            int slot = (start + i) % slots;
            if (POOL.getPlain(slot) == null && POOL.compareAndSet(slot, null, this)) {
                return;
            }
        }
    }
}
