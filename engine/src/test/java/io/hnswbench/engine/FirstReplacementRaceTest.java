package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The first replacement of an index's life racing searches that began before it: for a moment the
 * new node is visible and the old one not yet removed, and a search that met both must still
 * return the id once. (Found by {@link ConcurrencyTest} on a loaded CI machine.)
 */
class FirstReplacementRaceTest {

    private static final int VECTORS = 300;
    private static final int ROUNDS = 300;

    @Test
    void searchesRacingTheFirstReplacementNeverReturnAnIdTwice() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(17);
        AtomicReference<String> duplicate = new AtomicReference<>();
        for (int round = 0; round < ROUNDS && duplicate.get() == null; round++) {
            HnswIndex index = HnswIndex.builder(8).metric(Metric.L2).m(8).efConstruction(32).seed(round).build();
            float[][] vectors = new float[VECTORS][8];
            for (int row = 0; row < VECTORS; row++) {
                for (int i = 0; i < 8; i++) {
                    vectors[row][i] = (float) random.nextGaussian();
                }
                index.add("v" + row, vectors[row]);
            }
            // A removal first, so searches take the checking path (the bare one never sees new nodes).
            index.remove("v" + ((round + 1) % VECTORS));
            float[] target = vectors[round % VECTORS];
            AtomicBoolean replacing = new AtomicBoolean(true);
            Thread searcher = Thread.ofPlatform().start(() -> {
                while (replacing.get() && duplicate.get() == null) {
                    List<SearchResult> hits = index.search(target, 5, SearchOptions.ef(16));
                    Set<String> seen = new HashSet<>();
                    for (SearchResult hit : hits) {
                        if (!seen.add(hit.id())) {
                            duplicate.compareAndSet(null, hit.id() + " twice in " + hits);
                        }
                    }
                }
            });
            while (searcher.getState() == Thread.State.NEW) {
                Thread.onSpinWait();
            }
            index.add("v" + (round % VECTORS), target); // the index's first replacement, same vector
            replacing.set(false);
            searcher.join();
        }
        assertEquals(null, duplicate.get());
    }
}
