package io.hnswbench.reports.report;

import static io.hnswbench.reports.report.Fixtures.dataset;
import static io.hnswbench.reports.report.Fixtures.parameters;
import static io.hnswbench.reports.report.Fixtures.point;
import static io.hnswbench.reports.report.Fixtures.run;
import static io.hnswbench.reports.report.Fixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.report.RecallHeatMap.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecallHeatMapTest {

    @Test
    void cellsHoldTheSmallestEfSearchReachingTheTarget() {
        SweepResults sweep = sweep(dataset("d", 10_000),
                run("hnsw", 8, 100, 1, 1, point(10, 0.80, 9), point(20, 0.93, 8), point(40, 0.96, 7), point(80, 0.99, 6)),
                run("hnsw", 8, 200, 1, 1, point(10, 0.85, 9), point(20, 0.95, 8), point(40, 0.97, 7), point(80, 0.99, 6)),
                run("hnsw", 16, 100, 1, 1, point(10, 0.96, 9), point(20, 0.98, 8), point(40, 0.99, 7), point(80, 1.0, 6)),
                // not monotone: the smallest reaching efSearch is 40, though 20 did not reach
                run("hnsw", 16, 200, 1, 1, point(80, 0.99, 6), point(10, 0.90, 9), point(40, 0.951, 7), point(20, 0.94, 8)));

        List<RecallHeatMap> maps = RecallHeatMap.of(List.of(sweep), 0.95);

        assertEquals(1, maps.size());
        RecallHeatMap map = maps.getFirst();
        assertEquals("hnsw", map.engine());
        assertEquals(List.of(8, 16), map.mValues());
        assertEquals(List.of(100, 200), map.efConstructionValues());
        assertEquals(List.of(10, 20, 40, 80), map.efSearchValues());
        assertReached(map.cell(8, 100), 40, 0.96);
        assertReached(map.cell(8, 200), 20, 0.95);
        assertReached(map.cell(16, 100), 10, 0.96);
        assertReached(map.cell(16, 200), 40, 0.951);
    }

    @Test
    void unreachedCellsKeepTheBestRecallAndUnbuiltCellsSayNotRun() {
        // a cancelled sweep: the grid planned 2 × 2 builds, one finished
        SweepResults cancelled = sweep(dataset("d", 10_000),
                parameters(List.of(8, 16), List.of(100, 200), List.of(10, 20, 40)), true,
                run("hnsw", 8, 100, 1, 1, point(10, 0.70, 9), point(20, 0.88, 8), point(40, 0.93, 7)));

        RecallHeatMap map = RecallHeatMap.of(List.of(cancelled), 0.95).getFirst();

        assertEquals(List.of(8, 16), map.mValues());
        assertEquals(List.of(100, 200), map.efConstructionValues());
        RecallHeatMap.Cell notReached = map.cell(8, 100);
        assertEquals(Status.NOT_REACHED, notReached.status());
        assertEquals(40, notReached.efSearch());
        assertEquals(0.93, notReached.recall());
        assertEquals(Status.NOT_RUN, map.cell(8, 200).status());
        assertEquals(Status.NOT_RUN, map.cell(16, 100).status());
        assertEquals(Status.NOT_RUN, map.cell(16, 200).status());
    }

    @Test
    void oneMapPerEngineAndMergedRunsKeepTheSmallestEfSearch() {
        SweepResults first = sweep(dataset("d", 10_000),
                run("hnsw", 8, 100, 1, 1, point(20, 0.94, 8), point(40, 0.96, 7)),
                run("other", 8, 100, 1, 1, point(20, 0.99, 8)));
        SweepResults second = sweep(dataset("d", 10_000),
                run("hnsw", 8, 100, 1, 1, point(20, 0.955, 8), point(40, 0.97, 7)));

        List<RecallHeatMap> maps = RecallHeatMap.of(List.of(first, second), 0.95);

        assertEquals(List.of("hnsw", "other"), maps.stream().map(RecallHeatMap::engine).toList());
        assertReached(maps.get(0).cell(8, 100), 20, 0.955);
        assertReached(maps.get(1).cell(8, 100), 20, 0.99);
        // the parameters name only hnsw, so "other" shows just what it built
        assertEquals(List.of(8), maps.get(1).mValues());
        assertEquals(List.of(100), maps.get(1).efConstructionValues());
    }

    private static void assertReached(RecallHeatMap.Cell cell, int efSearch, double recall) {
        assertEquals(Status.REACHED, cell.status());
        assertEquals(efSearch, cell.efSearch());
        assertEquals(recall, cell.recall());
    }
}
