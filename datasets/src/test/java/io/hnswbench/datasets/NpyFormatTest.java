package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy reader against files NumPy wrote (see src/test/resources/npy/make_fixtures.py), and the writer. */
class NpyFormatTest {

    @TempDir
    Path folder;

    @Test
    void npyRoundTripKeepsEveryVector() throws IOException {
        VectorMatrix vectors = Fixtures.gaussianMatrix(5, 123, 9);
        Path file = folder.resolve("vectors.npy");

        NpyFormat.write(file, vectors);
        VectorMatrix read = NpyFormat.read(file);

        assertEquals(123, read.rows());
        assertEquals(9, read.dimension());
        TexmexFormatTest.assertBitwiseEqual(vectors.data(), read.data());
    }

    @Test
    void writtenHeaderFollowsTheNpyFormatSpecification() throws IOException {
        Path file = folder.resolve("small.npy");

        NpyFormat.write(file, Fixtures.lcgMatrix(7, 5, 3));

        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, java.util.Arrays.copyOf(bytes, 8));
        int headerLength = Byte.toUnsignedInt(bytes[8]) | Byte.toUnsignedInt(bytes[9]) << 8;
        int dataStart = 10 + headerLength;
        assertEquals(0, dataStart % 64, "the data starts on a 64-byte boundary");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5, 3), }"), header);
        assertTrue(header.endsWith("\n"), "the header ends with a newline");
        assertEquals(dataStart + 5 * 3 * 4, bytes.length);
    }

    @Test
    void readsLittleEndianFloat32WrittenByNumpy() throws IOException {
        VectorMatrix read = NpyFormat.read(Fixtures.resource("npy/lcg7-5x3-f4.npy"));

        assertEquals(5, read.rows());
        assertEquals(3, read.dimension());
        TexmexFormatTest.assertBitwiseEqual(Fixtures.lcgMatrix(7, 5, 3).data(), read.data());
    }

    @Test
    void readsBigEndianFloat64WrittenByNumpy() throws IOException {
        VectorMatrix read = NpyFormat.read(Fixtures.resource("npy/lcg8-4x6-f8-big-endian.npy"));

        assertEquals(4, read.rows());
        assertEquals(6, read.dimension());
        TexmexFormatTest.assertBitwiseEqual(Fixtures.lcgMatrix(8, 4, 6).data(), read.data());
    }

    @Test
    void readsFormatVersion2WrittenByNumpy() throws IOException {
        VectorMatrix read = NpyFormat.read(Fixtures.resource("npy/lcg9-3x2-f4-version2.npy"));

        TexmexFormatTest.assertBitwiseEqual(Fixtures.lcgMatrix(9, 3, 2).data(), read.data());
    }

    @Test
    void refusesFortranOrderSayingHowToFixIt() {
        Path file = Fixtures.resource("npy/fortran-order-3x2.npy");

        DatasetFormatException refused = assertThrows(DatasetFormatException.class, () -> NpyFormat.read(file));

        assertTrue(refused.getMessage().contains("Fortran") && refused.getMessage().contains("ascontiguousarray"),
                refused.getMessage());
        assertEquals(file, refused.path());
    }

    @Test
    void refusesIntegerElements() {
        Path file = Fixtures.resource("npy/int32-3x2.npy");

        DatasetFormatException refused = assertThrows(DatasetFormatException.class, () -> NpyFormat.read(file));

        assertTrue(refused.getMessage().contains("<i4") && refused.getMessage().contains("float32"),
                refused.getMessage());
    }

    @Test
    void refusesAOneDimensionalArray() {
        Path file = Fixtures.resource("npy/one-dimensional-5.npy");

        DatasetFormatException refused = assertThrows(DatasetFormatException.class, () -> NpyFormat.read(file));

        assertTrue(refused.getMessage().contains("2-D"), refused.getMessage());
    }
}
