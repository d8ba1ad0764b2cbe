package io.hnswbench.reports.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Numbers as people read them, always with {@link Locale#ROOT} so that a report reads the same on
 * every machine: {@code 12,345} QPS, {@code 0.953} recall, {@code 1.24 ms}, {@code 123.4 MiB}.
 */
final class Format {

    /** What a table shows where a value is missing. */
    static final String NONE = "—";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    /**
     * Recall with three decimals, truncated rather than rounded so that a value shown as
     * {@code 0.950} has really reached 0.95 (0.9496 shows as {@code 0.949}). The small slack keeps
     * a mean that lands a rounding error below a printed value from losing a digit.
     */
    static String recall(double recall) {
        if (!Double.isFinite(recall)) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.3f", Math.floor(recall * 1000 + 1e-6) / 1000);
    }

    /** A target recall as it is written in prose: {@code 0.9}, {@code 0.95}, {@code 0.99}. */
    static String target(double recall) {
        return String.format(Locale.ROOT, "%.2f", recall);
    }

    /** Queries per second: grouped thousands, decimals only for small values. */
    static String qps(double qps) {
        if (!Double.isFinite(qps)) {
            return NONE;
        }
        if (qps >= 100) {
            return String.format(Locale.ROOT, "%,.0f", qps);
        }
        return threeSignificant(qps);
    }

    /** A latency given in microseconds, in µs, ms or s with three significant digits. */
    static String micros(double micros) {
        if (!Double.isFinite(micros)) {
            return NONE;
        }
        if (micros < 1000) {
            return threeSignificant(micros) + " µs";
        }
        if (micros < 1_000_000) {
            return threeSignificant(micros / 1000) + " ms";
        }
        return seconds(micros / 1_000_000);
    }

    /** A duration in seconds: {@code 1.23 s}, {@code 45.6 s}, {@code 2 min 05 s}. */
    static String seconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            return NONE;
        }
        if (seconds < 60) {
            return threeSignificant(seconds) + " s";
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    /** Bytes in MiB with one decimal: {@code 1,234.5 MiB}. */
    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Bytes in GiB with one decimal, for heap sizes. */
    static String gibibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    }

    /** A count: {@code 1,000,000}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A mean count such as distance computations per query: whole above 100, else one decimal. */
    static String mean(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** An ISO-8601 instant to the minute in UTC; anything else as it was given. */
    static String instant(String isoInstant) {
        return parse(isoInstant, MINUTE);
    }

    /** The UTC day of an ISO-8601 instant; anything else as it was given. */
    static String day(String isoInstant) {
        return parse(isoInstant, DAY);
    }

    private static String parse(String isoInstant, DateTimeFormatter formatter) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return NONE;
        }
        try {
            return formatter.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** Text from the data, or the missing-value mark when there is none. */
    static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static String threeSignificant(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
