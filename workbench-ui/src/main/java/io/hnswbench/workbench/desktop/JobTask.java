package io.hnswbench.workbench.desktop;

import javafx.concurrent.Task;

/**
 * A {@link Task} whose progress the library listeners (dataset creation, index build, sweep) can
 * report from any thread: {@link Task}'s own update methods are protected, and these pass on to
 * them (which coalesce the updates for the FX thread).
 */
abstract class JobTask<T> extends Task<T> {

    /** Shows {@code message} as what the job is doing now. */
    public final void say(String message) {
        updateMessage(message);
    }

    /** Shows {@code what} with {@code done} of {@code total} units; a total of 0 shows a busy bar. */
    public final void progress(String what, long done, long total) {
        updateMessage(what);
        if (total > 0) {
            updateProgress(done, total);
        } else {
            updateProgress(-1, 1);
        }
    }
}
