package io.hnswbench.workbench.cli;

import picocli.CommandLine.Option;

/** {@code --threads}, for the verbs that spread work over cores. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    int threadCount() {
        int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (count <= 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + count);
        }
        return count;
    }
}
