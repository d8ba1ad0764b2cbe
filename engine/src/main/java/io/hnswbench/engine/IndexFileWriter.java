package io.hnswbench.engine;

import io.hnswbench.engine.IndexFileFormat.Layout;
import io.hnswbench.engine.IndexFileFormat.Section;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes a graph to an index file (format version 1, {@code docs/FORMAT.md}) so that a crash at
 * any moment leaves either the old file or the complete new one: everything goes to a temporary
 * file in the target's folder, which is forced to disk and then renamed over the target in one
 * atomic step. The caller keeps the graph from changing meanwhile.
 */
final class IndexFileWriter {

    /** Called between forcing the temporary file to disk and renaming it; tests simulate a crash there. */
    @FunctionalInterface
    interface BeforeRename {
        BeforeRename NONE = temporary -> { };

        void run(Path temporary) throws IOException;
    }

    private final SearchableGraph graph;
    private final IndexConfig config;
    private final int liveCount;
    private final int nodes;
    /** UTF-8 length of each node's id (0 for an unfinished node), measured once for the header and the offsets. */
    private final int[] idLengths;

    private IndexFileWriter(SearchableGraph graph, IndexConfig config, int liveCount) {
        this.graph = graph;
        this.config = config;
        this.liveCount = liveCount;
        this.nodes = graph.nodeCount();
        this.idLengths = new int[nodes];
    }

    static void write(SearchableGraph graph, IndexConfig config, int liveCount, Path target, BeforeRename beforeRename)
            throws IOException {
        new IndexFileWriter(graph, config, liveCount).writeAtomically(target.toAbsolutePath(), beforeRename);
    }

