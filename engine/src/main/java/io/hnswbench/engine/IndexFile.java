package io.hnswbench.engine;

import io.hnswbench.engine.IndexFileFormat.Layout;
import io.hnswbench.engine.IndexFileFormat.Section;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An index file mapped into memory and checked completely by {@link IndexFileReader}: every value
 * read here is in range, so neither loading nor searching it can fail or go astray. Closing it
 * unmaps the file.
 */
final class IndexFile implements AutoCloseable {

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    final Path path;
    final IndexConfig config;
    final int nodeCount;
    final int liveCount;
    /** {@code null} when no node was ever linked. */
    final EntryPoint entryPoint;
    final Layout layout;
    /** The whole file; sections are found through {@link #layout}. */
    final MemorySegment segment;
    /** Per node, its top level: copied to the heap, one byte per node. */
    final byte[] levels;
    /** Per node with level ≥ 1, its upper rows as in {@link NodePage#upperLinks}; copied to the heap (about 1 node in M). */
    final int[][] upperLinks;
    private final Arena arena;

    IndexFile(Path path, Arena arena, MemorySegment segment, IndexConfig config, int nodeCount, int liveCount,
              EntryPoint entryPoint, Layout layout, byte[] levels, int[][] upperLinks) {
        this.path = path;
        this.arena = arena;
        this.segment = segment;
        this.config = config;
        this.nodeCount = nodeCount;
        this.liveCount = liveCount;
        this.entryPoint = entryPoint;
        this.layout = layout;
        this.levels = levels;
        this.upperLinks = upperLinks;
    }

    long sectionOffset(Section section) {
        return layout.offset(section);
    }

    byte state(int node) {
        return segment.get(ValueLayout.JAVA_BYTE, layout.offset(Section.NODE_STATES) + node);
    }

    /** Where the node's id starts in the file, and (at {@code node + 1}) where it ends. */
    long idStart(int node) {
        return layout.offset(Section.ID_BYTES)
                + segment.get(LONG, layout.offset(Section.ID_OFFSETS) + (long) node * Long.BYTES);
    }

    /** The node's id, or {@code null} for an unfinished node. */
    String id(int node) {
        if (state(node) == IndexFileFormat.UNFINISHED) {
            return null;
        }
        long start = idStart(node);
        // The reader has checked that every id is valid UTF-8, so the lenient decoder is exact here.
        return new String(segment.asSlice(start, idStart(node + 1) - start).toArray(ValueLayout.JAVA_BYTE),
                StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        arena.close();
    }
}
