package io.hnswbench.workbench.desktop;

/**
 * Turns a build's running insert count into inserts per second over the last stretch of time, for
 * the Build screen's live figure and chart. The build's threads report to it; it hands out one
 * sample per {@link #SAMPLE_NANOS} at most, so the FX thread gets a few updates a second however
 * many threads insert.
 */
final class InsertRateMeter {

    static final long SAMPLE_NANOS = 200_000_000L;

    /** One reading: at {@code seconds} after the start, {@code inserted} were in, at {@code perSecond}. */
    record Sample(double seconds, int inserted, int total, double perSecond) {
    }

    private final long startNanos;
    private long lastNanos;
    private int lastInserted;

    InsertRateMeter(long startNanos) {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /**
     * Notes that {@code inserted} of {@code total} are in at {@code nowNanos}.
     *
     * @return a new sample when the last one is old enough (or the build is complete), else null
     */
    synchronized Sample record(int inserted, int total, long nowNanos) {
        long sinceLast = nowNanos - lastNanos;
        if (sinceLast < SAMPLE_NANOS && inserted < total) {
            return null;
        }
        if (inserted <= lastInserted || sinceLast <= 0) {
            return null;
        }
        double perSecond = (inserted - lastInserted) * 1e9 / sinceLast;
        lastNanos = nowNanos;
        lastInserted = inserted;
        return new Sample((nowNanos - startNanos) / 1e9, inserted, total, perSecond);
    }
}
