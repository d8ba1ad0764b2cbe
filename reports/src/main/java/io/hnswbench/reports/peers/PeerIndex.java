package io.hnswbench.reports.peers;

import io.hnswbench.reports.sweep.EngineIndex;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the in-process peer adapters share: the library's built state, dropped by {@link #close()}
 * (any use afterwards says the index is closed), and the search work counted across threads.
 *
 * @param <S> the library's built graph and everything searching it needs
 */
abstract class PeerIndex<S> implements EngineIndex {

    private final String library;
    private volatile S state;
    private final LongAdder distanceComputations = new LongAdder();
    private final LongAdder hops = new LongAdder();

    PeerIndex(String library, S state) {
        this.library = library;
        this.state = state;
    }

    /** The built state; throws when the index is closed. */
    final S open() {
        S current = state;
        if (current == null) {
            throw new IllegalStateException("the " + library + " index is closed");
        }
        return current;
    }

    /** The state after checking a search's k, which every library needs positive. */
    final S openForSearch(int k) {
        S current = open();
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        return current;
    }

    /** Adds one search's work: vectors scored and graph nodes expanded. */
    final void countWork(long visited, long expanded) {
        distanceComputations.add(visited);
        hops.add(expanded);
    }

    @Override
    public final Work work() {
        return new Work(distanceComputations.sum(), hops.sum());
    }

    /** Drops the state and returns it (null when already closed), so a subclass can release more. */
    final S release() {
        S current = state;
        state = null;
        return current;
    }

    @Override
    public void close() {
        release();
    }
}
