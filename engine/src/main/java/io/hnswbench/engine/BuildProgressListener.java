package io.hnswbench.engine;

/**
 * Told how far a bulk insert has come. It is called from the building threads, several times a
 * second at most per thread batch, so it must be quick and thread-safe (hand the numbers to a UI
 * thread rather than drawing from here).
 */
@FunctionalInterface
public interface BuildProgressListener {

    /**
     * @param inserted vectors inserted so far by this call
     * @param total    vectors this call will insert
     */
    void onProgress(int inserted, int total);

    /** A listener that ignores progress. */
    static BuildProgressListener none() {
        return (inserted, total) -> {
        };
    }
}
