package io.hnswbench.engine;

/**
 * The graph of one index generation: its nodes, their links and the entry point. Searching and
 * inserting are done by {@link GraphSearcher} and {@link GraphInserter}; this class only holds.
 */
final class HnswGraph {

    final NodeStore nodes;
    final GraphLinks links;
    private volatile EntryPoint entryPoint;

    HnswGraph(IndexConfig config) {
        this.nodes = new NodeStore(config);
        this.links = new GraphLinks(nodes, config);
    }

    /** The current entry point, or {@code null} while the graph is empty. */
    EntryPoint entryPoint() {
        return entryPoint;
    }

    /** Only {@link GraphInserter} calls this, holding its top-level lock. */
    void setEntryPoint(EntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }
}
