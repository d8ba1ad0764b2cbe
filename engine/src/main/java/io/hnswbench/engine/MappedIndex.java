package io.hnswbench.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The read-only contents of an index opened with {@link HnswIndex#open}: searches run on the
 * mapped file, and closing unmaps it. Any use after {@link #close()} throws
 * {@link IllegalStateException}; a search racing with close may also end with one (the JDK's
 * shared arena guarantees it never reads unmapped memory).
 */
final class MappedIndex implements IndexContents, AutoCloseable {

    private final IndexFile file;
    private final MappedGraph graph;
    private final MappedIdTable ids;
    private final GraphQuery queries;
    private final LongAdder distanceComputations = new LongAdder();
    /** With no removed or unfinished node, unfiltered searches take the bare loop. */
    private final boolean everyNodeVisible;
    private volatile boolean closed;

    private MappedIndex(IndexFile file) throws IndexFileException {
        this.file = file;
        this.ids = MappedIdTable.build(file);
        this.graph = new MappedGraph(file, ids.bytes());
        this.queries = new GraphQuery(graph, new GraphSearcher(graph), file.config, distanceComputations);
        this.everyNodeVisible = file.liveCount == file.nodeCount;
    }

    static MappedIndex open(Path path) throws IOException {
        IndexFile file = IndexFileReader.read(path);
        try {
            return new MappedIndex(file);
        } catch (IndexFileException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    IndexConfig config() {
        return file.config;
    }

    Path path() {
        return file.path;
    }

    @Override
    public int size() {
        checkOpen();
        return file.liveCount;
    }

    @Override
    public boolean contains(String id) {
        checkOpen();
        return ids.contains(id);
    }

    @Override
    public List<SearchResult> search(float[] query, int k, SearchOptions options) {
        checkOpen();
        return queries.search(query, k, options, everyNodeVisible ? file.nodeCount : -1, () -> false);
    }

    @Override
    public SearchCounters searchCounters() {
        return queries.counters();
    }

    @Override
    public IndexStatistics statistics() {
        checkOpen();
        return StatisticsCollector.collect(graph, file.config, file.liveCount, 0, distanceComputations.sum());
    }

    @Override
    public SearchableGraph graph() {
        checkOpen();
        return graph;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        file.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the index mapped from " + file.path + " is closed");
        }
    }
}
