package io.hnswbench.engine;

import java.util.Arrays;

/**
 * Which nodes one search has seen, reset in O(1): a node is visited when its stamp equals the
 * current generation, and starting a new search just increments the generation. The array is
 * cleared only when the 16-bit generation wraps, once every 65,535 searches.
 */
final class VisitedSet {

    private short[] stamps;
    private short generation;

    VisitedSet(int capacity) {
        stamps = new short[Math.max(capacity, 16)];
    }

    /** Forgets every visit; makes room for nodes below {@code capacity}. */
    void reset(int capacity) {
        if (capacity > stamps.length) {
            stamps = new short[capacity + (capacity >> 2)];
            generation = 0;
        }
        generation++;
        if (generation == 0) {
            Arrays.fill(stamps, (short) 0);
            generation = 1;
        }
    }

    /** Marks the node; returns true if it had not been visited yet in this search. */
    boolean visit(int node) {
        if (node >= stamps.length) {
            // A node inserted after this search began; grow rather than miss it.
            stamps = Arrays.copyOf(stamps, Math.max(node + 1, stamps.length + (stamps.length >> 1)));
        }
        if (stamps[node] == generation) {
            return false;
        }
        stamps[node] = generation;
        return true;
    }
}
