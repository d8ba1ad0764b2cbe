package io.hnswbench.engine;

/**
 * What searching and describing a graph needs, wherever the graph is stored: on the heap while it
 * can change ({@link HnswGraph}) or in a memory-mapped index file ({@link MappedGraph}). The
 * search algorithm ({@link GraphSearcher}), the statistics and the result assembly are written
 * once against this.
 */
interface SearchableGraph {

    /** Ordinals in use, removed and unfinished nodes included: every ordinal is below this. */
    int nodeCount();

    /** The current entry point, or {@code null} while the graph is empty. */
    EntryPoint entryPoint();

    /** Most links a node may keep on {@code level}. */
    int capacity(int level);

    /** Copies the links of {@code node} on {@code level} into {@code destination}; returns how many. */
    int copyLinks(int node, int level, int[] destination);

    int level(int node);

    /** Whether the ordinal holds a node: false for one reserved by a cancelled insert and never filled. */
    boolean holdsNode(int node);

    /** The node's id, or {@code null} for an ordinal that was reserved but never filled. */
    String id(int node);

    /** Whether searches may return the node (added, and neither removed nor replaced). */
    boolean isVisible(int node);

    /** Copies the node's exact stored vector (normalised under cosine) into {@code destination}. */
    void copyVector(int node, float[] destination);

    /**
     * Traversal distance (see {@link DistanceFunction}) from a query padded to
     * {@link PackedVectors#paddedLength} to a stored node.
     */
    float distanceTo(float[] query, int node);

    /**
     * Traversal distances from a padded query to {@code count} nodes, into {@code distances},
     * scoring several at a time so their vectors stream in from memory together.
     * {@code distances} must have room for {@code count} rounded up to a multiple of four.
     */
    void scoreAll(SearchScratch scratch, float[] query, int[] targets, int count, float[] distances);

    /** Exact distance, the one results report, from {@code query} (its first {@code dimension} floats) to a node. */
    float exactDistanceTo(float[] query, int node);

    /** Bytes the vectors take. */
    long vectorBytes();

    /** Bytes the links of every level take. */
    long linkBytes();

    /** Bytes of everything else: ids, levels, states and lookup tables. */
    long otherBytes();
}
