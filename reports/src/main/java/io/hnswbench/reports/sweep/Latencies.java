package io.hnswbench.reports.sweep;

import org.HdrHistogram.Histogram;

/**
 * Query latencies of one measurement, in an HdrHistogram: nanoseconds recorded with three
 * significant digits (so a percentile is within 0.1 % of the true value), read as microseconds.
 * Not thread-safe: each search thread records into its own, merged with {@link #add}.
 */
final class Latencies {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);

    void recordNanos(long nanos) {
        histogram.recordValue(nanos);
    }

    void add(Latencies other) {
        histogram.add(other.histogram);
    }

    long count() {
        return histogram.getTotalCount();
    }

    double meanMicros() {
        return histogram.getMean() / 1e3;
    }

    /** The latency that {@code percentile} % of the queries did not exceed, e.g. 99.9. */
    double percentileMicros(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e3;
    }
}
