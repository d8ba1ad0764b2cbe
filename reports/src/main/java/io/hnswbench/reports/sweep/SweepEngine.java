package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;

/**
 * An approximate nearest-neighbour library a sweep can build and search: this project's engine,
 * and later the peers it is raced against. Base vectors are identified by their row number.
 */
public interface SweepEngine {

    /** The name in results and legends, e.g. {@code hnsw}. */
    String name();

    /**
     * Builds an index of every row of {@code base}.
     *
     * @param progress told the vectors inserted so far; may be called from build threads
     * @throws InterruptedException if the calling thread is interrupted during the build
     */
    EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress)
            throws InterruptedException;

    /** The graph parameters of one build. */
    record BuildSettings(int m, int efConstruction, int threads, long seed) {
    }

    /** Told how far a build has come. */
    @FunctionalInterface
    interface BuildProgress {
        void inserted(long done, long total);
    }
}
