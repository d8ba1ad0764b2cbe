package io.hnswbench.engine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index file that cannot be read: {@link #problem()} says why, {@link #path()} which file.
 * {@link HnswIndex#load} and {@link HnswIndex#open} check a file completely before they return an
 * index, so a damaged file gives this exception, never a wrong index, an {@link OutOfMemoryError}
 * or a crash. The format is described in {@code docs/FORMAT.md}.
 */
public final class IndexFileException extends IOException {

    /** What is wrong with the file. */
    public enum Problem {
        /** The file does not start with the index magic number: it is not an index file. */
        NOT_AN_INDEX,
        /** The file is an index of a format version this library cannot read. */
        UNSUPPORTED_VERSION,
        /** The file ends before the data its header describes: cut short while copying or saving. */
        TRUNCATED,
        /** A part of the file does not match the CRC32C stored for it: its bytes were changed. */
        CHECKSUM_MISMATCH,
        /** The checksums hold but the contents contradict each other (a value out of range, a link to no node). */
        INVALID
    }

    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final transient Path path;

    IndexFileException(Problem problem, Path path, String detail) {
        super(describe(problem) + ": " + detail + " (" + path + ")");
        this.problem = problem;
        this.path = path;
    }

    public Problem problem() {
        return problem;
    }

    public Path path() {
        return path;
    }

    private static String describe(Problem problem) {
        return switch (problem) {
            case NOT_AN_INDEX -> "not an HNSW index file";
            case UNSUPPORTED_VERSION -> "unsupported index file version";
            case TRUNCATED -> "truncated index file";
            case CHECKSUM_MISMATCH -> "index file checksum mismatch";
            case INVALID -> "invalid index file";
        };
    }
}
