package io.hnswbench.engine;

/**
 * Everything stored for {@link NodeStore#PAGE_SIZE} consecutive nodes, in a few primitive arrays:
 * one object per page, none per node (upper-level link rows excepted: about one node in M has
 * them). Arrays never move once allocated, so readers need no lock to follow them.
 */
final class NodePage {

    /**
     * One slot per node: the upper halves of its vector (stored as searched, i.e. normalised under
     * cosine), packed as {@link PackedVectors} describes, then its level-0 row ({@code 1 + 2M}
     * ints: the link count, then the links). Keeping the row right behind the vector, as hnswlib
     * does, means the row of a node a search has just scored is already in cache, or next in line
     * for the prefetcher, when the search expands it.
     */
    final int[] slots;
    /** The lower halves of the vectors, {@code dimension} per node: read only for exact distances. */
    final short[] lows;
    /** Rows for levels 1..level, {@code 1 + M} ints per level; {@code null} for level-0-only nodes. */
    final int[][] upperLinks;
    final byte[] levels;
    final String[] ids;
    /** {@link NodeStore#PENDING} while inserting, {@link NodeStore#VISIBLE} when searchable, {@link NodeStore#REMOVED} after removal. */
    final byte[] flags;

    NodePage(int slotStride, int dimension) {
        slots = new int[NodeStore.PAGE_SIZE * slotStride];
        lows = new short[NodeStore.PAGE_SIZE * dimension];
        upperLinks = new int[NodeStore.PAGE_SIZE][];
        levels = new byte[NodeStore.PAGE_SIZE];
        ids = new String[NodeStore.PAGE_SIZE];
        flags = new byte[NodeStore.PAGE_SIZE];
    }
}
