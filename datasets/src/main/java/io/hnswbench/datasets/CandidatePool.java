package io.hnswbench.datasets;

/**
 * The {@code capacity} smallest (distance, id) pairs offered so far, as a binary max-heap on
 * distance so the worst kept candidate is at the root. Ids arrive in increasing order, so a tie
 * with the root keeps the earlier (lower) id.
 */
final class CandidatePool {

    private final float[] distances;
    private final int[] ids;
    private int size;

    CandidatePool(int capacity) {
        this.distances = new float[capacity];
        this.ids = new int[capacity];
    }

    void offer(float distance, int id) {
        if (size < distances.length) {
            int child = size++;
            while (child > 0) {
                int parent = (child - 1) >>> 1;
                if (distances[parent] >= distance) {
                    break;
                }
                distances[child] = distances[parent];
                ids[child] = ids[parent];
                child = parent;
            }
            distances[child] = distance;
            ids[child] = id;
        } else if (distance < distances[0]) {
            siftDownFromRoot(distance, id);
        }
    }

    private void siftDownFromRoot(float distance, int id) {
        int parent = 0;
        while (true) {
            int child = 2 * parent + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && distances[child + 1] > distances[child]) {
                child++;
            }
            if (distances[child] <= distance) {
                break;
            }
            distances[parent] = distances[child];
            ids[parent] = ids[child];
            parent = child;
        }
        distances[parent] = distance;
        ids[parent] = id;
    }

    int size() {
        return size;
    }

    int capacity() {
        return distances.length;
    }

    /** The kept distances, in heap order; only the first {@link #size()} are meaningful. */
    float[] distances() {
        return distances;
    }

    /** The kept ids, aligned with {@link #distances()}. */
    int[] ids() {
        return ids;
    }
}
