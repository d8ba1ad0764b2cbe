package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.BundledSample;
import io.hnswbench.datasets.Dataset;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.sweep.HnswEngine;
import io.hnswbench.reports.sweep.SweepListener;
import io.hnswbench.reports.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportExportTest {

    @TempDir
    static Path home;

    private static SweepResults sweep;

    @BeforeAll
    static void measureATinySweep() throws Exception {
        Path sample = BundledSample.installInto(home.resolve("datasets"));
        SweepParameters parameters = new SweepParameters(List.of(HnswEngine.NAME), List.of(8), List.of(40),
                List.of(10, 40), 10, 1, 1, 1000, 42, 20);
        sweep = new SweepRunner(new HnswEngine()).run(Dataset.load(sample), sample.toString(), parameters,
                SweepListener.NONE);
    }

    @Test
    void aCancelledExportLeavesTheFolderAsItWas() throws Exception {
        Path folder = Files.createDirectories(home.resolve("cancelled"));
        Files.writeString(folder.resolve("report.md"), "an earlier report");
        Files.writeString(folder.resolve("recall-vs-qps.png"), "an earlier chart");

        AtomicBoolean cancelled = new AtomicBoolean();

        assertThrows(InterruptedException.class, () -> ReportExport.write(List.of(sweep),
                EnumSet.allOf(ReportFormat.class), folder, (what, done, total) -> {
                    if (what.startsWith("Drawing") && done == 2) {
                        cancelled.set(true);
                    }
                }, cancelled::get));

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("recall-vs-qps.png", "report.md"),
                    files.map(file -> file.getFileName().toString()).sorted().toList(),
                    "no new file and no staging folder left");
        }
        assertEquals("an earlier report", Files.readString(folder.resolve("report.md")));
        assertEquals("an earlier chart", Files.readString(folder.resolve("recall-vs-qps.png")));
    }

    @Test
    void aFinishedExportReplacesTheEarlierFiles() throws Exception {
        Path folder = Files.createDirectories(home.resolve("finished"));
        Files.writeString(folder.resolve("report.md"), "an earlier report");

        List<Path> written = ReportExport.write(List.of(sweep), EnumSet.of(ReportFormat.MARKDOWN, ReportFormat.CSV),
                folder, (what, done, total) -> { }, () -> false);

        assertEquals(folder.resolve("report.md"), written.getFirst());
        assertTrue(Files.readString(folder.resolve("report.md")).contains("recall-vs-qps.png"));
        assertTrue(Files.exists(folder.resolve("results.csv")) && Files.exists(folder.resolve("results.json")));
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith(".")), "staging removed");
        }
    }
}
