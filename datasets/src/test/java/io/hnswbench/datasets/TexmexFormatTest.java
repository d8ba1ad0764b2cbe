package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TexmexFormatTest {

    @TempDir
    Path folder;

    @Test
    void fvecsRoundTripKeepsEveryVector() throws IOException {
        VectorMatrix random = Fixtures.gaussianMatrix(11, 300, 17);
        float[] data = random.data().clone();
        // Values a careless writer could change: signed zero, the smallest subnormal, the extremes.
        data[0] = -0.0f;
        data[1] = Float.MIN_VALUE;
        data[2] = -Float.MAX_VALUE;
        data[3] = Float.MAX_VALUE;
        data[4] = Float.MIN_NORMAL;
        VectorMatrix vectors = VectorMatrix.wrap(data, 300, 17);
        Path file = folder.resolve("vectors.fvecs");

        TexmexFormat.writeFvecs(file, vectors);
        VectorMatrix read = TexmexFormat.readFvecs(file);

        assertEquals(300, read.rows());
        assertEquals(17, read.dimension());
        assertBitwiseEqual(data, read.data());
        assertEquals(300L * (4 + 17 * 4), Files.size(file), "one int32 dimension + 17 float32 per record");
    }

    @Test
    void ivecsRoundTripKeepsEveryRow() throws IOException {
        int[] data = new int[40 * 7];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 7919 - 1000;
        }
        data[0] = Integer.MIN_VALUE;
        data[1] = Integer.MAX_VALUE;
        data[2] = -1;
        Path file = folder.resolve("rows.ivecs");

        TexmexFormat.writeIvecs(file, IntMatrix.wrap(data, 40, 7));
        IntMatrix read = TexmexFormat.readIvecs(file);

        assertEquals(40, read.rows());
        assertEquals(7, read.columns());
        assertArrayEquals(data, read.data());
    }

    @Test
    void bvecsRoundTripKeepsEveryByteValue() throws IOException {
        float[] data = new float[256 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 37) % 256;
        }
        Path file = folder.resolve("bytes.bvecs");

        TexmexFormat.writeBvecs(file, VectorMatrix.wrap(data, 256, 3));
        VectorMatrix read = TexmexFormat.readBvecs(file);

        assertEquals(256, read.rows());
        assertEquals(3, read.dimension());
        assertArrayEquals(data, read.data(), "bytes 128..255 read as unsigned 128..255, not negative");
        assertEquals(256L * (4 + 3), Files.size(file));
    }

    @Test
    void bvecsWriterRefusesWhatAByteCannotHold() {
        for (float bad : new float[] {256f, -1f, 1.5f, Float.NaN}) {
            VectorMatrix vectors = VectorMatrix.of(new float[] {0f, 1f}, new float[] {2f, bad});
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> TexmexFormat.writeBvecs(folder.resolve("bad.bvecs"), vectors));
            assertTrue(refused.getMessage().contains("vector 1") && refused.getMessage().contains("position 1"),
                    refused.getMessage());
        }
    }

    @Test
    void readsFvecsLaidOutByHandAsLittleEndianRecords() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(3).floats(1.5f, -2f, 0.25f)
                .ints(3).floats(7f, 8f, 9f)
                .writeTo(folder.resolve("hand.fvecs"));

        VectorMatrix read = TexmexFormat.readFvecs(file);

        assertEquals(2, read.rows());
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, read.row(0));
        assertArrayEquals(new float[] {7f, 8f, 9f}, read.row(1));
    }

    @Test
    void writtenFvecsAreLittleEndianRecordsByteForByte() throws IOException {
        Path file = folder.resolve("written.fvecs");

        TexmexFormat.writeFvecs(file, VectorMatrix.of(new float[] {1.5f, -2f}, new float[] {0f, 3f}));

        byte[] expected = new Fixtures.LittleEndianBytes().ints(2).floats(1.5f, -2f).ints(2).floats(0f, 3f).toArray();
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void writingReplacesAnExistingLongerFile() throws IOException {
        Path file = folder.resolve("replaced.fvecs");
        TexmexFormat.writeFvecs(file, Fixtures.gaussianMatrix(1, 50, 4));

        TexmexFormat.writeFvecs(file, Fixtures.gaussianMatrix(2, 3, 4));

        assertEquals(3, TexmexFormat.readFvecs(file).rows(), "no records of the old file are left behind");
    }

    static void assertBitwiseEqual(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                    "component " + i + ": expected " + expected[i] + ", read " + actual[i]);
        }
    }
}
