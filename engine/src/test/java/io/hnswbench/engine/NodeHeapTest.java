package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NodeHeapTest {

    @Test
    void packingOrdersByDistanceIncludingNegativeOnes() {
        float[] distances = {-3.5f, -0.0f, 0f, 1e-30f, 2f, 1e30f, Float.POSITIVE_INFINITY, -1e-30f};
        long[] packed = new long[distances.length];
        for (int i = 0; i < distances.length; i++) {
            packed[i] = NodeHeap.pack(i, distances[i]);
            assertEquals(distances[i], NodeHeap.distance(packed[i]));
            assertEquals(i, NodeHeap.node(packed[i]));
        }
        Arrays.sort(packed);
        for (int i = 1; i < packed.length; i++) {
            assertEquals(true, NodeHeap.distance(packed[i - 1]) <= NodeHeap.distance(packed[i]));
        }
    }

    @Test
    void minAndMaxHeapsPopInSortedOrder() {
        SplittableRandom random = new SplittableRandom(3);
        NodeHeap min = NodeHeap.minHeap(2);
        NodeHeap max = NodeHeap.maxHeap(2);
        float[] distances = new float[500];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = (float) random.nextGaussian();
            min.push(i, distances[i]);
            max.push(i, distances[i]);
        }
        float[] sorted = distances.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(sorted[i], NodeHeap.distance(min.pop()));
            assertEquals(sorted[sorted.length - 1 - i], NodeHeap.distance(max.pop()));
        }
        assertEquals(0, min.size());
        assertEquals(0, max.size());
    }

    /** A search keeps the ef nearest so far this way; the heap must end up holding exactly them. */
    @Test
    void replacingTheTopKeepsTheNearestOfAStream() {
        SplittableRandom random = new SplittableRandom(5);
        int keep = 37;
        NodeHeap nearest = NodeHeap.maxHeap(keep);
        float[] stream = new float[2000];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = (float) random.nextGaussian();
            if (nearest.size() < keep) {
                nearest.push(i, stream[i]);
            } else if (stream[i] < nearest.peekDistance()) {
                nearest.replaceTop(i, stream[i]);
            }
        }
        float[] sorted = stream.clone();
        Arrays.sort(sorted);
        long[] drained = new long[keep];
        assertEquals(keep, nearest.drainNearestFirst(drained));
        for (int i = 0; i < keep; i++) {
            assertEquals(sorted[i], NodeHeap.distance(drained[i]), "rank " + i);
            assertEquals(sorted[i], stream[NodeHeap.node(drained[i])], "node of rank " + i);
        }
    }
}
