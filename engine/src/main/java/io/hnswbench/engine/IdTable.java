package io.hnswbench.engine;

/**
 * Maps ids to node ordinals with open addressing and linear probing: two parallel arrays, no entry
 * objects and no boxed integers. Not thread-safe; {@link IndexState} guards it.
 */
final class IdTable {

    static final int ABSENT = -1;

    private String[] keys;
    private int[] values;
    private int size;

    IdTable() {
        keys = new String[16];
        values = new int[16];
    }

    int size() {
        return size;
    }

    /** The node for {@code id}, or {@link #ABSENT}. */
    int get(String id) {
        int mask = keys.length - 1;
        for (int slot = slotOf(id, mask); ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return ABSENT;
            }
            if (key.equals(id)) {
                return values[slot];
            }
        }
    }

    /** Maps {@code id} to {@code node}; returns the node it replaced, or {@link #ABSENT}. */
    int put(String id, int node) {
        if ((size + 1) * 4L > keys.length * 3L) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        for (int slot = slotOf(id, mask); ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                keys[slot] = id;
                values[slot] = node;
                size++;
                return ABSENT;
            }
            if (key.equals(id)) {
                int previous = values[slot];
                values[slot] = node;
                return previous;
            }
        }
    }

    /** Removes {@code id}; returns its node, or {@link #ABSENT} if it was not there. */
    int remove(String id) {
        int mask = keys.length - 1;
        int slot = slotOf(id, mask);
        while (true) {
            String key = keys[slot];
            if (key == null) {
                return ABSENT;
            }
            if (key.equals(id)) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        int removed = values[slot];
        // Backward-shift deletion: pull later entries of the probe run into the gap so that no
        // tombstones are needed and lookups stay short.
        int gap = slot;
        for (int next = (gap + 1) & mask; keys[next] != null; next = (next + 1) & mask) {
            int home = slotOf(keys[next], mask);
            boolean movable = ((next - home) & mask) >= ((next - gap) & mask);
            if (movable) {
                keys[gap] = keys[next];
                values[gap] = values[next];
                gap = next;
            }
        }
        keys[gap] = null;
        size--;
        return removed;
    }

    /** Calls {@code action} for every (id, node) pair, in no particular order. */
    void forEach(Entry action) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                action.accept(keys[slot], values[slot]);
            }
        }
    }

    /** Bytes of the two arrays (the id strings are counted with the nodes). */
    long bytes() {
        return 2L * NodeStore.ARRAY_HEADER_BYTES + (long) keys.length * (NodeStore.REFERENCE_BYTES + Integer.BYTES);
    }

    @FunctionalInterface
    interface Entry {
        void accept(String id, int node);
    }

    private void resize(int capacity) {
        String[] oldKeys = keys;
        int[] oldValues = values;
        keys = new String[capacity];
        values = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slotOf(oldKeys[i], mask);
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Where probing for {@code id} starts in a table of {@code mask + 1} slots; {@link MappedIdTable} shares it. */
    static int slotOf(String id, int mask) {
        int h = id.hashCode() * 0x9E3779B1;
        return (h ^ (h >>> 16)) & mask;
    }

    @Override
    public String toString() {
        return "IdTable[size=" + size + ", capacity=" + keys.length + "]";
    }
}
