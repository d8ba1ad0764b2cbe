package io.hnswbench.reports.report;

import static io.hnswbench.reports.report.Fixtures.dataset;
import static io.hnswbench.reports.report.Fixtures.point;
import static io.hnswbench.reports.report.Fixtures.run;
import static io.hnswbench.reports.report.Fixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {

    private static final RunResult SMALL = run("hnsw", 8, 100, 2.0, 10_000_000,
            point(10, 0.80, 20_000), point(20, 0.91, 15_000), point(40, 0.96, 9_000), point(80, 0.985, 5_000));
    private static final RunResult LARGE = run("hnsw", 16, 200, 6.0, 16_000_000,
            point(10, 0.90, 18_000), point(20, 0.955, 12_000), point(40, 0.991, 7_000), point(80, 0.998, 4_000));

    @Test
    void picksTheFastestPointReachingEachTarget() {
        List<Recommendation> recommendations = Recommendation.forTargets(
                List.of(sweep(dataset("d", 10_000), SMALL, LARGE)), Recommendation.TARGET_RECALLS);

        assertEquals(3, recommendations.size());
        // 0.90: LARGE ef 10 (18,000 QPS) beats SMALL ef 20 (15,000 QPS)
        assertChoice(recommendations.get(0), 0.90, LARGE, 10);
        // 0.95: LARGE ef 20 (12,000) beats SMALL ef 40 (9,000)
        assertChoice(recommendations.get(1), 0.95, LARGE, 20);
        // 0.99: only LARGE ef 40 and ef 80 reach it; ef 40 is faster
        assertChoice(recommendations.get(2), 0.99, LARGE, 40);
    }

    @Test
    void noneReachedWhenNoPointReachesTheTarget() {
        Recommendation recommendation = Recommendation.forTarget(List.of(sweep(dataset("d", 10_000), SMALL)), 0.99);

        assertFalse(recommendation.reached());
        assertTrue(recommendation.choice().isEmpty());
        assertEquals(0.99, recommendation.targetRecall());
    }

    @Test
    void equalQpsPrefersTheSmallerIndexThenTheFasterBuild() {
        RunResult bigFast = run("hnsw", 32, 100, 1.0, 30_000_000, point(40, 0.97, 10_000));
        RunResult smallSlow = run("hnsw", 8, 400, 9.0, 12_000_000, point(40, 0.96, 10_000));
        RunResult smallFast = run("hnsw", 8, 200, 4.0, 12_000_000, point(40, 0.95, 10_000));
        SweepResults sweep = sweep(dataset("d", 10_000), bigFast, smallSlow, smallFast);

        Recommendation recommendation = Recommendation.forTarget(List.of(sweep), 0.95);

        assertChoice(recommendation, 0.95, smallFast, 40);
    }

    @Test
    void higherQpsWinsOverSmallerIndex() {
        RunResult small = run("hnsw", 8, 100, 1.0, 10_000_000, point(40, 0.99, 9_999));
        RunResult big = run("hnsw", 32, 400, 20.0, 90_000_000, point(40, 0.99, 10_000));

        assertChoice(Recommendation.forTarget(List.of(sweep(dataset("d", 10_000), small, big)), 0.99), 0.99, big, 40);
    }

    @Test
    void recallARoundingErrorBelowTheTargetReachesIt() {
        RunResult run = run("hnsw", 8, 100, 1.0, 1_000, point(40, 0.95 - 1e-12, 1_000), point(80, 0.99, 500));

        assertChoice(Recommendation.forTarget(List.of(sweep(dataset("d", 10_000), run)), 0.95), 0.95, run, 40);
    }

    @Test
    void pointsOfAllMergedSweepsCompete() {
        SweepResults first = sweep(dataset("d", 10_000), SMALL);
        RunResult faster = run("other", 12, 150, 3.0, 11_000_000, point(30, 0.97, 13_000));
        SweepResults second = sweep(dataset("d", 10_000), faster);

        Recommendation recommendation = Recommendation.forTarget(List.of(first, second), 0.95);

        assertChoice(recommendation, 0.95, faster, 30);
        assertSame(second, recommendation.choice().orElseThrow().sweep());
        assertEquals("other", recommendation.choice().orElseThrow().engine());
    }

    private static void assertChoice(Recommendation recommendation, double target, RunResult run, int efSearch) {
        assertEquals(target, recommendation.targetRecall());
        Recommendation.Choice choice = recommendation.choice().orElseThrow(() -> new AssertionError("none reached"));
        assertSame(run, choice.run());
        assertEquals(efSearch, choice.efSearch());
        assertEquals(run.m(), choice.m());
        assertEquals(run.efConstruction(), choice.efConstruction());
        assertEquals(run.buildSeconds(), choice.buildSeconds());
        assertEquals(run.indexBytes(), choice.indexBytes());
    }
}
