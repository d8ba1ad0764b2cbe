package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed input is refused with a {@link DatasetFormatException} whose message names the
 * file and the problem, and no refusal allocates more than the input's size plus a small fixed
 * allowance ({@link AllocationMeter#ALLOWANCE_BYTES}): several inputs claim 1 GiB in a file of a
 * few bytes, so a reader that trusted the header would blow the bound by four orders of magnitude.
 */
class MalformedInputTest {

    /** A header claiming this many float32 values claims 1 GiB. */
    private static final int ONE_GIB_OF_FLOATS = 1 << 28;

    @TempDir
    Path folder;

    @Test
    void allocationMeterSeesALargeArray() {
        long bytes = AllocationMeter.bytesAllocatedBy(() -> {
            float[] claimed = new float[4 << 20];
            claimed[claimed.length - 1] = 1;
        });

        assertTrue(bytes >= 16L << 20, "the meter must see a 16 MiB array, saw " + bytes + " bytes");
        assertTrue(bytes > AllocationMeter.ALLOWANCE_BYTES, "an allocation of the claimed size exceeds the allowance");
    }

    // ---- .fvecs / .ivecs / .bvecs

    @Test
    void fvecsDimensionChangingBetweenRecordsIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(4).floats(1, 2, 3, 4)
                .ints(4).floats(5, 6, 7, 8)
                .ints(5).floats(9, 10, 11, 12)
                .writeTo(folder.resolve("changing.fvecs"));

        assertRefused(file, () -> TexmexFormat.readFvecs(file), "record 2 has dimension 5", "record 0 has 4");
    }

    @Test
    void ivecsDimensionChangingBetweenRecordsIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(2, 10, 11)
                .ints(3, 12, 13)
                .writeTo(folder.resolve("changing.ivecs"));

        assertRefused(file, () -> TexmexFormat.readIvecs(file), "record 1 has dimension 3", "record 0 has 2");
    }

    @Test
    void fvecsTruncatedRecordIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(4).floats(1, 2, 3, 4)
                .ints(4).floats(5, 6, 7, 8)
                .ints(4).floats(9)
                .writeTo(folder.resolve("cut.fvecs"));

        assertRefused(file, () -> TexmexFormat.readFvecs(file), "truncated", "record 2 has only 8 of its 20 bytes");
    }

    @Test
    void bvecsTruncatedRecordIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(3).bytes((byte) 1, (byte) 2, (byte) 3)
                .ints(3).bytes((byte) 4)
                .writeTo(folder.resolve("cut.bvecs"));

        assertRefused(file, () -> TexmexFormat.readBvecs(file), "truncated", "record 1 has only 5 of its 7 bytes");
    }

    @Test
    void fvecsFirstRecordClaimingOneGibIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(ONE_GIB_OF_FLOATS).floats(1, 2, 3)
                .writeTo(folder.resolve("huge-claim.fvecs"));

        assertRefused(file, () -> TexmexFormat.readFvecs(file), "record 0 claims " + ONE_GIB_OF_FLOATS,
                "holds only 16 bytes");
    }

    @Test
    void ivecsFirstRecordClaimingOneGibIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes().ints(ONE_GIB_OF_FLOATS, 7).writeTo(folder.resolve("huge.ivecs"));

        assertRefused(file, () -> TexmexFormat.readIvecs(file), "record 0 claims " + ONE_GIB_OF_FLOATS);
    }

    @Test
    void bvecsFirstRecordClaimingOneGibIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes().ints(1 << 30).bytes((byte) 1)
                .writeTo(folder.resolve("huge.bvecs"));

        assertRefused(file, () -> TexmexFormat.readBvecs(file), "record 0 claims " + (1 << 30));
    }

    @Test
    void fvecsWithNegativeFirstDimensionIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes().ints(-4).floats(1, 2, 3, 4)
                .writeTo(folder.resolve("negative.fvecs"));

        assertRefused(file, () -> TexmexFormat.readFvecs(file), "record 0 claims dimension -4");
    }

    @Test
    void emptyTexmexFilesAreRefused() throws IOException {
        Path fvecs = Files.createFile(folder.resolve("empty.fvecs"));
        Path ivecs = Files.createFile(folder.resolve("empty.ivecs"));
        Path bvecs = Files.createFile(folder.resolve("empty.bvecs"));

        assertRefused(fvecs, () -> TexmexFormat.readFvecs(fvecs), "empty .fvecs file");
        assertRefused(ivecs, () -> TexmexFormat.readIvecs(ivecs), "empty .ivecs file");
        assertRefused(bvecs, () -> TexmexFormat.readBvecs(bvecs), "empty .bvecs file");
    }

    @Test
    void fvecsShorterThanOneDimensionFieldIsRefused() throws IOException {
        Path file = Files.write(folder.resolve("two-bytes.fvecs"), new byte[] {4, 0});

        assertRefused(file, () -> TexmexFormat.readFvecs(file), "truncated", "2 bytes");
    }

    @Test
    void fvecsNaNComponentIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(3).floats(1, 2, 3)
                .ints(3).floats(4, Float.NaN, 6)
                .writeTo(folder.resolve("nan.fvecs"));

        assertRefused(file, () -> TexmexFormat.readFvecs(file), "vector 1 has a NaN component at position 1");
    }

    @Test
    void fvecsInfiniteComponentIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .ints(2).floats(1, 2)
                .ints(2).floats(3, 4)
                .ints(2).floats(Float.NEGATIVE_INFINITY, 6)
                .writeTo(folder.resolve("infinite.fvecs"));

        assertRefused(file, () -> TexmexFormat.readFvecs(file), "vector 2 has an infinite component at position 0");
    }

    // ---- .npy

    @Test
    void npyShapeClaimingOneGibIsRefused() throws IOException {
        Path file = npy("huge-shape.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (67108864, 4), }",
                new float[16]);

        assertRefused(file, () -> NpyFormat.read(file), "truncated", "(67108864, 4)", "needs 1073741824 data bytes",
                "the file holds 64");
    }

    @Test
    void npyShapeOneRowLongerThanTheDataIsRefused() throws IOException {
        Path file = npy("one-row-short.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }",
                new float[8]);

        assertRefused(file, () -> NpyFormat.read(file), "truncated", "needs 48 data bytes", "the file holds 32");
    }

    @Test
    void npyShapeWhoseByteCountOverflowsALongIsRefused() throws IOException {
        // 2^62 rows x 4 columns x 4 bytes is 2^66 bytes: the product wraps to 0 in a long.
        Path file = npy("overflowing-shape.npy",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", new float[4]);

        assertRefused(file, () -> NpyFormat.read(file), "4611686018427387904");
    }

    @Test
    void npyNegativeRowCountIsRefused() throws IOException {
        Path file = npy("negative-rows.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 4), }",
                new float[4]);

        assertRefused(file, () -> NpyFormat.read(file), "shape [-1, 4]");
    }

    @Test
    void npyHeaderLongerThanTheFileIsRefused() throws IOException {
        Path file = new Fixtures.LittleEndianBytes()
                .bytes((byte) 0x93).ascii("NUMPY").bytes((byte) 1, (byte) 0, (byte) 0xE8, (byte) 0x03)
                .ascii("{'descr': '<f4', ")
                .writeTo(folder.resolve("cut-header.npy"));

        assertRefused(file, () -> NpyFormat.read(file), "truncated", "the header claims 1000 bytes");
    }

    @Test
    void npyNaNComponentIsRefused() throws IOException {
        Path file = npy("nan.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }",
                new float[] {1, 2, 3, Float.NaN});

        assertRefused(file, () -> NpyFormat.read(file), "vector 1 has a NaN component at position 1");
    }

    @Test
    void emptyNpyFileIsRefused() throws IOException {
        Path file = Files.createFile(folder.resolve("empty.npy"));

        assertRefused(file, () -> NpyFormat.read(file), "not a .npy file");
    }

    // ---- ann-benchmarks HDF5

    @Test
    void hdf5DatasetClaimingOneGibIsRefused() throws IOException {
        Path file = Fixtures.resource("ann-benchmarks/train-claims-1gib.hdf5");

        assertRefused(file, () -> AnnBenchmarksFile.read(file), "'train' claims 134217728 x 2 values",
                "more than the " + Files.size(file) + "-byte file holds");
    }

    @Test
    void hdf5FileCutShortOfItsDataIsRefused() throws IOException {
        Path file = Fixtures.resource("ann-benchmarks/train-truncated.hdf5");

        assertRefused(file, () -> AnnBenchmarksFile.read(file), "'train' claims 65536 x 4 values");
    }

    @Test
    void hdf5NeighborIdOutsideTheTrainSetIsRefused() {
        Path file = Fixtures.resource("ann-benchmarks/neighbor-out-of-range.hdf5");

        assertRefused(file, () -> AnnBenchmarksFile.read(file), "neighbour id 60 of query 3",
                "outside the base set 0..59");
    }

    @Test
    void hdf5NaNComponentIsRefused() {
        Path file = Fixtures.resource("ann-benchmarks/nan-in-train.hdf5");

        assertRefused(file, () -> AnnBenchmarksFile.read(file), "vector 5 has a NaN component at position 3");
    }

    @Test
    void emptyHdf5FileIsRefused() throws IOException {
        Path file = Files.createFile(folder.resolve("empty.hdf5"));

        assertRefused(file, () -> AnnBenchmarksFile.read(file), "not a readable HDF5 file");
    }

    @Test
    void fileThatIsNotHdf5IsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("text.hdf5"), "train,test\n1,2\n".repeat(100));

        assertRefused(file, () -> AnnBenchmarksFile.read(file), "not a readable HDF5 file");
    }

    // ---- dataset folders

    @Test
    void groundTruthIdOutsideTheBaseSetIsRefusedByDatasetFolderLoad() throws IOException {
        Path dataset = smallFolder("bad-ids");
        int[] ids = {0, 1, 2, 3, 4, 5, 1, 2};
        TexmexFormat.writeIvecs(dataset.resolve(DatasetFolder.GROUND_TRUTH), IntMatrix.wrap(ids, 4, 2));
        Files.delete(dataset.resolve(DatasetFolder.GROUND_TRUTH_DISTANCES));

        Path groundTruth = dataset.resolve(DatasetFolder.GROUND_TRUTH);
        assertRefused(groundTruth, folderBytes(dataset), () -> DatasetFolder.load(dataset), "5", "query 2",
                "0..4");
        assertRefused(groundTruth, folderBytes(dataset), () -> Dataset.load(dataset), "5", "query 2", "0..4");
    }

    @Test
    void negativeGroundTruthIdIsRefused() throws IOException {
        Path dataset = smallFolder("negative-id");
        int[] ids = {0, 1, 2, 3, -1, 0, 1, 2};
        TexmexFormat.writeIvecs(dataset.resolve(DatasetFolder.GROUND_TRUTH), IntMatrix.wrap(ids, 4, 2));

        assertRefused(dataset.resolve(DatasetFolder.GROUND_TRUTH), folderBytes(dataset),
                () -> DatasetFolder.load(dataset), "-1", "query 2");
    }

    @Test
    void groundTruthDistancesOfAnotherShapeAreRefused() throws IOException {
        Path dataset = smallFolder("bad-distances");
        TexmexFormat.writeFvecs(dataset.resolve(DatasetFolder.GROUND_TRUTH_DISTANCES),
                Fixtures.gaussianMatrix(1, 4, 3));

        assertRefused(dataset.resolve(DatasetFolder.GROUND_TRUTH_DISTANCES), folderBytes(dataset),
                () -> DatasetFolder.load(dataset), "4 x 3", "4 x 2");
    }

    @Test
    void metricTheEngineDoesNotKnowIsRefused() throws IOException {
        Path dataset = smallFolder("hamming");
        Path meta = dataset.resolve(DatasetFolder.META);
        Files.writeString(meta, Files.readString(meta).replace("\"l2\"", "\"hamming\""));

        assertRefused(meta, folderBytes(dataset), () -> DatasetFolder.load(dataset), "unknown metric 'hamming'",
                "cosine", "l2", "inner_product");
        assertRefused(meta, folderBytes(dataset), () -> DatasetFolder.readMeta(dataset), "unknown metric 'hamming'");
    }

    @Test
    void emptyMetaJsonIsRefused() throws IOException {
        Path dataset = smallFolder("empty-meta");
        Path meta = dataset.resolve(DatasetFolder.META);
        Files.write(meta, new byte[0]);

        assertRefused(meta, folderBytes(dataset), () -> DatasetFolder.load(dataset), "not valid dataset metadata");
    }

    @Test
    void metaJsonCountsThatDisagreeWithTheFilesAreRefused() throws IOException {
        Path dataset = smallFolder("wrong-count");
        Path meta = dataset.resolve(DatasetFolder.META);
        Files.writeString(meta, Files.readString(meta).replaceAll("\"base_count\"\\s*:\\s*5", "\"base_count\" : 6"));

        DatasetFormatException refused = assertThrows(DatasetFormatException.class, () -> DatasetFolder.load(dataset));
        assertTrue(refused.getMessage().contains("base count is 5 but meta.json says 6"), refused.getMessage());
    }

    @Test
    void folderWithoutMetaJsonIsNotADataset() throws IOException {
        Path empty = Files.createDirectory(folder.resolve("no-meta"));

        DatasetFormatException refused = assertThrows(DatasetFormatException.class, () -> DatasetFolder.load(empty));

        assertTrue(refused.getMessage().contains("not a dataset folder") && refused.getMessage().contains("meta.json"),
                refused.getMessage());
        assertEquals(false, DatasetFolder.isDataset(empty));
    }

    // ---- helpers

    /** 5 base and 4 query vectors of dimension 3, L2, with k = 2 ground truth. */
    private Path smallFolder(String name) throws IOException {
        VectorMatrix base = Fixtures.gaussianMatrix(1, 5, 3);
        VectorMatrix queries = Fixtures.gaussianMatrix(2, 4, 3);
        GroundTruth groundTruth;
        try {
            groundTruth = ExactNeighbors.compute(base, queries, Metric.L2, 2, 1, ProgressListener.NONE);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        DatasetMeta meta = new DatasetMeta(name, 3, "l2", 5, 4, 2, "test", "none", null);
        Path dataset = folder.resolve(name);
        DatasetFolder.write(dataset, new Dataset(meta, base, queries, groundTruth, null, null));
        return dataset;
    }

    private static long folderBytes(Path dataset) throws IOException {
        try (Stream<Path> files = Files.list(dataset)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private Path npy(String name, String dictionary, float[] data) throws IOException {
        int unpadded = 10 + dictionary.length() + 1;
        String header = dictionary + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        return new Fixtures.LittleEndianBytes()
                .bytes((byte) 0x93).ascii("NUMPY").bytes((byte) 1, (byte) 0)
                .bytes((byte) header.length(), (byte) (header.length() >>> 8))
                .ascii(header)
                .floats(data)
                .writeTo(folder.resolve(name));
    }

    private static void assertRefused(Path file, AllocationMeter.Call read, String... problem) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertRefused(file, size, read, problem);
    }

    /**
     * Checks the refusal names {@code file} and every fragment of {@code problem}, then repeats the
     * call (so class loading and first-use initialisation are not counted) and checks its allocation.
     */
    private static void assertRefused(Path file, long inputBytes, AllocationMeter.Call read, String... problem) {
        DatasetFormatException refused = assertThrows(DatasetFormatException.class, read::run);
        String message = refused.getMessage();
        assertTrue(message.contains(file.toString()), "the message names the file " + file + ": " + message);
        assertEquals(file, refused.path());
        for (String fragment : List.of(problem)) {
            assertTrue(message.contains(fragment), "the message says '" + fragment + "': " + message);
        }

        long allocated = AllocationMeter.bytesAllocatedBy(read);

        assertTrue(allocated < inputBytes + AllocationMeter.ALLOWANCE_BYTES, "refusing " + file.getFileName()
                + " allocated " + allocated + " bytes for an input of " + inputBytes + " bytes");
    }
}
