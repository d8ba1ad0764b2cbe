package io.hnswbench.engine;

import java.util.Arrays;
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
    /** Distances to {@link #neighbors}, index for index; three spare slots for the four-at-a-time kernel. */
    float[] distances = new float[64 + 3];
    /** The traversal query (padded, see {@link PackedVectors}) of the search or insert using this scratch. */
    float[] query = new float[0];
    /** A stored vector compared with others while neighbours are selected. */
    float[] candidateVector = new float[0];
    /** The node whose overfull row is being pruned. */
    float[] pruneVector = new float[0];
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
            scratch.distances = new float[rowCapacity + 3];
        }
        scratch.distanceComputations = 0;
        scratch.hops = 0;
        return scratch;
    }

    /** {@code buffer} if it holds {@code length} floats, else a new array that does. */
    static float[] sized(float[] buffer, int length) {
        return buffer.length >= length ? buffer : new float[length];
    }

    /**
     * Copies {@code vector[0..dimension)} into {@link #query}, zero up to
     * {@link PackedVectors#paddedLength}, and returns it: the traversal form of a user's query.
     */
    float[] paddedQuery(float[] vector, int dimension) {
        int padded = PackedVectors.paddedLength(dimension);
        float[] q = query = sized(query, padded);
        System.arraycopy(vector, 0, q, 0, dimension);
        Arrays.fill(q, dimension, padded, 0f);
        return q;
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
