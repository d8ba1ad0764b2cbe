package io.hnswbench.datasets;

/**
 * Told how far a long job (reading, embedding, ground truth) has come. May be called from several
 * worker threads at once, so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every update. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is running, e.g. {@code "ground truth"}
     * @param done  units finished so far
     * @param total units in the stage
     */
    void update(String stage, long done, long total);
}
