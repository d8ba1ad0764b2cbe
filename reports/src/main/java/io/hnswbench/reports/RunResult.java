package io.hnswbench.reports;

import java.util.List;

/**
 * One index built with one (M, efConstruction) and searched at every efSearch of the grid.
 *
 * @param buildSeconds wall-clock seconds of the build
 * @param indexBytes   bytes the index holds (vectors, links, the rest), from its statistics
 * @param statistics   the graph after the build
 * @param points       one per efSearch, in grid order
 */
public record RunResult(String engine, int m, int efConstruction, int buildThreads, double buildSeconds,
                        long indexBytes, GraphStatistics statistics, List<SweepPoint> points) {

    public RunResult {
        points = List.copyOf(points);
    }

    /** A name for legends and tables, e.g. {@code hnsw M=16 efC=200}. */
    public String label() {
        return engine + " M=" + m + " efC=" + efConstruction;
    }
}
