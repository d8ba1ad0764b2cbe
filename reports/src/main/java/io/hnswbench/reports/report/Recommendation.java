package io.hnswbench.reports.report;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "which configuration should I use for recall at least {@code targetRecall}?": among
 * every point of every run of the given sweeps whose recall reaches the target, the one with the
 * most queries per second.
 *
 * <p>Ties: on equal QPS the smaller index wins, then the faster build; beyond that the point met
 * first (sweeps, runs and points in their given order). Callers pass sweeps of one dataset: points
 * measured on different data do not compete.
 *
 * @param targetRecall the recall a point must reach
 * @param choice       the winning point, empty when no point reached the target
 */
public record Recommendation(double targetRecall, Optional<Choice> choice) {

    /** The recall targets a report recommends a configuration for. */
    public static final List<Double> TARGET_RECALLS = List.of(0.90, 0.95, 0.99);

    /**
     * How far below a target a measured recall may lie and still count as reaching it: recall is a
     * mean of fractions, so a sweep that found exactly 95 % may store 0.94999999999999996.
     */
    static final double RECALL_SLACK = 1e-9;

    public Recommendation {
        if (!(targetRecall > 0 && targetRecall <= 1)) {
            throw new IllegalArgumentException("target recall must be in (0, 1], not " + targetRecall);
        }
        if (choice == null) {
            throw new IllegalArgumentException("choice must not be null; use Optional.empty() for none reached");
        }
    }

    /**
     * One configuration and where it was measured.
     *
     * @param sweep the sweep the run belongs to
     * @param run   the built index: engine, M, efConstruction, build time, memory
     * @param point the efSearch that was searched and what it measured
     */
    public record Choice(SweepResults sweep, RunResult run, SweepPoint point) {

        public String engine() {
            return run.engine();
        }

        public int m() {
            return run.m();
        }

        public int efConstruction() {
            return run.efConstruction();
        }

        public int efSearch() {
            return point.efSearch();
        }

        public double recall() {
            return point.recall();
        }

        public double qps() {
            return point.qps();
        }

        public double buildSeconds() {
            return run.buildSeconds();
        }

        /** The memory the index holds. */
        public long indexBytes() {
            return run.indexBytes();
        }
    }

    /** True when some point reached the target. */
    public boolean reached() {
        return choice.isPresent();
    }

    /** One recommendation per target, in the targets' order. */
    public static List<Recommendation> forTargets(List<SweepResults> sweeps, List<Double> targetRecalls) {
        return targetRecalls.stream().map(target -> forTarget(sweeps, target)).toList();
    }

    /** The fastest configuration of {@code sweeps} whose recall reaches {@code targetRecall}. */
    public static Recommendation forTarget(List<SweepResults> sweeps, double targetRecall) {
        Choice best = null;
        for (SweepResults sweep : sweeps) {
            for (RunResult run : sweep.runs()) {
                for (SweepPoint point : run.points()) {
                    if (reaches(point.recall(), targetRecall) && Double.isFinite(point.qps())) {
                        Choice candidate = new Choice(sweep, run, point);
                        if (best == null || beats(candidate, best)) {
                            best = candidate;
                        }
                    }
                }
            }
        }
        return new Recommendation(targetRecall, Optional.ofNullable(best));
    }

    /** Whether {@code recall} counts as reaching {@code targetRecall}; shared with the heat map. */
    static boolean reaches(double recall, double targetRecall) {
        return recall >= targetRecall - RECALL_SLACK;
    }

    /** Strictly better: more QPS; on equal QPS a smaller index; then a faster build. */
    private static boolean beats(Choice candidate, Choice incumbent) {
        int byQps = Double.compare(candidate.qps(), incumbent.qps());
        if (byQps != 0) {
            return byQps > 0;
        }
        int byMemory = Long.compare(candidate.indexBytes(), incumbent.indexBytes());
        if (byMemory != 0) {
            return byMemory < 0;
        }
        return Double.compare(candidate.buildSeconds(), incumbent.buildSeconds()) < 0;
    }
}
