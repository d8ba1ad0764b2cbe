package io.hnswbench.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset file or folder that cannot be read as what it claims to be: a record whose dimension
 * differs from the first one, a truncated record, a header that claims more data than the file
 * holds, ground-truth ids outside the base set, a metric the engine does not know. The message
 * names the file and, where there is one, the record.
 */
public final class DatasetFormatException extends IOException {

    private final transient Path path;

    public DatasetFormatException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public DatasetFormatException(Path path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    /** The file or folder at fault. */
    public Path path() {
        return path;
    }
}
