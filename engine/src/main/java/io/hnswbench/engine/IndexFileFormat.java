package io.hnswbench.engine;

import java.nio.charset.StandardCharsets;

/**
 * Version 1 of the index file format, as {@code docs/FORMAT.md} describes it: where every header
 * field lies and where each section goes. Shared by {@link IndexFileWriter} and
 * {@link IndexFileReader}, so both derive the layout from the same few numbers.
 */
final class IndexFileFormat {

    static final byte[] MAGIC = "HNSWBNCH".getBytes(StandardCharsets.US_ASCII);
    static final byte[] END_MAGIC = "HNSW-END".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** Written little-endian: a reader that sees other bytes has the file in another byte order. */
    static final int BYTE_ORDER_MARK = 0x0A0B0C0D;

    static final int HEADER_BYTES = 128;
    static final int SECTION_ENTRY_BYTES = 32;
    static final int FOOTER_BYTES = 16;
    /** Sections start on a cache line, and vectors are padded to one, so SIMD loads are aligned. */
    static final int ALIGNMENT = 64;

    // Header fields: byte offsets from the start of the file.
    static final int VERSION_AT = 8;
    static final int BYTE_ORDER_AT = 12;
    static final int TABLE_END_AT = 16;
    static final int DIMENSION_AT = 20;
    static final int METRIC_AT = 24;
    static final int M_AT = 28;
    static final int EF_CONSTRUCTION_AT = 32;
    static final int EF_SEARCH_AT = 36;
    static final int MAX_LEVEL_AT = 40;
    static final int NODE_COUNT_AT = 44;
    static final int SEED_AT = 48;
    static final int LIVE_COUNT_AT = 56;
    static final int ENTRY_NODE_AT = 60;
    static final int ENTRY_LEVEL_AT = 64;
    static final int LEVEL_COUNT_AT = 68;
    static final int VECTOR_STRIDE_AT = 72;
    static final int SECTION_COUNT_AT = 76;
    static final int FILE_LENGTH_AT = 80;
    static final int UPPER_LINK_INTS_AT = 88;
    static final int ID_BYTES_AT = 96;
    /** CRC32C of bytes [0, 124) and of the section table. */
    static final int HEADER_CRC_AT = 124;

    /** The sections, in file order. Each has its own CRC32C. */
    enum Section {
        /** Per node, its vector (normalised under cosine), little-endian floats padded to {@link #ALIGNMENT}. */
        VECTORS,
        /** Per node, {@code 1 + 2M} ints: the link count, then the links. */
        LEVEL0_LINKS,
        /** Per node, its top level, one byte. */
        LEVELS,
        /** For each node with level ≥ 1 in ordinal order, {@code level × (1 + M)} ints: rows of levels 1..level. */
        UPPER_LINKS,
        /** Per node, one byte: 0 unfinished (a cancelled insert), 1 visible, 2 removed. */
        NODE_STATES,
        /** {@code nodes + 1} longs: where each node's id starts in {@link #ID_BYTES}, then its total length. */
        ID_OFFSETS,
        /** The ids, UTF-8, one after the other. */
        ID_BYTES;

        /** The kind number stored in the section table. */
        int kind() {
            return ordinal() + 1;
        }
    }

    static final int SECTION_COUNT = Section.values().length;
    /** Where the first section may start: after the header and the section table. */
    static final int TABLE_END = HEADER_BYTES + SECTION_COUNT * SECTION_ENTRY_BYTES;

    // Node states in NODE_STATES, as in NodeStore.
    static final byte UNFINISHED = NodeStore.PENDING;
    static final byte VISIBLE = NodeStore.VISIBLE;
    static final byte REMOVED = NodeStore.REMOVED;

    private IndexFileFormat() {
    }

    static long align(long bytes) {
        return Math.addExact(bytes, ALIGNMENT - 1) & -ALIGNMENT;
    }

    /** Bytes from one vector to the next: the vector padded to a cache line. */
    static long vectorStride(int dimension) {
        return align((long) dimension * Float.BYTES);
    }

    static int level0RowInts(int m) {
        return 1 + 2 * m;
    }

    static int upperRowInts(int m) {
        return 1 + m;
    }

    static int metricCode(Metric metric) {
        return switch (metric) {
            case COSINE -> 0;
            case L2 -> 1;
            case INNER_PRODUCT -> 2;
        };
    }

    /** The metric of a code, or {@code null} for a code no version-1 file holds. */
    static Metric metricOf(int code) {
        return switch (code) {
            case 0 -> Metric.COSINE;
            case 1 -> Metric.L2;
            case 2 -> Metric.INNER_PRODUCT;
            default -> null;
        };
    }

    /**
     * Where every section lies, from the sizes the header records. Throws {@link ArithmeticException}
     * when sizes read from a damaged header overflow.
     */
    record Layout(long[] offsets, long[] lengths, long fileLength) {

        static Layout of(int nodes, int dimension, int m, long upperLinkInts, long idBytes) {
            long[] lengths = new long[SECTION_COUNT];
            lengths[Section.VECTORS.ordinal()] = Math.multiplyExact(nodes, vectorStride(dimension));
            lengths[Section.LEVEL0_LINKS.ordinal()] = Math.multiplyExact((long) nodes, level0RowInts(m) * (long) Integer.BYTES);
            lengths[Section.LEVELS.ordinal()] = nodes;
            lengths[Section.UPPER_LINKS.ordinal()] = Math.multiplyExact(upperLinkInts, Integer.BYTES);
            lengths[Section.NODE_STATES.ordinal()] = nodes;
            lengths[Section.ID_OFFSETS.ordinal()] = Math.multiplyExact(nodes + 1L, Long.BYTES);
            lengths[Section.ID_BYTES.ordinal()] = idBytes;
            long[] offsets = new long[SECTION_COUNT];
            long position = TABLE_END;
            for (int s = 0; s < SECTION_COUNT; s++) {
                offsets[s] = align(position);
                position = Math.addExact(offsets[s], lengths[s]);
            }
            return new Layout(offsets, lengths, Math.addExact(position, FOOTER_BYTES));
        }

        long offset(Section section) {
            return offsets[section.ordinal()];
        }

        long length(Section section) {
            return lengths[section.ordinal()];
        }
    }
}
