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
    /** The build's measured heap growth, or -1 when the worker could not measure it. */
    private final long heapBytes;

    HnswlibIndex(HnswlibWorker worker, int dimension, long heapBytes) {
        this.worker = worker;
        this.dimension = dimension;
        this.heapBytes = heapBytes;
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
     * The memory the index holds, like the other engines' figures: what malloc handed out while
     * hnswlib built it and still holds — the level-0 block (per vector its links, the vector and
     * its label), the upper-level link lists, the label hash map, one mutex per vector and a fixed
     * table of 65,536 label mutexes. Allocations by build threads into their own arenas are not
     * seen, so with several build threads this is a lower bound. Where glibc's {@code mallinfo2}
     * is missing, the size of the file {@code save_index} writes instead (the level-0 block and
     * the upper links only), measured on first call.
     */
    @Override
    public synchronized long bytes() {
        if (heapBytes > 0) {
            return heapBytes;
        }
        return savedIndexBytes();
    }

    /** The size of the file {@code save_index} writes, measured on first call. */
    synchronized long savedIndexBytes() {
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
