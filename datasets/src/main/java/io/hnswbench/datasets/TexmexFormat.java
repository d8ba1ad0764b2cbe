package io.hnswbench.datasets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TEXMEX formats of the classic ANN benchmarks (SIFT1M, GIST1M, SIFT1B): {@code .fvecs}
 * (float32 vectors), {@code .ivecs} (int32 rows, e.g. ground-truth ids) and {@code .bvecs} (uint8
 * vectors, read as floats 0…255). Every record is a little-endian int32 dimension followed by its
 * components; all records of a file have the same dimension.
 */
public final class TexmexFormat {

    private static final int WRITE_BUFFER_BYTES = 1 << 16;

    private TexmexFormat() {
    }

    /** Reads a {@code .fvecs} file. */
    public static VectorMatrix readFvecs(Path path) throws IOException {
        try (TexmexRecords records = TexmexRecords.open(path, Float.BYTES, "fvecs")) {
            int dimension = records.dimension();
            float[] data = new float[records.rows() * dimension];
            for (int row = 0; row < records.rows(); row++) {
                MemorySegment.copy(records.file(), TexmexRecords.FLOAT, records.componentsOffset(row),
                        data, row * dimension, dimension);
            }
            return checkedFinite(path, VectorMatrix.wrap(data, records.rows(), dimension));
        }
    }

    /** Reads a {@code .ivecs} file. */
    public static IntMatrix readIvecs(Path path) throws IOException {
        try (TexmexRecords records = TexmexRecords.open(path, Integer.BYTES, "ivecs")) {
            int columns = records.dimension();
            int[] data = new int[records.rows() * columns];
            for (int row = 0; row < records.rows(); row++) {
                MemorySegment.copy(records.file(), TexmexRecords.INT, records.componentsOffset(row),
                        data, row * columns, columns);
            }
            return IntMatrix.wrap(data, records.rows(), columns);
        }
    }

    /** Reads a {@code .bvecs} file; each unsigned byte becomes a float in 0…255. */
    public static VectorMatrix readBvecs(Path path) throws IOException {
        try (TexmexRecords records = TexmexRecords.open(path, Byte.BYTES, "bvecs")) {
            int dimension = records.dimension();
            float[] data = new float[records.rows() * dimension];
            byte[] record = new byte[dimension];
            for (int row = 0; row < records.rows(); row++) {
                MemorySegment.copy(records.file(), ValueLayout.JAVA_BYTE, records.componentsOffset(row),
                        record, 0, dimension);
                int base = row * dimension;
                for (int i = 0; i < dimension; i++) {
                    data[base + i] = Byte.toUnsignedInt(record[i]);
                }
            }
            return VectorMatrix.wrap(data, records.rows(), dimension);
        }
    }

    /** Writes {@code vectors} as a {@code .fvecs} file, replacing any file at {@code path}. */
    public static void writeFvecs(Path path, VectorMatrix vectors) throws IOException {
        int dimension = vectors.dimension();
        try (RecordWriter out = new RecordWriter(path, Integer.BYTES + dimension * Float.BYTES)) {
            float[] data = vectors.data();
            for (int row = 0; row < vectors.rows(); row++) {
                ByteBuffer record = out.startRecord(dimension);
                record.asFloatBuffer().put(data, row * dimension, dimension);
                out.finishRecord();
            }
        }
    }

    /** Writes {@code rows} as a {@code .ivecs} file, replacing any file at {@code path}. */
    public static void writeIvecs(Path path, IntMatrix rows) throws IOException {
        int columns = rows.columns();
        try (RecordWriter out = new RecordWriter(path, Integer.BYTES + columns * Integer.BYTES)) {
            int[] data = rows.data();
            for (int row = 0; row < rows.rows(); row++) {
                ByteBuffer record = out.startRecord(columns);
                record.asIntBuffer().put(data, row * columns, columns);
                out.finishRecord();
            }
        }
    }

    /**
     * Writes {@code vectors} as a {@code .bvecs} file, replacing any file at {@code path}.
     *
     * @throws IllegalArgumentException if a component is not a whole number in 0…255
     */
    public static void writeBvecs(Path path, VectorMatrix vectors) throws IOException {
        int dimension = vectors.dimension();
        float[] data = vectors.data();
        for (int i = 0; i < data.length; i++) {
            float component = data[i];
            if (!(component >= 0 && component <= 255 && component == Math.rint(component))) {
                throw new IllegalArgumentException("vector " + i / dimension + " has component " + component
                        + " at position " + i % dimension + "; .bvecs holds whole numbers 0..255 only");
            }
        }
        try (RecordWriter out = new RecordWriter(path, Integer.BYTES + dimension)) {
            for (int row = 0; row < vectors.rows(); row++) {
                ByteBuffer record = out.startRecord(dimension);
                for (int i = 0; i < dimension; i++) {
                    record.put((byte) data[row * dimension + i]);
                }
                out.finishRecord();
            }
        }
    }

    /** NaN or infinity in a dataset would only surface later as a rejected insert; say it here. */
    static VectorMatrix checkedFinite(Path path, VectorMatrix vectors) throws DatasetFormatException {
        float[] data = vectors.data();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new DatasetFormatException(path, "vector " + i / vectors.dimension() + " has "
                        + (Float.isNaN(data[i]) ? "a NaN" : "an infinite") + " component at position "
                        + i % vectors.dimension());
            }
        }
        return vectors;
    }

    /** One reusable little-endian record buffer in front of a buffered file stream. */
    private static final class RecordWriter implements AutoCloseable {
        private final OutputStream out;
        private final ByteBuffer record;

        RecordWriter(Path path, int recordBytes) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(path), WRITE_BUFFER_BYTES);
            this.record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Clears the buffer, writes the dimension and returns the buffer positioned after it. */
        ByteBuffer startRecord(int dimension) {
            record.clear();
            record.putInt(dimension);
            return record.slice().order(ByteOrder.LITTLE_ENDIAN);
        }

        void finishRecord() throws IOException {
            out.write(record.array(), 0, record.capacity());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

