package io.hnswbench.datasets;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Heap bytes the current thread allocates during one call, from HotSpot's per-thread allocation
 * counter ({@code com.sun.management.ThreadMXBean}). It counts every object and array the call
 * creates, whether or not it is still reachable afterwards.
 */
final class AllocationMeter {

    /** What a refused read may allocate besides the file's own size: exception, message, stack trace, mapping. */
    static final long ALLOWANCE_BYTES = 256 * 1024;

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    private AllocationMeter() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM has no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off in this JVM");
        return threads;
    }

    /** Bytes allocated by the current thread while {@code call} runs; an exception it throws is swallowed. */
    static long bytesAllocatedBy(Call call) {
        com.sun.management.ThreadMXBean threads = threads();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            call.run();
        } catch (Exception | OutOfMemoryError expected) {
            // The caller checks the exception separately; here only the allocation counts.
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
