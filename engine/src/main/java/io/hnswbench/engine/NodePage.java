package io.hnswbench.engine;

/**
 * Everything stored for {@link NodeStore#PAGE_SIZE} consecutive nodes, in one primitive array per
 * field: one object per page, none per node (upper-level link rows excepted: about one node in M
 * has them). Arrays never move once allocated, so readers need no lock to follow them.
 */
final class NodePage {

    /** Vectors, {@code dimension} floats per node, stored as searched (normalised under cosine). */
    final float[] vectors;
    /** Level-0 rows, {@code 1 + 2M} ints per node: the link count, then the links. */
    final int[] level0Links;
    /** Rows for levels 1..level, {@code 1 + M} ints per level; {@code null} for level-0-only nodes. */
    final int[][] upperLinks;
    final byte[] levels;
    final String[] ids;
    /** {@link NodeStore#PENDING} while inserting, {@link NodeStore#VISIBLE} when searchable, {@link NodeStore#REMOVED} after removal. */
    final byte[] flags;

    NodePage(int dimension, int level0Stride) {
        vectors = new float[NodeStore.PAGE_SIZE * dimension];
        level0Links = new int[NodeStore.PAGE_SIZE * level0Stride];
        upperLinks = new int[NodeStore.PAGE_SIZE][];
        levels = new byte[NodeStore.PAGE_SIZE];
        ids = new String[NodeStore.PAGE_SIZE];
        flags = new byte[NodeStore.PAGE_SIZE];
    }
}
