package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Storage for nodes, addressed by ordinal: node {@code n} lives in page {@code n >>> PAGE_BITS} at
 * slot {@code n & PAGE_MASK}. Growing adds pages and never copies or moves a vector or a link, so
 * concurrent searches keep reading while writers append.
 *
 * <p>Publication: a writer fills a node's vector, id, level and link rows before any other node
 * links to it, and links are written with release semantics ({@link GraphLinks}); a reader that
 * found the node through a link therefore sees all of it.
 */
final class NodeStore {

    static final int PAGE_BITS = 9;
    static final int PAGE_SIZE = 1 << PAGE_BITS;
    static final int PAGE_MASK = PAGE_SIZE - 1;

    /**
     * Node states. An insert starts {@code PENDING} (zero, so an ordinal reserved but never filled
     * is never returned) and ends {@code VISIBLE}; removal or replacement makes it {@code REMOVED}.
     * Only visible nodes are returned; all of them route.
     */
    static final byte PENDING = 0;
    static final byte VISIBLE = 1;
    static final byte REMOVED = 2;

    /**
     * The most ordinals an index holds, a limit of the file format (whose first version kept
     * level-0 links as float bits, and every int below 0x7F800000 is a finite float).
     */
    static final int MAX_NODES = 0x7F80_0000 - PAGE_SIZE;

    private static final VarHandle FLAGS = MethodHandles.arrayElementVarHandle(byte[].class);

    private final int dimension;
    private final int packedInts;
    private final int level0Stride;
    /** Ints per node slot: the packed upper halves of the vector, then the level-0 row. */
    private final int slotStride;
    private final int upperStride;
    private volatile NodePage[] pages = new NodePage[0];
    private volatile int allocated;

    NodeStore(IndexConfig config) {
        this.dimension = config.dimension();
        this.packedInts = PackedVectors.packedInts(dimension);
        this.level0Stride = 1 + config.maxConnectionsLevel0();
        this.slotStride = packedInts + level0Stride;
        this.upperStride = 1 + config.m();
    }

    /** Reserves {@code count} consecutive ordinals and the pages behind them; returns the first. */
    synchronized int allocate(int count) {
        int first = allocated;
        long end = (long) first + count;
        if (end > MAX_NODES) {
            throw new IllegalStateException("the index is full: it holds at most " + MAX_NODES
                    + " vectors including removed ones; call rebuild() to drop removed vectors");
        }
        int pagesNeeded = (int) ((end + PAGE_MASK) >>> PAGE_BITS);
        NodePage[] current = pages;
        if (pagesNeeded > current.length || (pagesNeeded > 0 && current[pagesNeeded - 1] == null)) {
            // The table of pages grows geometrically; pages themselves are created only when needed.
            NodePage[] grown = pagesNeeded > current.length
                    ? Arrays.copyOf(current, Math.max(pagesNeeded, current.length + (current.length >> 1)))
                    : current.clone();
            for (int p = 0; p < pagesNeeded; p++) {
                if (grown[p] == null) {
                    grown[p] = new NodePage(slotStride, dimension);
                }
            }
            pages = grown;
        }
        allocated = (int) end;
        return first;
    }

    /** Ordinals handed out so far, removed and in-flight nodes included. */
    int allocated() {
        return allocated;
    }

    NodePage page(int node) {
        return pages[node >>> PAGE_BITS];
    }

    int dimension() {
        return dimension;
    }

    /** Where the node's packed vector starts in its page's {@link NodePage#slots}. */
    int vectorOffset(int node) {
        return (node & PAGE_MASK) * slotStride;
    }

    /** Where the node's lower halves start in its page's {@link NodePage#lows}. */
    int lowsOffset(int node) {
        return (node & PAGE_MASK) * dimension;
    }

    /** Where the node's level-0 row (its count slot) starts in its page's {@link NodePage#slots}. */
    int level0RowOffset(int node) {
        return (node & PAGE_MASK) * slotStride + packedInts;
    }

    /** Copies the node's exact vector into {@code destination[0..dimension)}. */
    void copyVector(int node, float[] destination) {
        NodePage page = page(node);
        Kernels.INSTANCE.unpackExact(page.slots, vectorOffset(node), page.lows, lowsOffset(node), dimension, destination);
    }

    /**
     * The node's vector as traversal sees it (bfloat16, padded): the query of an insert or prune
     * that starts from a stored node. Written into {@code buffer}, or a new array if it is too short.
     */
    float[] traversalVector(int node, float[] buffer) {
        float[] vector = SearchScratch.sized(buffer, PackedVectors.paddedLength(dimension));
        Kernels.INSTANCE.unpackTruncated(page(node).slots, vectorOffset(node), dimension, vector);
        return vector;
    }

    /**
     * Fills a freshly allocated node: its vector (times {@code scale}, the cosine normalisation),
     * id and level. The node stays {@link #PENDING} until {@link #markVisible} is called.
     */
    void initialise(int node, String id, float[] source, int sourceOffset, float scale, int level) {
        NodePage page = page(node);
        int slot = node & PAGE_MASK;
        PackedVectors.pack(source, sourceOffset, scale, dimension, page.slots, vectorOffset(node), page.lows, lowsOffset(node));
        describe(page, slot, id, level);
    }

