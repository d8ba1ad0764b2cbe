package io.hnswbench.reports.sweep;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;

/**
 * Told what a sweep is doing, for a progress bar or a live chart. Called on the sweep's thread
 * (build progress: on build threads too), so implementations hand the figures on quickly.
 */
public interface SweepListener {

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {
    };

    /**
     * @param stage what runs now, e.g. {@code "build hnsw M=16 efC=200"} or {@code "search ef=64"}
     * @param done  units done in this stage
     * @param total units in this stage
     */
    default void progress(String stage, long done, long total) {
    }

    /** One efSearch of a run has been measured. */
    default void pointMeasured(RunResult run, SweepPoint point) {
    }

    /** A run (one build and all its efSearch values) is complete. */
    default void runFinished(RunResult run) {
    }
}
