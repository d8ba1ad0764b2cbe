package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on the terminal for long verbs: one line per stage, redrawn in place at most ten
 * times a second; when output is not a terminal (a log file, CI) it prints a line per tenth instead,
 * so logs stay short. Thread-safe: workers of a stage report concurrently.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private String stage;
    private long lastDrawNanos;
    private long lastTenth = -1;
    private boolean lineOpen;

    TerminalProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** A progress bar on standard error, redrawn in place when a console is attached. */
    static TerminalProgress onStandardError(PrintWriter err) {
        return new TerminalProgress(err, System.console() != null);
    }

    @Override
    public synchronized void update(String newStage, long done, long total) {
        long now = System.nanoTime();
        boolean stageChanged = !newStage.equals(stage);
        if (stageChanged) {
            finishLine();
            stage = newStage;
            lastTenth = -1;
        }
        boolean finished = done >= total;
        if (interactive) {
            if (stageChanged || finished || now - lastDrawNanos >= REDRAW_NANOS) {
                out.print("\r" + line(done, total, now));
                out.flush();
                lineOpen = true;
                lastDrawNanos = now;
            }
        } else {
            long tenth = total <= 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                out.println(line(done, total, now));
                out.flush();
                lastTenth = tenth;
            }
        }
    }

    private String line(long done, long total, long now) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format(Locale.ROOT, "%-28s [%s%s] %3d%%  %,d/%,d  %.1f s", stage, "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), done, total, (now - startNanos) / 1e9);
    }

    private void finishLine() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    /** Ends the current bar's line so what follows starts on a fresh one. */
    @Override
    public synchronized void close() {
        finishLine();
    }
}
