package io.hnswbench.workbench.desktop;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the workbench's long work (embedding, ground truth, build, sweep, export) off the FX
 * thread, one daemon thread per job. Cancelling a job's {@link Task} interrupts its thread, which
 * the engine, the sweep runner and the dataset code all treat as "stop now".
 */
@Component
class Jobs implements DisposableBean {

    static final long SHUTDOWN_GRACE_SECONDS = 5;

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("workbench-job-", 1).factory());
    private final AtomicInteger running = new AtomicInteger();

    /** Starts {@code task} on its own thread and shows it in {@code panel}; call on the FX thread. */
    public void start(Task<?> task, JobPanel panel) {
        panel.track(task);
        running.incrementAndGet();
        executor.execute(() -> {
            try {
                task.run();
            } finally {
                running.decrementAndGet();
            }
        });
    }

    /** How many jobs' threads are still working (a cancelled job counts until its thread stops). */
    public int running() {
        return running.get();
    }

    /**
     * Waits until no job's thread is working and the FX thread has run every handler those jobs
     * queued (a task's success handler runs there after its thread ends). For the screenshot tour
     * and tests; never call it on the FX thread.
     *
     * @return whether that happened within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        CountDownLatch handlersRan = new CountDownLatch(1);
        Platform.runLater(handlersRan::countDown);
        return handlersRan.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Interrupts running jobs and gives them a few seconds to clean up (a cancelled dataset
     * creation deletes its half-written folder) before the application exits.
     */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    }
}
