package io.hnswbench.datasets;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The record layout shared by {@code .fvecs}, {@code .ivecs} and {@code .bvecs}: each record is a
 * little-endian int32 dimension followed by that many components. Validation walks every record's
 * dimension in the mapped file before anything is allocated, so a bad file is refused with no
 * allocation larger than the file.
 */
final class TexmexRecords implements AutoCloseable {

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena;
    private final MemorySegment file;
    private final int rows;
    private final int dimension;
    private final long recordBytes;

    private TexmexRecords(Arena arena, MemorySegment file, int rows, int dimension, long recordBytes) {
        this.arena = arena;
        this.file = file;
        this.rows = rows;
        this.dimension = dimension;
        this.recordBytes = recordBytes;
    }

    /**
     * Maps and validates a record file whose components take {@code componentBytes} bytes each.
     *
     * @param kind names the format in messages, e.g. {@code "fvecs"}
     */
    static TexmexRecords open(Path path, int componentBytes, String kind) throws IOException {
        Arena arena = Arena.ofConfined();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            MemorySegment file = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            TexmexRecords records = validate(path, file, size, componentBytes, kind, arena);
            return records;
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static TexmexRecords validate(Path path, MemorySegment file, long size, int componentBytes, String kind,
                                          Arena arena) throws DatasetFormatException {
        if (size == 0) {
            throw new DatasetFormatException(path, "empty ." + kind + " file: it has no record, so no dimension");
        }
        if (size < Integer.BYTES) {
            throw new DatasetFormatException(path, "truncated ." + kind + " file: " + size
                    + " bytes, less than the 4-byte dimension of the first record");
        }
        int dimension = file.get(INT, 0);
        if (dimension <= 0) {
            throw new DatasetFormatException(path, "record 0 claims dimension " + dimension
                    + "; a ." + kind + " record starts with a positive int32 dimension (is this a ." + kind + " file?)");
        }
        long recordBytes = Integer.BYTES + (long) dimension * componentBytes;
        if (recordBytes > size) {
            throw new DatasetFormatException(path, "record 0 claims " + dimension + " components (" + recordBytes
                    + " bytes) but the file holds only " + size + " bytes");
        }
        long wholeRecords = size / recordBytes;
        for (long record = 1; record < wholeRecords; record++) {
            int recordDimension = file.get(INT, record * recordBytes);
            if (recordDimension != dimension) {
                throw new DatasetFormatException(path, "record " + record + " has dimension " + recordDimension
                        + " but record 0 has " + dimension + "; every record of a ." + kind
                        + " file must have the same dimension");
            }
        }
        long leftover = size - wholeRecords * recordBytes;
        if (leftover != 0) {
            throw new DatasetFormatException(path, "truncated: record " + wholeRecords + " has only " + leftover
                    + " of its " + recordBytes + " bytes (" + wholeRecords + " whole records of dimension " + dimension
                    + " precede it)");
        }
        if (wholeRecords > Integer.MAX_VALUE) {
            throw new DatasetFormatException(path, wholeRecords + " records are more than one set can hold");
        }
        try {
            VectorMatrix.checkedSize(wholeRecords, dimension);
        } catch (IllegalArgumentException tooLarge) {
            throw new DatasetFormatException(path, tooLarge.getMessage());
        }
        return new TexmexRecords(arena, file, (int) wholeRecords, dimension, recordBytes);
    }

    int rows() {
        return rows;
    }

    int dimension() {
        return dimension;
    }

    /** Where the components of {@code row} start in {@link #file()}. */
    long componentsOffset(int row) {
        return row * recordBytes + Integer.BYTES;
    }

    MemorySegment file() {
        return file;
    }

    @Override
    public void close() {
        arena.close();
    }
}
