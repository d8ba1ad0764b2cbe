package io.hnswbench.reports.charts;

import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hand-made sweep results with the shape of a real one (20,000 GloVe-like vectors, 200 queries,
 * k = 10): recall rising with efSearch, M and efConstruction, QPS falling as the work grows,
 * graphs whose levels thin out by about 1/M each.
 */
final class SampleSweeps {

    static final int BASE = 20_000;
    static final int DIMENSION = 25;
    static final int QUERIES = 200;
    static final int K = 10;
    static final List<Integer> EF_SEARCH = List.of(10, 20, 40, 80, 160);

    private SampleSweeps() {
    }

    /** Two runs, M=8 efC=100 (with 3 unreachable nodes on level 0) and M=16 efC=200 (none). */
    static SweepResults twoRuns() {
        return sweep("glove-25-angular", List.of(run(8, 100, 3), run(16, 200, 0)));
    }

    /** The grid M ∈ {8, 16, 32} × efConstruction ∈ {100, 200}. */
    static SweepResults sixRuns() {
        List<RunResult> runs = new ArrayList<>();
        for (int m : List.of(8, 16, 32)) {
            for (int efConstruction : List.of(100, 200)) {
                runs.add(run(m, efConstruction, m == 8 && efConstruction == 100 ? 3 : 0));
            }
        }
        return sweep("glove-25-angular", runs);
    }

    static SweepResults sweep(String dataset, List<RunResult> runs) {
        return new SweepResults(
                new SweepResults.DatasetSummary(dataset, "cosine", DIMENSION, BASE, QUERIES, 100, "/data/" + dataset),
                new SweepResults.EnvironmentInfo("25.0.3+9-LTS", "OpenJDK 64-Bit Server VM, Eclipse Adoptium",
                        "Intel Xeon", 2, "Panama SIMD, 512-bit (16 float lanes)", 2L << 30, "Linux amd64",
                        "2025-01-01T00:00:00Z"),
                new SweepParameters(List.of("hnsw"), List.of(8, 16), List.of(100, 200), EF_SEARCH, K, 2, 1, 0, 42, 1000),
                runs, false);
    }

    static RunResult run(int m, int efConstruction, int unreachableOnLevel0) {
        Random random = new Random(31L * m + efConstruction);
        // Fewer links and a weaker build leave more recall to be bought with efSearch.
        double missAtEf10 = 0.40 * Math.pow(8.0 / m, 0.6) * Math.pow(100.0 / efConstruction, 0.25);
        List<SweepPoint> points = new ArrayList<>();
        for (int efSearch : EF_SEARCH) {
            double target = 1 - missAtEf10 * Math.pow(efSearch / 10.0, -0.95);
            double[] perQuery = perQueryRecall(random, target);
            double recall = Arrays.stream(perQuery).average().orElseThrow();
            double distances = (efSearch + 25) * 1.3 * m * (1 + 0.05 * Math.log(efConstruction / 100.0));
            double qps = 2.2e7 / distances;
            double p50 = 1e6 / qps * 0.95;
            points.add(new SweepPoint(efSearch, K, recall, qps, p50 * 1.08, p50, p50 * 1.7, p50 * 2.6, p50 * 4.1,
                    distances, efSearch * 1.4 + 12, perQuery));
        }
        GraphStatistics statistics = statistics(random, m, unreachableOnLevel0);
        double buildSeconds = BASE * efConstruction * m * 3.0e-8 + 0.4;
        return new RunResult("hnsw", m, efConstruction, 2, buildSeconds,
                statistics.vectorBytes() + statistics.linkBytes() + statistics.otherBytes(), statistics, points);
    }

    /** Each query's hits among its true 10 nearest: most queries easy, a tail of hard ones. */
    private static double[] perQueryRecall(Random random, double target) {
        double[] recalls = new double[QUERIES];
        for (int query = 0; query < QUERIES; query++) {
            // One query in 17 is hard: it only catches up when the search is thorough.
            double chance = query % 17 == 0 ? Math.pow(target, 6)
                    : target + (1 - target) * 0.3 + random.nextGaussian() * 0.04;
            chance = Math.min(1, Math.max(0, chance));
            int hits = 0;
            for (int neighbour = 0; neighbour < K; neighbour++) {
                if (random.nextDouble() < chance) {
                    hits++;
                }
            }
            recalls[query] = hits / (double) K;
        }
        return recalls;
    }

    private static GraphStatistics statistics(Random random, int m, int unreachableOnLevel0) {
        List<GraphStatistics.Level> levels = new ArrayList<>();
        long linkBytes = 0;
        int nodes = BASE;
        for (int level = 0; nodes > 0 && level < 6; level++) {
            int limit = level == 0 ? 2 * m : m;
            int[] histogram = new int[limit + 1];
            long edges = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int node = 0; node < nodes; node++) {
                int degree = (int) Math.round(Math.min(limit, Math.max(1,
                        limit * 0.72 + random.nextGaussian() * limit * 0.18)));
                degree = Math.min(degree, nodes - 1);
                histogram[Math.max(0, degree)]++;
                edges += degree;
                min = Math.min(min, degree);
                max = Math.max(max, degree);
            }
            levels.add(new GraphStatistics.Level(level, nodes, edges, min, edges / (double) nodes, max, histogram,
                    level == 0 ? unreachableOnLevel0 : 0));
            linkBytes += (long) nodes * (limit + 1) * Integer.BYTES;
            nodes = (int) Math.round(nodes / (double) m * (0.9 + random.nextDouble() * 0.2));
        }
        return new GraphStatistics(BASE, 0, m, levels.size() - 1, levels, (long) BASE * DIMENSION * Float.BYTES,
                linkBytes, (long) BASE * 40);
    }

    /** A run that built but has no measured points and no statistics, e.g. from a cancelled sweep. */
    static RunResult emptyRun() {
        return new RunResult("hnsw", 32, 400, 2, 0, 0, null, List.of());
    }
}