    private void writeAtomically(Path target, BeforeRename beforeRename) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its files are readable by their owner only, whatever the umask.
        Path temporary = folder.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        boolean renamed = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW)) {
                writeTo(channel);
                channel.force(true);
            }
            beforeRename.run(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            forceFolder(folder);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Makes the rename itself durable; not every platform lets a folder be opened for that. */
    private static void forceFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // Windows: the rename is already as durable as the platform makes it.
        } catch (IOException e) {
            // Same: the file is complete and in place; only its durability across a power loss is unknown.
        }
    }

    private void writeTo(FileChannel channel) throws IOException {
        int m = config.m();
        long upperLinkInts = 0;
        long idBytes = 0;
        int levelCount = 0;
        for (int node = 0; node < nodes; node++) {
            if (graph.holdsNode(node)) {
                idLengths[node] = graph.id(node).getBytes(StandardCharsets.UTF_8).length;
                upperLinkInts += (long) graph.level(node) * IndexFileFormat.upperRowInts(m);
                idBytes += idLengths[node];
                levelCount = Math.max(levelCount, graph.level(node) + 1);
            }
        }
        Layout layout = Layout.of(nodes, config.dimension(), m, upperLinkInts, idBytes);
        int[] crcs = new int[IndexFileFormat.SECTION_COUNT];

        ChecksummedOutput out = new ChecksummedOutput(channel, IndexFileFormat.TABLE_END);
        for (Section section : Section.values()) {
            out.padTo(layout.offset(section));
            out.beginSection();
            writeSection(section, out);
            crcs[section.ordinal()] = out.endSection();
            if (out.position() != layout.offset(section) + layout.length(section)) {
                throw new IllegalStateException(section + " took " + (out.position() - layout.offset(section))
                        + " bytes, the layout says " + layout.length(section));
            }
        }
        out.putLong(layout.fileLength());
        out.putBytes(IndexFileFormat.END_MAGIC);
        out.flush();

        ByteBuffer header = headerAndTable(layout, crcs, levelCount, upperLinkInts, idBytes);
        long written = 0;
        while (header.hasRemaining()) {
            written += channel.write(header, written);
        }
    }

    private void writeSection(Section section, ChecksummedOutput out) throws IOException {
        switch (section) {
            case VECTORS -> writeVectors(out);
            case LEVEL0_LINKS -> writeLevel0Links(out);
            case LEVELS -> {
                for (int node = 0; node < nodes; node++) {
                    out.putByte((byte) graph.level(node));
                }
            }
            case UPPER_LINKS -> writeUpperLinks(out);
            case NODE_STATES -> {
                for (int node = 0; node < nodes; node++) {
                    out.putByte(stateOf(node));
                }
            }
            case ID_OFFSETS -> {
                long offset = 0;
                for (int node = 0; node < nodes; node++) {
                    out.putLong(offset);
                    offset += idLengths[node];
                }
                out.putLong(offset);
            }
            case ID_BYTES -> {
                for (int node = 0; node < nodes; node++) {
                    if (graph.holdsNode(node)) {
                        out.putBytes(graph.id(node).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private byte stateOf(int node) {
        if (!graph.holdsNode(node)) {
            return IndexFileFormat.UNFINISHED;
        }
        return graph.isVisible(node) ? IndexFileFormat.VISIBLE : IndexFileFormat.REMOVED;
    }

    private void writeVectors(ChecksummedOutput out) throws IOException {
        int dimension = config.dimension();
        int padding = (int) (IndexFileFormat.vectorStride(dimension) - (long) dimension * Float.BYTES);
        float[] vector = new float[dimension];
        for (int node = 0; node < nodes; node++) {
            graph.copyVector(node, vector);
            for (float component : vector) {
                out.putFloat(component);
            }
            for (int i = 0; i < padding; i++) {
                out.putByte((byte) 0);
            }
        }
    }

    private void writeLevel0Links(ChecksummedOutput out) throws IOException {
        int capacity = graph.capacity(0);
        int[] row = new int[capacity];
        for (int node = 0; node < nodes; node++) {
            int count = graph.copyLinks(node, 0, row);
            writeRow(out, row, count, capacity);
        }
    }

    private void writeUpperLinks(ChecksummedOutput out) throws IOException {
        int capacity = config.m();
        int[] row = new int[capacity];
        for (int node = 0; node < nodes; node++) {
            if (!graph.holdsNode(node)) {
                continue;
            }
            for (int level = 1; level <= graph.level(node); level++) {
                int count = graph.copyLinks(node, level, row);
                writeRow(out, row, count, capacity);
            }
        }
    }

    private static void writeRow(ChecksummedOutput out, int[] row, int count, int capacity) throws IOException {
        out.putInt(count);
        for (int i = 0; i < capacity; i++) {
            out.putInt(i < count ? row[i] : 0);
        }
    }

    private ByteBuffer headerAndTable(Layout layout, int[] crcs, int levelCount, long upperLinkInts, long idBytes) {
        ByteBuffer header = ByteBuffer.allocate(IndexFileFormat.TABLE_END).order(ByteOrder.LITTLE_ENDIAN);
        EntryPoint entry = graph.entryPoint();
        header.put(0, IndexFileFormat.MAGIC)
                .putInt(IndexFileFormat.VERSION_AT, IndexFileFormat.VERSION)
                .putInt(IndexFileFormat.BYTE_ORDER_AT, IndexFileFormat.BYTE_ORDER_MARK)
                .putInt(IndexFileFormat.TABLE_END_AT, IndexFileFormat.TABLE_END)
                .putInt(IndexFileFormat.DIMENSION_AT, config.dimension())
                .putInt(IndexFileFormat.METRIC_AT, IndexFileFormat.metricCode(config.metric()))
                .putInt(IndexFileFormat.M_AT, config.m())
                .putInt(IndexFileFormat.EF_CONSTRUCTION_AT, config.efConstruction())
                .putInt(IndexFileFormat.EF_SEARCH_AT, config.efSearch())
                .putInt(IndexFileFormat.MAX_LEVEL_AT, config.maxLevel())
                .putInt(IndexFileFormat.NODE_COUNT_AT, nodes)
                .putLong(IndexFileFormat.SEED_AT, config.seed())
                .putInt(IndexFileFormat.LIVE_COUNT_AT, liveCount)
                .putInt(IndexFileFormat.ENTRY_NODE_AT, entry == null ? -1 : entry.node())
                .putInt(IndexFileFormat.ENTRY_LEVEL_AT, entry == null ? -1 : entry.level())
                .putInt(IndexFileFormat.LEVEL_COUNT_AT, levelCount)
                .putInt(IndexFileFormat.VECTOR_STRIDE_AT, (int) IndexFileFormat.vectorStride(config.dimension()))
                .putInt(IndexFileFormat.SECTION_COUNT_AT, IndexFileFormat.SECTION_COUNT)
                .putLong(IndexFileFormat.FILE_LENGTH_AT, layout.fileLength())
                .putLong(IndexFileFormat.UPPER_LINK_INTS_AT, upperLinkInts)
                .putLong(IndexFileFormat.ID_BYTES_AT, idBytes);
        for (Section section : Section.values()) {
            int at = IndexFileFormat.HEADER_BYTES + section.ordinal() * IndexFileFormat.SECTION_ENTRY_BYTES;
            header.putInt(at, section.kind())
                    .putInt(at + 4, crcs[section.ordinal()])
                    .putLong(at + 8, layout.offset(section))
                    .putLong(at + 16, layout.length(section));
        }
        header.putInt(IndexFileFormat.HEADER_CRC_AT, headerCrc(header));
        return header;
    }

    /** CRC32C of the header without its CRC field, then of the section table. */
    static int headerCrc(ByteBuffer headerAndTable) {
        CRC32C crc = new CRC32C();
        crc.update(headerAndTable.slice(0, IndexFileFormat.HEADER_CRC_AT));
        crc.update(headerAndTable.slice(IndexFileFormat.HEADER_BYTES,
                IndexFileFormat.TABLE_END - IndexFileFormat.HEADER_BYTES));
        return (int) crc.getValue();
    }
}
