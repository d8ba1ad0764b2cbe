package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.sweep.SweepListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The sweep's listener while the Sweep screen shows it: progress goes to the job's bar, and every
 * measured point to the screen's charts. Points arrive on the sweep's thread; the runs measured so
 * far are handed to the FX thread as one snapshot, and while a hand-off waits there the next points
 * only update what it will see, so a fast sweep cannot flood the FX thread.
 */
final class LiveSweep implements SweepListener {

    private final JobTask<?> task;
    private final int plannedPoints;
    /** Points measured so far: counted on the sweep thread, read by its search threads too. */
    private volatile int measuredPoints;
    private final Consumer<List<RunResult>> onRuns;
    private final AtomicBoolean handOffQueued = new AtomicBoolean();
    /** Runs with all their points; guarded by {@code this}. */
    private final List<RunResult> finished = new ArrayList<>();
    /** The run whose efSearch values are being measured, with its points so far; guarded by {@code this}. */
    private RunResult current;
    /** Set on the FX thread when the final results replace the live ones; hand-offs after it are dropped. */
    private volatile boolean stopped;

    /**
     * @param task          the job whose progress bar and status show the sweep's stage
     * @param plannedPoints points the whole sweep will measure (engines × M × efConstruction × efSearch)
     * @param onRuns        given, on the FX thread, every run measured so far (the last one possibly partial)
     */
    LiveSweep(JobTask<?> task, int plannedPoints, Consumer<List<RunResult>> onRuns) {
        this.task = task;
        this.plannedPoints = Math.max(1, plannedPoints);
        this.onRuns = onRuns;
    }

    /** The points a sweep with these parameters measures. */
    static int plannedPoints(SweepParameters parameters) {
        return parameters.engines().size() * parameters.m().size() * parameters.efConstruction().size()
                * parameters.efSearch().size();
    }

    /**
     * The bar shows the whole sweep: points measured, plus the share of the point being searched
     * (builds and warm-ups move the text, not the bar, as they add no point). The text says the
     * stage, how far it is, and how many points are done.
     */
    @Override
    public void progress(String stage, long done, long total) {
        double stageShare = stage.startsWith("search ") && total > 0 ? (double) done / total : 0;
        String stageProgress = total > 1 ? String.format(" %,d of %,d", done, total) : "";
        task.progress(String.format("%s%s · %d of %d points", stage, stageProgress, measuredPoints, plannedPoints),
                Math.round((measuredPoints + stageShare) * 1000), plannedPoints * 1000L);
    }

    @Override
    public void pointMeasured(RunResult run, SweepPoint point) {
        measuredPoints++;
        synchronized (this) {
            current = run;
        }
        handOff();
    }

    @Override
    public void runFinished(RunResult run) {
        synchronized (this) {
            finished.add(run);
            current = null;
        }
        handOff();
    }

    private void handOff() {
        if (handOffQueued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                handOffQueued.set(false);
                if (!stopped) {
                    onRuns.accept(snapshot());
                }
            });
        }
    }

    /** Every run measured so far, the one being measured last. */
    synchronized List<RunResult> snapshot() {
        List<RunResult> runs = new ArrayList<>(finished);
        if (current != null) {
            runs.add(current);
        }
        return List.copyOf(runs);
    }

    /** Stops handing points to the FX thread; call there when the sweep's own results are in. */
    void stop() {
        stopped = true;
    }
}
