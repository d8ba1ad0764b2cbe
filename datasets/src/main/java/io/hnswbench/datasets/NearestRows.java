package io.hnswbench.datasets;

/**
 * The {@code capacity} nearest (distance, row) pairs offered, as a binary max-heap whose root is
 * the worst kept: larger distance, or on equal distance the larger row. Rows arrive in increasing
 * order, so a newcomer that only ties the root is never better and is dropped.
 */
public final class NearestRows {

    private final float[] distances;
    private final int[] rows;
    private int size;

    /** @param capacity how many pairs to keep */
    public NearestRows(int capacity) {
        this.distances = new float[capacity];
        this.rows = new int[capacity];
    }

    /** Keeps the pair if it is nearer than the worst kept one, or while there is room. */
    public void offer(float distance, int row) {
        if (size < distances.length) {
            siftUp(size++, distance, row);
        } else if (distances.length > 0 && distance < distances[0]) {
            siftDown(0, distance, row);
        }
    }

    /** Writes the kept pairs nearest first, emptying the heap, and returns how many. */
    public int drainNearestFirst(int[] ids, float[] nearestDistances) {
        int count = size;
        for (int i = count - 1; i >= 0; i--) {
            ids[i] = rows[0];
            nearestDistances[i] = distances[0];
            size--;
            if (size > 0) {
                siftDown(0, distances[size], rows[size]);
            }
        }
        return count;
    }

    /** Pairs kept so far. */
    public int size() {
        return size;
    }

    public int capacity() {
        return distances.length;
    }

    /** The kept distances in heap order (the worst first); only the first {@link #size()} count. */
    float[] heapDistances() {
        return distances;
    }

    /** The kept rows, aligned with {@link #heapDistances()}. */
    int[] heapRows() {
        return rows;
    }

    private static boolean worse(float distance, int row, float otherDistance, int otherRow) {
        return distance > otherDistance || (distance == otherDistance && row > otherRow);
    }

    private void siftUp(int child, float distance, int row) {
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!worse(distance, row, distances[parent], rows[parent])) {
                break;
            }
            distances[child] = distances[parent];
            rows[child] = rows[parent];
            child = parent;
        }
        distances[child] = distance;
        rows[child] = row;
    }

    private void siftDown(int parent, float distance, int row) {
        while (true) {
            int child = 2 * parent + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(distances[child + 1], rows[child + 1], distances[child], rows[child])) {
                child++;
            }
            if (!worse(distances[child], rows[child], distance, row)) {
                break;
            }
            distances[parent] = distances[child];
            rows[parent] = rows[child];
            parent = child;
        }
        distances[parent] = distance;
        rows[parent] = row;
    }
}
