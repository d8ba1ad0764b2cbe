package io.hnswbench.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    /** 1, 2, ..., 1000 µs: the p-th percentile is p·10 µs, the mean 500.5 µs. */
    private static Latencies oneToAThousandMicros() {
        Latencies latencies = new Latencies();
        for (int micros = 1; micros <= 1000; micros++) {
            latencies.recordNanos(micros * 1000L);
        }
        return latencies;
    }

    @Test
    void percentilesOfKnownLatenciesAreWithinATenthOfAPercent() {
        Latencies latencies = oneToAThousandMicros();
        assertEquals(500.5, latencies.meanMicros(), 500.5 * 1e-3);
        assertEquals(500, latencies.percentileMicros(50), 500 * 1e-3);
        assertEquals(950, latencies.percentileMicros(95), 950 * 1e-3);
        assertEquals(990, latencies.percentileMicros(99), 990 * 1e-3);
        assertEquals(999, latencies.percentileMicros(99.9), 999 * 1e-3);
    }

    @Test
    void mergedThreadsCountAsOneSet() {
        Latencies odd = new Latencies();
        Latencies even = new Latencies();
        for (int micros = 1; micros <= 1000; micros++) {
            (micros % 2 == 0 ? even : odd).recordNanos(micros * 1000L);
        }
        odd.add(even);
        assertEquals(1000, odd.count());
        assertEquals(990, odd.percentileMicros(99), 990 * 1e-3);
    }

    @Test
    void oneSlowQueryShowsOnlyInTheTail() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 999; i++) {
            latencies.recordNanos(20_000);
        }
        latencies.recordNanos(5_000_000);
        assertEquals(20, latencies.percentileMicros(99), 0.02);
        assertEquals(5000, latencies.percentileMicros(99.95), 5);
    }
}
