package io.hnswbench.engine;

import io.hnswbench.engine.IndexFileException.Problem;
import io.hnswbench.engine.IndexFileFormat.Layout;
import io.hnswbench.engine.IndexFileFormat.Section;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Maps an index file and checks all of it before anything trusts it: magic, version, size,
 * checksums, then every count, level, link and id offset against the others. Sizes come from the
 * header and are checked against the file's length before anything is allocated, so a damaged
 * file costs an {@link IndexFileException}, never an {@link OutOfMemoryError}.
 */
final class IndexFileReader {

    private final Path path;

    private IndexFileReader(Path path) {
        this.path = path;
    }

    /**
     * Maps and checks the file; the caller closes the result. That no two live nodes share an id
     * is left to the caller, which builds its id table anyway.
     */
    static IndexFile read(Path path) throws IOException {
        return new IndexFileReader(path).read();
    }

    private IndexFile read() throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = readHeader(channel, size);
            Arena arena = Arena.ofShared();
            try {
                MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                return check(header, size, segment, arena);
            } catch (IOException | RuntimeException | Error e) {
                arena.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no index file here");
        }
    }

    /** Reads and checks the fixed header and section table: magic, version, length, checksum. */
    private ByteBuffer readHeader(FileChannel channel, long size) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(IndexFileFormat.TABLE_END).order(ByteOrder.LITTLE_ENDIAN);
        while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
            // read until the buffer is full or the file ends
        }
        int available = header.position();
        byte[] magic = IndexFileFormat.MAGIC;
        for (int i = 0; i < Math.min(available, magic.length); i++) {
            if (header.get(i) != magic[i]) {
                throw fail(Problem.NOT_AN_INDEX, "the file starts with " + hex(header, Math.min(available, magic.length))
                        + ", not the magic number \"HNSWBNCH\"");
            }
        }
        if (available < IndexFileFormat.VERSION_AT + Integer.BYTES) {
            throw fail(Problem.TRUNCATED, "the file has " + size + " bytes, too few for a header");
        }
        int version = header.getInt(IndexFileFormat.VERSION_AT);
        if (version != IndexFileFormat.VERSION) {
            throw fail(Problem.UNSUPPORTED_VERSION, "format version " + Integer.toUnsignedString(version)
                    + "; this library reads version " + IndexFileFormat.VERSION
                    + (version > IndexFileFormat.VERSION ? " (the file was written by a newer library)" : ""));
        }
        if (available < IndexFileFormat.TABLE_END) {
            throw fail(Problem.TRUNCATED, "the file has " + size + " bytes, fewer than the "
                    + IndexFileFormat.TABLE_END + " of its header and section table");
        }
        int stored = header.getInt(IndexFileFormat.HEADER_CRC_AT);
        int computed = IndexFileWriter.headerCrc(header);
        if (stored != computed) {
            throw fail(Problem.CHECKSUM_MISMATCH, "the header's CRC32C is " + hex(computed) + ", it records " + hex(stored));
        }
        if (header.getInt(IndexFileFormat.BYTE_ORDER_AT) != IndexFileFormat.BYTE_ORDER_MARK) {
            throw fail(Problem.INVALID, "byte order mark " + hex(header.getInt(IndexFileFormat.BYTE_ORDER_AT))
                    + " is not the little-endian " + hex(IndexFileFormat.BYTE_ORDER_MARK));
        }
        return header;
    }

    private IndexFile check(ByteBuffer header, long size, MemorySegment segment, Arena arena)
            throws IndexFileException {
        require(header.getInt(IndexFileFormat.TABLE_END_AT) == IndexFileFormat.TABLE_END
                        && header.getInt(IndexFileFormat.SECTION_COUNT_AT) == IndexFileFormat.SECTION_COUNT,
                "the header describes a section table this version does not have");
        IndexConfig config = config(header);
        int nodes = header.getInt(IndexFileFormat.NODE_COUNT_AT);
        int live = header.getInt(IndexFileFormat.LIVE_COUNT_AT);
        long upperLinkInts = header.getLong(IndexFileFormat.UPPER_LINK_INTS_AT);
        long idBytes = header.getLong(IndexFileFormat.ID_BYTES_AT);
        require(nodes >= 0 && nodes <= NodeStore.MAX_NODES, "node count " + nodes + " out of range");
        require(live >= 0 && live <= nodes, "live count " + live + " is not between 0 and the node count " + nodes);
        require(upperLinkInts >= 0 && idBytes >= 0, "negative section size");
        require(header.getInt(IndexFileFormat.VECTOR_STRIDE_AT) == IndexFileFormat.vectorStride(config.dimension()),
                "vector stride " + header.getInt(IndexFileFormat.VECTOR_STRIDE_AT) + " does not fit dimension " + config.dimension());
        Layout layout;
        try {
            layout = Layout.of(nodes, config.dimension(), config.m(), upperLinkInts, idBytes);
        } catch (ArithmeticException e) {
            throw fail(Problem.INVALID, "section sizes overflow");
        }
        long declaredLength = header.getLong(IndexFileFormat.FILE_LENGTH_AT);
        require(declaredLength == layout.fileLength(),
                "the header says the file has " + declaredLength + " bytes, its sections need " + layout.fileLength());
        if (size < declaredLength) {
            throw fail(Problem.TRUNCATED, "the file has " + size + " bytes, its header says " + declaredLength);
        }
        require(size == declaredLength, (size - declaredLength) + " bytes follow the end of the index");
        checkTable(header, layout);
        checkFooter(segment, layout);
        for (Section section : Section.values()) {
            checkSectionCrc(header, segment, layout, section);
        }
        return new StructureCheck(header, config, nodes, live, layout, segment).run(arena);
    }

    private IndexConfig config(ByteBuffer header) throws IndexFileException {
        int metricCode = header.getInt(IndexFileFormat.METRIC_AT);
        Metric metric = IndexFileFormat.metricOf(metricCode);
        require(metric != null, "metric code " + metricCode + " is not one this library knows (0 cosine, 1 L2, 2 inner product)");
        try {
            return new IndexConfig(header.getInt(IndexFileFormat.DIMENSION_AT), metric, header.getInt(IndexFileFormat.M_AT),
                    header.getInt(IndexFileFormat.EF_CONSTRUCTION_AT), header.getInt(IndexFileFormat.EF_SEARCH_AT),
                    header.getInt(IndexFileFormat.MAX_LEVEL_AT), header.getLong(IndexFileFormat.SEED_AT));
        } catch (IllegalArgumentException e) {
            throw fail(Problem.INVALID, "the header's settings are not valid: " + e.getMessage());
        }
    }

    private void checkTable(ByteBuffer header, Layout layout) throws IndexFileException {
        for (Section section : Section.values()) {
            int at = IndexFileFormat.HEADER_BYTES + section.ordinal() * IndexFileFormat.SECTION_ENTRY_BYTES;
            require(header.getInt(at) == section.kind()
                            && header.getLong(at + 8) == layout.offset(section)
                            && header.getLong(at + 16) == layout.length(section),
                    "section table entry " + section.ordinal() + " does not describe " + section + " at "
                            + layout.offset(section) + " (" + layout.length(section) + " bytes)");
        }
    }

    private void checkFooter(MemorySegment segment, Layout layout) throws IndexFileException {
        long at = layout.fileLength() - IndexFileFormat.FOOTER_BYTES;
        byte[] endMagic = segment.asSlice(at + Long.BYTES, IndexFileFormat.END_MAGIC.length).toArray(ValueLayout.JAVA_BYTE);
        require(segment.get(IndexFile.LONG, at) == layout.fileLength() && Arrays.equals(endMagic, IndexFileFormat.END_MAGIC),
                "the footer is damaged");
    }

    private void checkSectionCrc(ByteBuffer header, MemorySegment segment, Layout layout, Section section)
            throws IndexFileException {
        int stored = header.getInt(IndexFileFormat.HEADER_BYTES + section.ordinal() * IndexFileFormat.SECTION_ENTRY_BYTES + 4);
        CRC32C crc = new CRC32C();
        long start = layout.offset(section);
        long end = start + layout.length(section);
        // ByteBuffer views hold at most 2 GB; large sections go in chunks.
        for (long at = start; at < end; at += 1 << 30) {
            crc.update(segment.asSlice(at, Math.min(1 << 30, end - at)).asByteBuffer());
        }
        if ((int) crc.getValue() != stored) {
            throw fail(Problem.CHECKSUM_MISMATCH, "section " + section + " has CRC32C " + hex((int) crc.getValue())
                    + ", the table records " + hex(stored));
        }
    }

    /** The checks past the checksums: a file whose checksums hold can still have been written wrong. */
    private final class StructureCheck {
        private final ByteBuffer header;
        private final IndexConfig config;
        private final int nodes;
        private final int live;
        private final Layout layout;
        private final MemorySegment segment;

        StructureCheck(ByteBuffer header, IndexConfig config, int nodes, int live, Layout layout, MemorySegment segment) {
            this.header = header;
            this.config = config;
            this.nodes = nodes;
            this.live = live;
            this.layout = layout;
            this.segment = segment;
        }

        IndexFile run(Arena arena) throws IndexFileException {
            byte[] levels = segment.asSlice(layout.offset(Section.LEVELS), nodes).toArray(ValueLayout.JAVA_BYTE);
            byte[] states = segment.asSlice(layout.offset(Section.NODE_STATES), nodes).toArray(ValueLayout.JAVA_BYTE);
            int visible = 0;
            int topLevel = -1;
            long upperLinkInts = 0;
            for (int node = 0; node < nodes; node++) {
                byte state = states[node];
                require(state == IndexFileFormat.UNFINISHED || state == IndexFileFormat.VISIBLE
                        || state == IndexFileFormat.REMOVED, "node " + node + " has state " + state);
                require(levels[node] >= 0 && levels[node] <= config.maxLevel(),
                        "node " + node + " has level " + levels[node] + ", above the maximum " + config.maxLevel());
                if (state == IndexFileFormat.UNFINISHED) {
                    require(levels[node] == 0, "unfinished node " + node + " has a level");
                    continue;
                }
                visible += state == IndexFileFormat.VISIBLE ? 1 : 0;
                topLevel = Math.max(topLevel, levels[node]);
                upperLinkInts += (long) levels[node] * IndexFileFormat.upperRowInts(config.m());
            }
            require(visible == live, "the header counts " + live + " live vectors, the states " + visible);
            require(upperLinkInts == header.getLong(IndexFileFormat.UPPER_LINK_INTS_AT), "the levels need "
                    + upperLinkInts + " upper-level link ints, the header says " + header.getLong(IndexFileFormat.UPPER_LINK_INTS_AT));
            require(header.getInt(IndexFileFormat.LEVEL_COUNT_AT) == topLevel + 1,
                    "the header counts " + header.getInt(IndexFileFormat.LEVEL_COUNT_AT) + " levels, the nodes " + (topLevel + 1));
            EntryPoint entry = entryPoint(levels, states, topLevel);
            checkLevel0(states);
            int[][] upperLinks = upperLinks(levels, states);
            checkIds(states);
            return new IndexFile(path, arena, segment, config, nodes, live, entry, layout, levels, upperLinks);
        }

        private EntryPoint entryPoint(byte[] levels, byte[] states, int topLevel) throws IndexFileException {
            int node = header.getInt(IndexFileFormat.ENTRY_NODE_AT);
            int level = header.getInt(IndexFileFormat.ENTRY_LEVEL_AT);
            if (topLevel < 0) {
                require(node == -1 && level == -1, "an index without nodes has entry point " + node);
                return null;
            }
            require(node >= 0 && node < nodes && states[node] != IndexFileFormat.UNFINISHED,
                    "entry point " + node + " is not a node");
            require(level == levels[node] && level == topLevel,
                    "entry point level " + level + " is not the top level " + topLevel);
            return new EntryPoint(node, level);
        }

        private void checkLevel0(byte[] states) throws IndexFileException {
            int rowInts = IndexFileFormat.level0RowInts(config.m());
            long base = layout.offset(Section.LEVEL0_LINKS);
            for (int node = 0; node < nodes; node++) {
                long row = base + (long) node * rowInts * Integer.BYTES;
                int count = segment.get(IndexFile.INT, row);
                require(count >= 0 && count <= rowInts - 1, "node " + node + " has " + count + " links on level 0");
                require(count == 0 || states[node] != IndexFileFormat.UNFINISHED, "unfinished node " + node + " has links");
                for (int i = 1; i <= count; i++) {
                    checkLink(node, 0, segment.get(IndexFile.INT, row + (long) i * Integer.BYTES), states, null);
                }
            }
        }

        private int[][] upperLinks(byte[] levels, byte[] states) throws IndexFileException {
            int rowInts = IndexFileFormat.upperRowInts(config.m());
            int[][] rows = new int[nodes][];
            long at = layout.offset(Section.UPPER_LINKS);
            for (int node = 0; node < nodes; node++) {
                if (states[node] == IndexFileFormat.UNFINISHED || levels[node] == 0) {
                    continue;
                }
                int[] row = new int[levels[node] * rowInts];
                MemorySegment.copy(segment, IndexFile.INT, at, row, 0, row.length);
                at += (long) row.length * Integer.BYTES;
                for (int level = 1; level <= levels[node]; level++) {
                    int start = (level - 1) * rowInts;
                    int count = row[start];
                    require(count >= 0 && count <= config.m(), "node " + node + " has " + count + " links on level " + level);
                    for (int i = 1; i <= count; i++) {
                        checkLink(node, level, row[start + i], states, levels);
                    }
                }
                rows[node] = row;
            }
            return rows;
        }

        private void checkLink(int node, int level, int target, byte[] states, byte[] levels) throws IndexFileException {
            require(target >= 0 && target < nodes && states[target] != IndexFileFormat.UNFINISHED
                            && (levels == null || levels[target] >= level),
                    "node " + node + " links to " + target + " on level " + level + ", which is not a node there");
        }

        private void checkIds(byte[] states) throws IndexFileException {
            long offsets = layout.offset(Section.ID_OFFSETS);
            long idBytes = layout.length(Section.ID_BYTES);
            long idBase = layout.offset(Section.ID_BYTES);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            long previous = 0;
            require(segment.get(IndexFile.LONG, offsets) == 0, "the first id does not start at 0");
            for (int node = 0; node < nodes; node++) {
                long end = segment.get(IndexFile.LONG, offsets + (node + 1L) * Long.BYTES);
                require(end >= previous && end <= idBytes, "id offset " + end + " of node " + (node + 1) + " out of range");
                require(states[node] != IndexFileFormat.UNFINISHED || end == previous, "unfinished node " + node + " has an id");
                if (states[node] != IndexFileFormat.UNFINISHED) {
                    try {
                        decoder.decode(segment.asSlice(idBase + previous, end - previous).asByteBuffer());
                    } catch (CharacterCodingException e) {
                        throw fail(Problem.INVALID, "the id of node " + node + " is not UTF-8");
                    }
                }
                previous = end;
            }
            require(previous == idBytes, "the ids take " + previous + " bytes, the section " + idBytes);
        }
    }

    private void require(boolean condition, String detail) throws IndexFileException {
        if (!condition) {
            throw fail(Problem.INVALID, detail);
        }
    }

    private IndexFileException fail(Problem problem, String detail) {
        return new IndexFileException(problem, path, detail);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static String hex(ByteBuffer bytes, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(i)));
        }
        return count == 0 ? "nothing (the file is empty)" : text.toString();
    }
}
