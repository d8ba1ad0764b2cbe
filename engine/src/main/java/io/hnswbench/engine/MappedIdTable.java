package io.hnswbench.engine;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds a live node by id in a mapped index file without holding the ids on the heap: an
 * open-addressing table of node ordinals keyed by the id's hash, whose entries are confirmed by
 * comparing the id's UTF-8 bytes with the file's. Four to eight bytes per live vector.
 */
final class MappedIdTable {

    private static final int EMPTY = -1;

    private final IndexFile file;
    private final int[] slots;

    private MappedIdTable(IndexFile file, int capacity) {
        this.file = file;
        this.slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
    }

    /**
     * Indexes every visible node of the file.
     *
     * @throws IndexFileException if two visible nodes have the same id
     */
    static MappedIdTable build(IndexFile file) throws IndexFileException {
        int capacity = Integer.highestOneBit(Math.max(16, file.liveCount * 2 - 1)) << 1;
        MappedIdTable table = new MappedIdTable(file, capacity);
        for (int node = 0; node < file.nodeCount; node++) {
            if (file.state(node) == IndexFileFormat.VISIBLE) {
                String id = file.id(node);
                if (!table.insert(node, id)) {
                    throw new IndexFileException(IndexFileException.Problem.INVALID, file.path,
                            "id \"" + id + "\" belongs to two live nodes");
                }
            }
        }
        return table;
    }

    boolean contains(String id) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        int mask = slots.length - 1;
        for (int slot = IdTable.slotOf(id, mask); slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (sameId(slots[slot], utf8)) {
                return true;
            }
        }
        return false;
    }

    long bytes() {
        return NodeStore.ARRAY_HEADER_BYTES + (long) slots.length * Integer.BYTES;
    }

    private boolean insert(int node, String id) {
        int mask = slots.length - 1;
        byte[] utf8 = null;
        int slot = IdTable.slotOf(id, mask);
        for (; slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (utf8 == null) {
                utf8 = id.getBytes(StandardCharsets.UTF_8);
            }
            if (sameId(slots[slot], utf8)) {
                return false;
            }
        }
        slots[slot] = node;
        return true;
    }

    private boolean sameId(int node, byte[] utf8) {
        long start = file.idStart(node);
        long end = file.idStart(node + 1);
        return end - start == utf8.length
                && MemorySegment.mismatch(file.segment, start, end, MemorySegment.ofArray(utf8), 0, utf8.length) == -1;
    }
}
