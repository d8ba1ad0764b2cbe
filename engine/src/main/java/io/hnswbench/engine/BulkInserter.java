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
 * vectors inserted so far stay, and the call throws {@link CancellationException}.
 */
final class BulkInserter {

    /** Vectors a thread claims at once: big enough to keep the counter cold, small to balance the end. */
    private static final int CLAIM_SIZE = 32;
    /**
     * Batches at least this large end with a connectivity repair: its graph walk costs about as
     * much as a few hundred inserts, too much after each single add.
     */
    static final int REPAIR_MIN_BATCH = 256;

    private BulkInserter() {
    }

    static void insertAll(IndexState state, VectorBatch batch, int threads, BuildProgressListener progress) {
        int total = batch.size();
        if (total == 0) {
            return;
        }
        int first = state.graph.nodes.allocate(total);
        AtomicInteger nextClaim = new AtomicInteger();
        AtomicInteger inserted = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();

        Runnable work = () -> {
            try {
                int start;
                while (!stop.get() && (start = nextClaim.getAndAdd(CLAIM_SIZE)) < total) {
                    int end = Math.min(start + CLAIM_SIZE, total);
                    for (int i = start; i < end; i++) {
                        state.insert(first + i, batch.id(i), batch.array(i), batch.offset(i), batch.scale(i));
                    }
                    progress.onProgress(inserted.addAndGet(end - start), total);
                    if (caller.isInterrupted()) {
                        stop.set(true);
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                stop.set(true);
            }
        };

        List<Thread> helpers = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            helpers.add(Thread.ofPlatform().name("hnsw-build-" + t).daemon().start(work));
        }
        work.run();
        joinAll(helpers, stop);

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
        if (inserted.get() == total && total >= REPAIR_MIN_BATCH) {
            state.repairConnectivity();
        }
        if (inserted.get() < total) {
            throw new CancellationException("bulk insert cancelled after " + inserted.get() + " of " + total
                    + " vectors; those stay in the index");
        }
    }

    /** Waits for the helpers even if interrupted meanwhile, then restores the interrupt flag. */
    private static void joinAll(List<Thread> helpers, AtomicBoolean stop) {
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
        if (interrupted || Thread.currentThread().isInterrupted()) {
            Thread.currentThread().interrupt();
        }
    }
}
