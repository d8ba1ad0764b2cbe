package io.hnswbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontierTest {

    private static SweepPoint point(int efSearch, double recall, double qps) {
        return new SweepPoint(efSearch, 10, recall, qps, 0, 0, 0, 0, 0, 0, 0, new double[0]);
    }

    @Test
    void dominatedPointsAreDroppedAndTheRestRunByRecall() {
        SweepPoint fast = point(10, 0.80, 9000);
        SweepPoint dominated = point(20, 0.79, 5000);
        SweepPoint middle = point(40, 0.93, 6000);
        SweepPoint slowButExact = point(80, 0.99, 2000);
        SweepPoint worseThanMiddle = point(30, 0.90, 5500);
        assertEquals(List.of(fast, middle, slowButExact),
                ParetoFrontier.of(List.of(slowButExact, dominated, middle, fast, worseThanMiddle)));
    }

    @Test
    void ofTwoPointsWithEqualRecallOnlyTheFasterStays() {
        SweepPoint slower = point(20, 0.95, 3000);
        SweepPoint faster = point(10, 0.95, 4000);
        assertEquals(List.of(faster), ParetoFrontier.of(List.of(slower, faster)));
    }

    @Test
    void aPointBeatenOnRecallButFasterStays() {
        SweepPoint exact = point(100, 1.0, 100);
        SweepPoint rough = point(5, 0.5, 100_000);
        assertEquals(List.of(rough, exact), ParetoFrontier.of(List.of(exact, rough)));
        assertEquals(List.of(), ParetoFrontier.of(List.of()));
    }
}
