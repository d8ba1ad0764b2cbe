package io.hnswbench.reports.peers;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.sweep.BatchSearchable;
import io.hnswbench.reports.sweep.EngineIndex;

/**
 * An hnswlib index living in its worker process. Searches from several threads are served one
 * after another, since the worker answers one request at a time.
 */
final class HnswlibIndex implements EngineIndex, BatchSearchable {

    private final HnswlibWorker worker;
    private final int dimension;
    /** The query set the worker holds, compared by identity so repeated passes send it once. */
    private VectorMatrix storedQueries;
    private long savedBytes = -1;

    HnswlibIndex(HnswlibWorker worker, int dimension) {
        this.worker = worker;
        this.dimension = dimension;
    }

    /** One query through the pipe: for correctness checks, not for timing (the round trip dominates). */
    @Override
    public int search(float[] query, int k, int efSearch, int[] ids, float[] distances) {
        checkDimension(query.length);
        checkK(k);
        return worker.search(query, k, efSearch, ids, distances);
    }

    @Override
    public synchronized BatchResult searchAll(VectorMatrix queries, int k, int efSearch) throws InterruptedException {
        checkDimension(queries.dimension());
        checkK(k);
        if (queries != storedQueries) {
            storedQueries = null;
            worker.storeQueries(queries);
            storedQueries = queries;
        }
        return worker.searchAll(k, efSearch);
    }

    /**
     * The size of the file hnswlib's {@code save_index} writes: the level-0 block (per vector its
     * links, the vector and its label) and every upper-level link list — hnswlib's memory layout,
     * less its per-vector locks and label hash map. Measured on first call, after the build's
     * clock has stopped.
     */
    @Override
    public synchronized long bytes() {
        if (savedBytes < 0) {
            savedBytes = worker.savedIndexBytes();
        }
        return savedBytes;
    }

    /** hnswlib does not expose its graph. */
    @Override
    public GraphStatistics statistics() {
        return null;
    }

    /**
     * Null: hnswlib counts distance computations and hops in C++ ({@code metric_distance_computations},
     * {@code metric_hops}), but the Python binding does not expose them.
     */
    @Override
    public Work work() {
        return null;
    }

    /** Ends the worker process. */
    @Override
    public void close() {
        worker.close();
    }

    ProcessHandle process() {
        return worker.processHandle();
    }

    /** Python, hnswlib and numpy versions, for a report's environment. */
    String versions() {
        return worker.versions();
    }

    private void checkDimension(int dimension) {
        if (dimension != this.dimension) {
            throw new IllegalArgumentException("query has dimension " + dimension + " but the index has dimension "
                    + this.dimension);
        }
    }

    private static void checkK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
    }
}
