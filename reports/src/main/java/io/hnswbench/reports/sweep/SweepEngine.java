package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import java.util.Optional;

/**
 * An approximate nearest-neighbour library a sweep can build and search: this project's engine,
 * and later the peers it is raced against. Base vectors are identified by their row number.
 */
public interface SweepEngine {

    /** The name in results and legends, e.g. {@code hnsw}. */
    String name();

    /**
     * What a reader of the results must know of how this engine ran here (its version, whether
     * its SIMD path was active), or null when there is nothing to say.
     */
    default String environmentNote() {
        return null;
    }

    /**
     * The most search threads a sweep may measure this engine with; an engine that times its
     * searches in another process (see {@link BatchSearchable}) measures one thread only.
     */
    default int maxSearchThreads() {
        return Integer.MAX_VALUE;
    }

    /**
     * Why this engine cannot run on this machine (e.g. a missing system package), or empty when it
     * can. A sweep skips such an engine and records the reason instead of failing.
     */
    default Optional<String> unavailableBecause() {
        return Optional.empty();
    }

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
