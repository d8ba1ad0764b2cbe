package io.hnswbench.reports.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.sweep.SweepEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's failure paths, with shell scripts standing in for Python: they run where hnswlib
 * is not installed, and each misbehaves in one known way.
 */
class HnswlibWorkerTest {

    private static final SweepEngine.BuildSettings SETTINGS = new SweepEngine.BuildSettings(16, 100, 1, 42);
    private static final VectorMatrix BASE = VectorMatrix.of(new float[] {1, 0}, new float[] {0, 1});

    @TempDir
    Path folder;

    private Path fakePython(String body) throws IOException {
        Path script = folder.resolve("python3");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static HnswlibEngine engine(Path python, Duration timeout) {
        return new HnswlibEngine(python, timeout);
    }

    @Test
    void aMissingInterpreterIsReportedWithTheInstallCommand() {
        Path missing = folder.resolve("no-such-python3");
        HnswlibEngine engine = engine(missing, Duration.ofSeconds(30));
        String expected = "hnswlib skipped: " + missing + " is not installed (apt-get install python3 python3-hnswlib)";
        assertEquals(Optional.of(expected), engine.unavailableBecause());
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> engine.build(BASE, Metric.L2, SETTINGS, (done, total) -> { }));
        assertEquals(expected, thrown.getMessage());
    }

    @Test
    void aMissingModuleIsReportedWithTheDebianPackage() throws IOException {
        HnswlibEngine engine = engine(fakePython("echo 'UNAVAILABLE module=hnswlib'\nexit 3\n"), Duration.ofSeconds(30));
        assertEquals(Optional.of("hnswlib skipped: python3-hnswlib is not installed (apt-get install python3-hnswlib)"),
                engine.unavailableBecause());
    }

    @Test
    void aTracebackAtStartIsInTheMessage() throws IOException {
        HnswlibEngine engine = engine(fakePython("""
                echo 'Traceback (most recent call last):' >&2
                echo 'ZeroDivisionError: division by zero' >&2
                exit 1
                """), Duration.ofSeconds(30));
        String reason = engine.unavailableBecause().orElseThrow();
        assertTrue(reason.startsWith("hnswlib skipped: the worker did not start"), reason);
        assertTrue(reason.contains("status 1"), reason);
        assertTrue(reason.contains("ZeroDivisionError: division by zero"), reason);
    }

    @Test
    void anErrorReplyLeadsWithThePythonExceptionAndCarriesTheTraceback() throws IOException {
        HnswlibEngine engine = engine(fakePython("""
                echo 'READY python=fake'
                read -r request
                traceback='Traceback (most recent call last):
                  File "hnswlib_worker.py", line 99, in build
                ValueError: M is too small'
                printf 'ERROR bytes=%d\\n%s' "${#traceback}" "$traceback"
                read -r quit
                """), Duration.ofSeconds(30));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> engine.build(BASE, Metric.L2, SETTINGS, (done, total) -> { }));
        assertTrue(thrown.getMessage().startsWith("hnswlib failed: ValueError: M is too small\nTraceback"),
                thrown.getMessage());
        assertTrue(thrown.getMessage().contains("line 99, in build"), thrown.getMessage());
    }

    @Test
    void aWorkerThatEndsMidRequestIsReportedWithItsStatusAndStderr() throws IOException {
        HnswlibEngine engine = engine(fakePython("""
                echo 'READY python=fake'
                read -r request
                echo 'Segmentation fault in add_items' >&2
                exit 139
                """), Duration.ofSeconds(30));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> engine.build(BASE, Metric.L2, SETTINGS, (done, total) -> { }));
        assertTrue(thrown.getMessage().contains("the process ended with status 139"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("Segmentation fault in add_items"), thrown.getMessage());
    }

    @Test
    void aSilentWorkerIsKilledAfterTheReplyTimeout() throws IOException {
        HnswlibEngine engine = engine(fakePython("echo 'READY python=fake'\nexec sleep 600\n"), Duration.ofMillis(300));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> engine.build(BASE, Metric.L2, SETTINGS, (done, total) -> { }));
        assertTrue(thrown.getMessage().contains("no reply within"), thrown.getMessage());
    }

    @Test
    void anInterruptCancelsABuildThatIsWaitingForTheWorker() throws IOException, InterruptedException {
        HnswlibEngine engine = engine(fakePython("echo 'READY python=fake'\nexec sleep 600\n"), Duration.ofMinutes(5));
        Thread builder = Thread.currentThread();
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            builder.interrupt();
        });
        try {
            assertThrows(InterruptedException.class, () -> engine.build(BASE, Metric.L2, SETTINGS, (done, total) -> { }));
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
    }
}
