package io.hnswbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the little-endian TEXMEX files of the shared datasets ({@code .fvecs}, {@code .ivecs}):
 * each record is an int32 count followed by that many values. Test support only; the product's
 * readers live in the datasets module.
 */
public final class TexmexFiles {

    private TexmexFiles() {
    }

    /** All records of an {@code .fvecs} file, one array each. */
    public static float[][] readFvecs(Path file, int limit) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int dimension = bytes.getInt(0);
        int records = bytes.capacity() / (4 + 4 * dimension);
        int count = Math.min(records, limit);
        float[][] vectors = new float[count][dimension];
        for (int r = 0; r < count; r++) {
            int recordDimension = bytes.getInt();
            if (recordDimension != dimension) {
                throw new IOException(file + ": record " + r + " has dimension " + recordDimension + ", expected " + dimension);
            }
            bytes.asFloatBuffer().get(vectors[r]);
            bytes.position(bytes.position() + 4 * dimension);
        }
        return vectors;
    }

    /** All records of an {@code .ivecs} file, one array each. */
    public static int[][] readIvecs(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int width = bytes.getInt(0);
        int records = bytes.capacity() / (4 + 4 * width);
        int[][] rows = new int[records][width];
        for (int r = 0; r < records; r++) {
            bytes.getInt();
            bytes.asIntBuffer().get(rows[r]);
            bytes.position(bytes.position() + 4 * width);
        }
        return rows;
    }
}
