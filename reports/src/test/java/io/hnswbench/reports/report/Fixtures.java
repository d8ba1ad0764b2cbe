package io.hnswbench.reports.report;

import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.SweepResults.DatasetSummary;
import io.hnswbench.reports.SweepResults.EnvironmentInfo;
import java.util.List;

/** Hand-made results whose answers are known. */
final class Fixtures {

    static final EnvironmentInfo ENVIRONMENT = new EnvironmentInfo("25.0.1+8-LTS", "OpenJDK 64-Bit Server VM (Eclipse Adoptium)",
            "AMD EPYC 7B13", 8, "Panama SIMD, 256-bit (8 float lanes)", 4L << 30, "Linux 6.1 amd64",
            "2026-11-25T14:03:12Z");

    private Fixtures() {
    }

    static DatasetSummary dataset(String name, int baseCount) {
        return new DatasetSummary(name, "cosine", 384, baseCount, 1_000, 100, "/data/" + name);
    }

    static SweepParameters parameters(List<Integer> m, List<Integer> efConstruction, List<Integer> efSearch) {
        return new SweepParameters(List.of("hnsw"), m, efConstruction, efSearch, 10, 4, 1, 0, 42, 500);
    }

    /** A point whose latencies follow from its QPS (single thread). */
    static SweepPoint point(int efSearch, double recall, double qps) {
        double mean = 1e6 / qps;
        return new SweepPoint(efSearch, 10, recall, qps, mean, mean * 0.95, mean * 1.6, mean * 2.2, mean * 3.1,
                efSearch * 14.5, efSearch * 1.3, new double[0]);
    }

    static RunResult run(String engine, int m, int efConstruction, double buildSeconds, long indexBytes,
                         SweepPoint... points) {
        GraphStatistics statistics = new GraphStatistics(10_000, 0, m, 3, List.of(
                new GraphStatistics.Level(0, 10_000, 10_000L * m, 1, 1.8 * m, 2 * m, new int[0], 0),
                new GraphStatistics.Level(1, 10_000 / m, 10_000L, 1, m * 0.9, m, new int[0], 0),
                new GraphStatistics.Level(2, 10_000 / (m * m), 100L, 1, 3, m, new int[0], 0)),
                indexBytes / 2, indexBytes / 3, indexBytes - indexBytes / 2 - indexBytes / 3);
        return new RunResult(engine, m, efConstruction, 4, buildSeconds, indexBytes, statistics, List.of(points));
    }

    static SweepResults sweep(DatasetSummary dataset, SweepParameters parameters, boolean cancelled, RunResult... runs) {
        return new SweepResults(dataset, ENVIRONMENT, parameters, List.of(runs), cancelled);
    }

    static SweepResults sweep(DatasetSummary dataset, RunResult... runs) {
        return sweep(dataset, parameters(List.of(8, 16), List.of(100, 200), List.of(10, 20, 40, 80)), false, runs);
    }

    /** A small chart as JFreeSVG writes it: XML declaration, a doctype naming a DTD on the web. */
    static RenderedChart chart(String id, String title, String label) {
        return new RenderedChart(id, title, "How to read " + title + ".", """
                <?xml version="1.0"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">
                <svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='400.0' \
                height='200.0'><defs><clipPath id='clip-%s'><rect x='0' y='0' width='400' height='200'/></clipPath></defs>\
                <rect x='10' y='10' width='380' height='180' style='fill:rgb(240,244,250)' clip-path='url(#clip-%s)'/>\
                <text x='20' y='30'>%s</text></svg>
                """.formatted(id, id, label));
    }
}
