package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save that dies between writing its file and renaming it over the target leaves the old file. */
class SaveCrashSafetyTest {

    @TempDir
    Path folder;

    private static HnswIndex index(long seed, int count) {
        HnswIndex index = HnswIndex.builder(8).metric(Metric.L2).m(4).build();
        index.addAll(TestVectors.ids(count), TestVectors.uniform(seed, count, 8), 1);
        return index;
    }

    @Test
    void aSaveInterruptedBeforeTheRenameLeavesThePreviousFileLoadableAndUnchanged() throws IOException {
        Path file = folder.resolve("index.hnsw");
        HnswIndex previous = index(1, 200);
        previous.save(file);
        byte[] before = Files.readAllBytes(file);

        HnswIndex next = index(2, 500);
        IOException crash = assertThrows(IOException.class, () -> next.save(file, temporary -> {
            // The new file is complete and on disk, next to the target, when the "crash" comes.
            assertTrue(Files.size(temporary) > before.length);
            assertEquals(file.getParent(), temporary.getParent());
            throw new IOException("simulated crash before rename");
        }));
        assertEquals("simulated crash before rename", crash.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        HnswIndex reloaded = HnswIndex.load(file);
        assertEquals(200, reloaded.size());
        float[] query = TestVectors.uniform(3, 1, 8).get(0);
        assertEquals(previous.search(query, 5), reloaded.search(query, 5));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aSaveInterruptedBeforeTheRenameOfANewFileLeavesNoFile() {
        Path file = folder.resolve("new.hnsw");
        assertThrows(IOException.class, () -> index(1, 50).save(file, temporary -> {
            throw new IOException("simulated crash");
        }));
        assertFalse(Files.exists(file));
    }

    @Test
    void aCompletedSaveReplacesThePreviousFile() throws IOException {
        Path file = folder.resolve("index.hnsw");
        index(1, 200).save(file);
        index(2, 300).save(file);
        assertEquals(300, HnswIndex.load(file).size());
    }
}
