package io.hnswbench.reports.report;

import static io.hnswbench.reports.report.Fixtures.dataset;
import static io.hnswbench.reports.report.Fixtures.point;
import static io.hnswbench.reports.report.Fixtures.run;
import static io.hnswbench.reports.report.Fixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.SweepResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesComparedTest {

    private final SweepResults race = sweep(dataset("race", 1000),
            run("hnsw", 16, 200, 1.5, 2_000_000, point(10, 0.93, 20_000), point(20, 0.96, 15_000), point(40, 0.991, 8_000)),
            run("peer", 16, 200, 3.0, 2_100_000, point(10, 0.95, 12_000), point(20, 0.97, 9_000), point(40, 0.985, 6_000)),
            run("peer", 32, 200, 4.0, 2_400_000, point(10, 0.97, 10_000), point(20, 0.992, 7_000)));

    @Test
    void eachEngineGetsItsOwnBestPointPerTarget() {
        Comparison.DatasetGroup group = Comparison.of(List.of(race)).datasets().getFirst();
        assertEquals(List.of("hnsw", "peer"), group.engines());
        List<Recommendation> peer = group.recommendations("peer");
        assertEquals(12_000, peer.get(0).choice().orElseThrow().qps(), "≥ 0.90");
        assertEquals(12_000, peer.get(1).choice().orElseThrow().qps(), "≥ 0.95");
        assertEquals(7_000, peer.get(2).choice().orElseThrow().qps(), "≥ 0.99 only M=32 reaches it");
        assertEquals(32, peer.get(2).choice().orElseThrow().m());
        assertEquals(15_000, group.recommendations("hnsw").get(1).choice().orElseThrow().qps());
    }

    @Test
    void theReportComparesEnginesOnlyWhenThereAreSeveral(@TempDir Path folder) throws IOException {
        ReportWriter.write(List.of(race), List.of(), folder.resolve("race"));
        String html = Files.readString(folder.resolve("race").resolve(ReportWriter.HTML));
        assertTrue(html.contains("Engines compared"), "section present");
        assertTrue(html.contains("7,000 (ef 20, M 32)"), "the peer's best at 0.99");
        assertTrue(html.contains("2,000"), "hnsw's bytes per vector");

        SweepResults single = sweep(dataset("single", 1000), run("hnsw", 16, 200, 1.5, 2_000_000, point(10, 0.93, 20_000)));
        ReportWriter.write(List.of(single), List.of(), folder.resolve("single"));
        assertFalse(Files.readString(folder.resolve("single").resolve(ReportWriter.HTML)).contains("Engines compared"));
    }
}
