package io.hnswbench.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The neighbour rows of every node on every level, and the striped locks writers take to change
 * them. A row is {@code [count, link_0 .. link_{capacity-1}]} inside a primitive array of
 * {@link NodePage}: level-0 rows right behind each vector, upper-level rows in one {@code int[]}
 * per node that has them.
 *
 * <p>Readers never lock. Writers store links before the count, both with release semantics, and
 * readers load the count and links with acquire semantics: a reader sees either the old or the new
 * value of each slot, every value is a node that is fully published, and a row rewritten while it
 * is being read at worst yields a stale or repeated neighbour, which the visited set absorbs.
 */
final class GraphLinks {

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int LOCK_BITS = 10;
    private static final int LOCK_STRIPES = 1 << LOCK_BITS;

    private final NodeStore store;
    private final int level0Capacity;
    private final int upperCapacity;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    GraphLinks(NodeStore store, IndexConfig config) {
        this.store = store;
        this.level0Capacity = config.maxConnectionsLevel0();
        this.upperCapacity = config.m();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Most links a node may keep on {@code level}. */
    int capacity(int level) {
        return level == 0 ? level0Capacity : upperCapacity;
    }

    /**
     * Copies the links of {@code node} on {@code level} into {@code destination} (which must hold
     * {@link #capacity(int)} ints) and returns how many there are.
     */
    int copyLinks(int node, int level, int[] destination) {
        if (level == 0) {
            int[] slots = store.page(node).slots;
            int start = store.level0RowOffset(node);
            int count = (int) INTS.getAcquire(slots, start);
            for (int i = 0; i < count; i++) {
                destination[i] = (int) INTS.getAcquire(slots, start + 1 + i);
            }
            return count;
        }
        int[] row = store.page(node).upperLinks[node & NodeStore.PAGE_MASK];
        if (row == null) {
            return 0; // a node whose insert has not stored its level yet, met by a scan over ordinals
        }
        int start = upperRowStart(level);
        int count = (int) INTS.getAcquire(row, start);
        for (int i = 0; i < count; i++) {
            destination[i] = (int) INTS.getAcquire(row, start + 1 + i);
        }
        return count;
    }

    /** Replaces the links of {@code node} on {@code level}. The caller holds {@link #lock(int)}. */
    void writeLinks(int node, int level, int[] links, int count) {
        for (int i = 0; i < count; i++) {
            store(node, level, 1 + i, links[i]);
        }
        store(node, level, 0, count);
    }

    /** Appends one link; the caller holds the lock and has checked there is room. */
    void appendLink(int node, int level, int link, int currentCount) {
        store(node, level, 1 + currentCount, link);
        store(node, level, 0, currentCount + 1);
    }

    /** Release-stores one int of a row: {@code index} 0 is the count, 1.. the links. */
    private void store(int node, int level, int index, int value) {
        if (level == 0) {
            INTS.setRelease(store.page(node).slots, store.level0RowOffset(node) + index, value);
        } else {
            INTS.setRelease(store.page(node).upperLinks[node & NodeStore.PAGE_MASK], upperRowStart(level) + index, value);
        }
    }

    /** Where the row of level {@code level >= 1} starts in a node's upper-level array. */
    private int upperRowStart(int level) {
        return (level - 1) * (1 + upperCapacity);
    }

    /** Locks the rows of {@code node} (all levels) for writing; close the result to unlock. */
    HeldLock lock(int node) {
        ReentrantLock lock = locks[(node * 0x9E3779B1) >>> (32 - LOCK_BITS)];
        lock.lock();
        return new HeldLock(lock);
    }

    /** A held stripe lock, released by try-with-resources. */
    record HeldLock(ReentrantLock lock) implements AutoCloseable {
        @Override
        public void close() {
            lock.unlock();
        }
    }
}
