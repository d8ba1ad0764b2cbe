package io.hnswbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Inserts a validated batch with N threads. Ordinals for the whole batch are reserved up front
 * (so node i of the batch is always the same ordinal, and with one thread the graph is the same
 * on every run); threads then claim small runs of the batch from one counter.
 *
 * <p>Interrupting the calling thread cancels: threads finish the vector in hand and stop, the
 * vectors inserted so far stay, and the call throws {@link CancellationException}. A listener
 * that throws stops the insert the same way, and its exception propagates.
 */
final class BulkInserter {

    /** Vectors a thread claims at once: big enough to keep the counter cold, small to balance the end. */
    private static final int CLAIM_SIZE = 32;
    /** A batch at least this large is followed at once by a connectivity repair. */
    static final int REPAIR_MIN_BATCH = 256;

    private final IndexState state;
    private final VectorBatch batch;
    private final BuildProgressListener progress;
    private final int first;
    private final AtomicInteger nextClaim = new AtomicInteger();
    private final AtomicInteger inserted = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread caller = Thread.currentThread();
    /** Guarded by itself: listeners are called one at a time with counts that only grow. */
    private final int[] lastReported = new int[1];

    private BulkInserter(IndexState state, VectorBatch batch, BuildProgressListener progress) {
        this.state = state;
        this.batch = batch;
        this.progress = progress;
        this.first = state.graph.nodes.allocate(batch.size());
    }

    /**
     * Inserts the batch with up to {@code threads} threads (the caller is one of them; more than
     * the available processors only adds contention, so that is the cap).
     */
    static void insertAll(IndexState state, VectorBatch batch, int threads, BuildProgressListener progress) {
        if (batch.size() == 0) {
            return;
        }
        int workers = Math.max(1, Math.min(Math.min(threads, batch.size()), Runtime.getRuntime().availableProcessors()));
        new BulkInserter(state, batch, progress).run(workers);
    }

    private void run(int workers) {
        int total = batch.size();
        List<Thread> helpers = new ArrayList<>(workers - 1);
        try {
            for (int t = 1; t < workers; t++) {
                helpers.add(Thread.ofPlatform().name("hnsw-build-" + t).daemon().start(this::work));
            }
            work();
        } catch (Throwable t) {
            // Only starting a helper can throw here (work() keeps its own failures): stop the rest.
            failure.compareAndSet(null, t);
            stop.set(true);
        } finally {
            joinAll(helpers);
        }

        int done = inserted.get();
        if (done < total) {
            state.abandoned(total - done);
        }
        if (done > 0) {
            state.insertsDone(done, done == total && total >= REPAIR_MIN_BATCH);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException("bulk insert failed", thrown);
        }
        if (done < total) {
            throw new CancellationException("bulk insert cancelled after " + done + " of " + total
                    + " vectors; those stay in the index");
        }
    }

    private void work() {
        try {
            int total = batch.size();
            int start;
            while (!stop.get() && (start = nextClaim.getAndAdd(CLAIM_SIZE)) < total) {
                int end = Math.min(start + CLAIM_SIZE, total);
                for (int i = start; i < end; i++) {
                    if (batch.storedIn() != null) {
                        state.insertStored(first + i, batch.id(i), batch.storedIn(), batch.storedNode(i));
                    } else {
                        state.insert(first + i, batch.id(i), batch.array(i), batch.offset(i), batch.scale(i));
                    }
                    inserted.incrementAndGet();
                }
                report(total);
                if (caller.isInterrupted()) {
                    stop.set(true);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            stop.set(true);
        }
    }

    private void report(int total) {
        synchronized (lastReported) {
            int done = inserted.get();
            if (done > lastReported[0]) {
                lastReported[0] = done;
                progress.onProgress(done, total);
            }
        }
    }

    /** Waits for the helpers even if interrupted meanwhile, then restores the interrupt flag. */
    private void joinAll(List<Thread> helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.set(true);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
