package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NearestRowsTest {

    @Test
    void keepsTheNearestAndDrainsThemNearestFirstWithTiesByLowerRow() {
        NearestRows nearest = new NearestRows(3);
        float[] distances = {0.5f, 0.2f, 0.9f, 0.2f, 0.1f, 0.2f};
        for (int row = 0; row < distances.length; row++) {
            nearest.offer(distances[row], row);
        }
        int[] ids = new int[3];
        float[] kept = new float[3];
        assertEquals(3, nearest.drainNearestFirst(ids, kept));
        assertArrayEquals(new int[] {4, 1, 3}, ids, "row 5 ties rows 1 and 3 at 0.2 and loses to the lower rows");
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.2f}, kept);
        assertEquals(0, nearest.size());
    }

    @Test
    void fewerOffersThanCapacityAreAllKept() {
        NearestRows nearest = new NearestRows(5);
        nearest.offer(3f, 0);
        nearest.offer(1f, 1);
        int[] ids = new int[5];
        assertEquals(2, nearest.drainNearestFirst(ids, new float[5]));
        assertEquals(1, ids[0]);
        assertEquals(0, ids[1]);
    }
}
