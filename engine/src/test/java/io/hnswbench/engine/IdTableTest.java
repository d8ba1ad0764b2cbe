package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IdTableTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        IdTable table = new IdTable();
        Map<String, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int step = 0; step < 200_000; step++) {
            String id = "id-" + random.nextInt(5_000);
            if (random.nextInt(3) == 0) {
                Integer removed = expected.remove(id);
                assertEquals(removed == null ? IdTable.ABSENT : removed, table.remove(id));
            } else {
                Integer previous = expected.put(id, step);
                assertEquals(previous == null ? IdTable.ABSENT : previous, table.put(id, step));
            }
            assertEquals(expected.size(), table.size());
        }
        for (int i = 0; i < 5_000; i++) {
            String id = "id-" + i;
            assertEquals(expected.getOrDefault(id, IdTable.ABSENT), table.get(id));
        }
        Map<String, Integer> iterated = new HashMap<>();
        table.forEach(iterated::put);
        assertEquals(expected, iterated);
    }
}
