package io.hnswbench.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void numbersReadAsPeopleWriteThem() {
        assertEquals("12,345", Format.qps(12_345.4));
        assertEquals("456", Format.qps(456.2));
        assertEquals("45.6", Format.qps(45.61));
        assertEquals("0.953", Format.recall(0.9531));
        assertEquals("1.000", Format.recall(1.0));
        assertEquals("412 µs", Format.micros(412.3));
        assertEquals("41.2 µs", Format.micros(41.23));
        assertEquals("1.24 ms", Format.micros(1_238));
        assertEquals("12.3 ms", Format.micros(12_340));
        assertEquals("2.50 s", Format.micros(2_500_000));
        assertEquals("2 min 05 s", Format.seconds(125.2));
        assertEquals("1,234.5 MiB", Format.mebibytes(1_294_467_072L));
        assertEquals("4.0 GiB", Format.gibibytes(4L << 30));
        assertEquals("1,000,000", Format.count(1_000_000));
        assertEquals("1,450", Format.mean(1_450.4));
        assertEquals("52.0", Format.mean(52));
    }

    @Test
    void recallIsTruncatedSoAShownValueWasReached() {
        assertEquals("0.949", Format.recall(0.9496));
        assertEquals("0.999", Format.recall(0.99995));
        assertEquals("0.950", Format.recall(0.95));
        assertEquals("0.950", Format.recall(0.95 - 1e-12));
    }

    @Test
    void instantsAreShownInUtcAndOtherTextAsGiven() {
        assertEquals("2026-11-25 14:03 UTC", Format.instant("2026-11-25T14:03:12Z"));
        assertEquals("2026-11-25", Format.day("2026-11-25T23:59:59Z"));
        assertEquals("yesterday", Format.instant("yesterday"));
        assertEquals("—", Format.instant(null));
    }
}
