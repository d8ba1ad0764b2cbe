package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hnswbench.engine.IndexFileException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged index files: each one either loads an index equal to the original (the damage was in
 * padding, which no checksum covers) or fails with an {@link IndexFileException} naming the file.
 */
class IndexFileCorruptionTest {

    private static final int DIMENSION = 7;

    @TempDir
    Path folder;

    private HnswIndex original;
    private byte[] bytes;
    private List<float[]> queries;
    private List<List<String>> expectedResults;
    private List<Object> expectedStatistics;

    @BeforeEach
    void saveASmallIndex() throws IOException {
        original = HnswIndex.builder(DIMENSION).metric(Metric.L2).m(4).efConstruction(40).build();
        original.addAll(TestVectors.ids(300), TestVectors.uniform(3, 300, DIMENSION), 1);
        for (int i = 0; i < 300; i += 7) {
            original.remove("v" + i);
        }
        Path file = folder.resolve("original.hnsw");
        original.save(file);
        bytes = Files.readAllBytes(file);
        queries = TestVectors.uniform(4, 20, DIMENSION);
        expectedResults = IndexComparison.results(original, queries, 5, SearchOptions.ef(32));
        expectedStatistics = IndexComparison.graphStatistics(original.statistics());
    }

    @Test
    void everyTruncationIsRefusedAsTruncated() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        Map<Problem, Integer> outcomes = new EnumMap<>(Problem.class);
        for (int trial = 0; trial < 200; trial++) {
            int length = trial == 0 ? 0 : random.nextInt(bytes.length);
            Path file = write("truncated-" + trial, java.util.Arrays.copyOf(bytes, length));
            Problem loadProblem = problemOf(() -> HnswIndex.load(file), file);
            Problem openProblem = problemOf(() -> HnswIndex.open(file).close(), file);
            assertEquals(loadProblem, openProblem, "load and open agree on a file of " + length + " bytes");
            assertEquals(Problem.TRUNCATED, loadProblem, "a file cut to " + length + " of " + bytes.length + " bytes");
            outcomes.merge(loadProblem, 1, Integer::sum);
        }
        System.out.println("200 truncations of a " + bytes.length + "-byte index file: " + outcomes);
    }

    @Test
    void everySingleByteChangeLoadsTheSameIndexOrIsRefused() throws IOException {
        SplittableRandom random = new SplittableRandom(12);
        Map<Problem, Integer> refused = new EnumMap<>(Problem.class);
        int loadedEqual = 0;
        for (int trial = 0; trial < 1000; trial++) {
            byte[] damaged = bytes.clone();
            int position = random.nextInt(damaged.length);
            damaged[position] ^= (byte) (1 + random.nextInt(255));
            Path file = write("changed-" + trial, damaged);
            Problem loadProblem = problemOf(() -> assertEqualToOriginal(HnswIndex.load(file), position), file);
            Problem openProblem = problemOf(() -> {
                try (HnswIndex opened = HnswIndex.open(file)) {
                    assertEqualToOriginal(opened, position);
                }
            }, file);
            assertEquals(loadProblem, openProblem, "load and open agree on a change at byte " + position);
            if (loadProblem == null) {
                loadedEqual++;
            } else {
                refused.merge(loadProblem, 1, Integer::sum);
            }
            Files.delete(file);
        }
        System.out.println("1000 single-byte changes of a " + bytes.length + "-byte index file: " + loadedEqual
                + " loaded an equal index (padding), refused: " + refused);
        assertTrue(refused.getOrDefault(Problem.CHECKSUM_MISMATCH, 0) > 900,
                "nearly every change lands in checksummed bytes: " + refused);
    }

    @Test
    void eachProblemIsNamedWithThePath() throws IOException {
        Path notAnIndex = write("text.hnsw", "hello, I am a text file that is long enough".repeat(20).getBytes());
        IndexFileException wrongMagic = assertThrows(IndexFileException.class, () -> HnswIndex.load(notAnIndex));
        assertEquals(Problem.NOT_AN_INDEX, wrongMagic.problem());
        assertEquals(notAnIndex, wrongMagic.path());
        assertTrue(wrongMagic.getMessage().contains(notAnIndex.toString()), wrongMagic.getMessage());

        byte[] newer = bytes.clone();
        ByteBuffer.wrap(newer).order(ByteOrder.LITTLE_ENDIAN).putInt(IndexFileFormat.VERSION_AT, 2);
        IndexFileException version = assertThrows(IndexFileException.class, () -> HnswIndex.open(write("v2.hnsw", newer)));
        assertEquals(Problem.UNSUPPORTED_VERSION, version.problem());
        assertTrue(version.getMessage().contains("newer library"), version.getMessage());

        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 1;
        IndexFileException checksum = assertThrows(IndexFileException.class, () -> HnswIndex.load(write("flip.hnsw", flipped)));
        assertEquals(Problem.CHECKSUM_MISMATCH, checksum.problem());
        assertTrue(checksum.getMessage().contains("section"), checksum.getMessage());

        assertThrows(java.nio.file.NoSuchFileException.class, () -> HnswIndex.load(folder.resolve("missing.hnsw")));
    }

    @Test
    void contentsThatContradictEachOtherAreRefusedEvenWithMatchingChecksums() throws IOException {
        ByteBuffer file = ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
        long level0 = sectionOffset(file, IndexFileFormat.Section.LEVEL0_LINKS);
        file.putInt((int) level0 + Integer.BYTES, 1_000_000); // node 0's first link: no such node
        assertInvalid(resealed(file), "links to 1000000");

        file = ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt((int) level0, 99); // node 0 claims more links than a row holds
        assertInvalid(resealed(file), "99 links on level 0");

        file = ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(IndexFileFormat.LIVE_COUNT_AT, file.getInt(IndexFileFormat.LIVE_COUNT_AT) + 1);
        assertInvalid(resealed(file), "live vectors");

        file = ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
        long states = sectionOffset(file, IndexFileFormat.Section.NODE_STATES);
        file.put((int) states, (byte) 7);
        assertInvalid(resealed(file), "state 7");

        file = ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(IndexFileFormat.METRIC_AT, 9);
        assertInvalid(resealed(file), "metric code 9");
    }

    private void assertInvalid(byte[] content, String detail) throws IOException {
        Path file = write("invalid.hnsw", content);
        for (FileAction action : List.<FileAction>of(() -> HnswIndex.load(file), () -> HnswIndex.open(file).close())) {
            IndexFileException e = assertThrows(IndexFileException.class, action::run);
            assertEquals(Problem.INVALID, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains(detail), e.getMessage());
        }
    }

    private static long sectionOffset(ByteBuffer file, IndexFileFormat.Section section) {
        return file.getLong(IndexFileFormat.HEADER_BYTES + section.ordinal() * IndexFileFormat.SECTION_ENTRY_BYTES + 8);
    }

    /** Recomputes every section's CRC32C and the header's, as a buggy writer would have stored them. */
    private static byte[] resealed(ByteBuffer file) {
        for (IndexFileFormat.Section section : IndexFileFormat.Section.values()) {
            int entry = IndexFileFormat.HEADER_BYTES + section.ordinal() * IndexFileFormat.SECTION_ENTRY_BYTES;
            CRC32C crc = new CRC32C();
            crc.update(file.slice((int) file.getLong(entry + 8), (int) file.getLong(entry + 16)));
            file.putInt(entry + 4, (int) crc.getValue());
        }
        file.putInt(IndexFileFormat.HEADER_CRC_AT, IndexFileWriter.headerCrc(file.slice(0, IndexFileFormat.TABLE_END)
                .order(ByteOrder.LITTLE_ENDIAN)));
        return file.array();
    }

    private void assertEqualToOriginal(HnswIndex index, int position) {
        assertEquals(expectedStatistics, IndexComparison.graphStatistics(index.statistics()),
                "a change at byte " + position + " loaded a different graph");
        assertEquals(expectedResults, IndexComparison.results(index, queries, 5, SearchOptions.ef(32)),
                "a change at byte " + position + " loaded an index that searches differently");
    }

    @FunctionalInterface
    private interface FileAction {
        void run() throws IOException;
    }

    /** The problem the action failed with, or null if it succeeded; any other failure fails the test. */
    private static Problem problemOf(FileAction action, Path file) {
        try {
            action.run();
            return null;
        } catch (IndexFileException e) {
            assertEquals(file, e.path());
            return e.problem();
        } catch (IOException | RuntimeException e) {
            return fail("expected an IndexFileException for " + file + ", got " + e, e);
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }
}
