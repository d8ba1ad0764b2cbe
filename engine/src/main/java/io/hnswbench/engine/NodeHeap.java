package io.hnswbench.engine;

import java.util.Arrays;

/**
 * A binary heap of (distance, node) pairs packed into one {@code long} each, so that pushing and
 * popping never allocate. The packing orders by distance, then by node: the high 32 bits hold the
 * distance's bits made order-preserving as a signed int, the low 32 bits the node.
 *
 * <p>A max-heap stores the bitwise complement of each packed value, which reverses the order, so
 * one sift implementation serves both kinds.
 */
final class NodeHeap {

    private final long orderFlip;
    private long[] heap;
    private int size;

    private NodeHeap(boolean maxHeap, int initialCapacity) {
        this.orderFlip = maxHeap ? -1L : 0L;
        this.heap = new long[Math.max(initialCapacity, 8)];
    }

    /** Smallest distance on top: the search frontier. */
    static NodeHeap minHeap(int initialCapacity) {
        return new NodeHeap(false, initialCapacity);
    }

    /** Largest distance on top: the best results so far, worst one first out. */
    static NodeHeap maxHeap(int initialCapacity) {
        return new NodeHeap(true, initialCapacity);
    }

    static long pack(int node, float distance) {
        int bits = Float.floatToRawIntBits(distance);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) sortable << 32) | (node & 0xffffffffL);
    }

    static int node(long packed) {
        return (int) packed;
    }

    static float distance(long packed) {
        int sortable = (int) (packed >> 32);
        return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
    }

    void push(int node, float distance) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        long value = pack(node, distance) ^ orderFlip;
        int index = size++;
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            long parentValue = heap[parent];
            if (parentValue <= value) {
                break;
            }
            heap[index] = parentValue;
            index = parent;
        }
        heap[index] = value;
    }

    /** Removes and returns the top pair, packed (see {@link #node}, {@link #distance}). */
    long pop() {
        long top = heap[0];
        siftDownFromTop(heap[--size]);
        return top ^ orderFlip;
    }

    /**
     * Drops the top pair and adds (node, distance) in one sift: a full result heap (a max-heap)
     * taking a nearer node, where a push and a pop would take two sifts.
     */
    void replaceTop(int node, float distance) {
        siftDownFromTop(pack(node, distance) ^ orderFlip);
    }

    /** Puts {@code value} (already order-flipped) in the top slot and sifts it down to its place. */
    private void siftDownFromTop(long value) {
        int index = 0;
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            long childValue = heap[child];
            int right = child + 1;
            if (right < size && heap[right] < childValue) {
                child = right;
                childValue = heap[right];
            }
            if (value <= childValue) {
                break;
            }
            heap[index] = childValue;
            index = child;
        }
        heap[index] = value;
    }

    /**
     * Empties a max-heap into {@code out} nearest first and returns how many there were;
     * {@code out} must hold {@link #size()} values.
     */
    int drainNearestFirst(long[] out) {
        int count = size;
        for (int i = count - 1; i >= 0; i--) {
            out[i] = pop();
        }
        return count;
    }

    long peek() {
        return heap[0] ^ orderFlip;
    }

    float peekDistance() {
        return distance(peek());
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }
}