    /** The id, level and empty upper rows of a node being inserted, which stays {@link #PENDING}. */
    private void describe(NodePage page, int slot, String id, int level) {
        page.ids[slot] = id;
        page.levels[slot] = (byte) level;
        if (level > 0) {
            page.upperLinks[slot] = new int[level * upperStride];
        }
        FLAGS.setRelease(page.flags, slot, PENDING);
    }

    /**
     * {@link #initialise} with the vector of node {@code sourceNode} of {@code source}, a store of
     * the same configuration: both halves copied as they are.
     */
    void initialiseCopy(int node, String id, NodeStore source, int sourceNode, int level) {
        NodePage from = source.page(sourceNode);
        NodePage page = page(node);
        System.arraycopy(from.slots, source.vectorOffset(sourceNode), page.slots, vectorOffset(node), packedInts);
        System.arraycopy(from.lows, source.lowsOffset(sourceNode), page.lows, lowsOffset(node), dimension);
        describe(page, node & PAGE_MASK, id, level);
    }

    /**
     * Fills a node allocated for loading, whole and already linked: vector and level-0 row copied
     * from the index file, upper-level rows handed over. Only the loading thread sees the store.
     * {@code vectorBuffer} holds one vector in passing.
     *
     * @param upperRows the rows of levels 1..level, or {@code null} for a level-0 node
     */
    void restore(int node, String id, int level, byte state, MemorySegment file, long vectorAt, long level0RowAt,
                 int[] upperRows, float[] vectorBuffer) {
        NodePage page = page(node);
        int slot = node & PAGE_MASK;
        MemorySegment.copy(file, IndexFile.FLOAT, vectorAt, vectorBuffer, 0, dimension);
        PackedVectors.pack(vectorBuffer, 0, 1f, dimension, page.slots, vectorOffset(node), page.lows, lowsOffset(node));
        MemorySegment.copy(file, IndexFile.INT, level0RowAt, page.slots, level0RowOffset(node), level0Stride);
        page.ids[slot] = id;
        page.levels[slot] = (byte) level;
        page.upperLinks[slot] = upperRows;
        page.flags[slot] = state;
    }

    int level(int node) {
        return page(node).levels[node & PAGE_MASK];
    }

    String id(int node) {
        return page(node).ids[node & PAGE_MASK];
    }

    boolean isVisible(int node) {
        return (byte) FLAGS.getAcquire(page(node).flags, node & PAGE_MASK) == VISIBLE;
    }

    /**
     * Publishes a fully linked node to searches. The release store also gives any thread that
     * reads {@code VISIBLE} with acquire (see {@link #isVisible}) the node's vector, id and links.
     */
    void markVisible(int node) {
        FLAGS.setRelease(page(node).flags, node & PAGE_MASK, VISIBLE);
    }

    void markRemoved(int node) {
        FLAGS.setRelease(page(node).flags, node & PAGE_MASK, REMOVED);
    }

    /** Bytes held by vectors (both halves, padding included), the unused tail of the last page included. */
    long vectorBytes() {
        return (long) createdPages() * PAGE_SIZE * ((long) packedInts * Integer.BYTES + (long) dimension * Short.BYTES);
    }

    private int createdPages() {
        return (allocated + PAGE_MASK) >>> PAGE_BITS;
    }

    /** Bytes held by level-0 rows plus the upper-level rows of every node. */
    long linkBytes() {
        NodePage[] snapshot = pages;
        int created = createdPages();
        long bytes = (long) created * PAGE_SIZE * level0Stride * Integer.BYTES;
        for (int p = 0; p < created; p++) {
            NodePage page = snapshot[p];
            bytes += (long) PAGE_SIZE * REFERENCE_BYTES;
            for (int[] row : page.upperLinks) {
                if (row != null) {
                    bytes += ARRAY_HEADER_BYTES + (long) row.length * Integer.BYTES;
                }
            }
        }
        return bytes;
    }

    /** Bytes for per-node levels, flags and id references, plus the id strings themselves. */
    long otherBytes() {
        long bytes = (long) createdPages() * PAGE_SIZE * (2 + REFERENCE_BYTES) + (long) pages.length * REFERENCE_BYTES;
        int limit = allocated;
        for (int node = 0; node < limit; node++) {
            String id = page(node).ids[node & PAGE_MASK];
            if (id != null) {
                bytes += STRING_OVERHEAD_BYTES + id.length();
            }
        }
        return bytes;
    }

    // Estimates for a 64-bit JVM with compressed references; only used for statistics.
    static final int REFERENCE_BYTES = 4;
    static final int ARRAY_HEADER_BYTES = 16;
    private static final int STRING_OVERHEAD_BYTES = 24 + ARRAY_HEADER_BYTES;
}
