package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.MetricNames;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.reports.GraphStatistics;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a sweep: for each (M, efConstruction) of the grid one build, then for each efSearch a
 * warm-up and one timed pass over the whole query set, measured as DESIGN.md's "Measuring
 * honestly" asks. Cancel it by interrupting its thread: it stops at the next query or build
 * batch and returns what it finished, marked {@code cancelled}.
 */
public final class SweepRunner {

    /** Vectors of the untimed build that warms up the JIT. */
    private static final int WARM_UP_BUILD_VECTORS = 2000;
    /**
     * How long the warm-up index is searched before an engine's first timed point. A thousand
     * queries before each point are not enough for the JIT to settle a search path: the first
     * points of a sweep came out at half the QPS of later ones, and slower than larger efSearch
     * values of the same run.
     */
    static final long WARM_UP_SEARCH_NANOS = 2_000_000_000L;
    /** Queries per efSearch before the warm-up moves on to the next (and checks the clock). */
    private static final int WARM_UP_ROUND_QUERIES = 200;

    private final List<SweepEngine> engines;

    /** Measures {@code engines} one after another, each over the whole grid. */
    public SweepRunner(List<SweepEngine> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine to measure");
        }
        this.engines = List.copyOf(engines);
    }

    public SweepRunner(SweepEngine engine) {
        this(List.of(Objects.requireNonNull(engine, "engine")));
    }

    /**
     * Checks the parameters against the dataset and these engines without measuring anything,
     * for a caller that runs the sweep elsewhere (each engine in a JVM of its own).
     *
     * @throws IllegalArgumentException naming the first bad parameter, as {@link #run} would
     */
    public void check(Dataset dataset, SweepParameters parameters) {
        checked(dataset, parameters);
    }

    private SweepPlan checked(Dataset dataset, SweepParameters parameters) {
        SweepPlan plan = SweepPlan.check(dataset, parameters);
        List<String> names = engines.stream().map(SweepEngine::name).toList();
        if (!names.equals(parameters.engines())) {
            throw new IllegalArgumentException("the parameters name the engines " + parameters.engines()
                    + " but the runner was given " + names);
        }
        for (SweepEngine engine : engines) {
            if (parameters.searchThreads() > engine.maxSearchThreads()) {
                throw new IllegalArgumentException(engine.name() + " is measured with at most "
                        + engine.maxSearchThreads() + " search thread(s); drop it or use --search-threads "
                        + engine.maxSearchThreads());
            }
        }
        return plan;
    }

    /**
     * @param datasetFolder where the dataset was read from, recorded so the sweep can be re-run
     * @throws IllegalArgumentException naming the first bad parameter (empty grid, k above the
     *                                  ground truth's depth, limit above the base count, ...)
     */
    public SweepResults run(Dataset dataset, String datasetFolder, SweepParameters parameters, SweepListener listener) {
        Instant startedAt = Instant.now();
        SweepPlan plan = checked(dataset, parameters);
        VectorMatrix base = plan.base();
        List<RunResult> runs = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        boolean cancelled = false;
        try {
            GroundTruth truth = groundTruth(dataset, base, parameters, listener);
            QueryPass pass = new QueryPass(dataset.queries(), truth, parameters.k(), parameters.searchThreads());
            for (SweepEngine engine : engines) {
                Optional<String> unavailable = engine.unavailableBecause();
                if (unavailable.isPresent()) {
                    skipped.put(engine.name(), unavailable.get());
                    listener.progress(unavailable.get(), 1, 1);
                    continue;
                }
                cancelled = !runGrid(engine, base, dataset, parameters, pass, listener, runs);
                if (cancelled) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            cancelled = true;
        }
        if (cancelled) {
            Thread.currentThread().interrupt();
        }
        SweepResults.DatasetSummary summary = new SweepResults.DatasetSummary(dataset.name(),
                MetricNames.of(dataset.metric()), dataset.dimension(), base.rows(), dataset.queries().rows(),
                plan.groundTruthDepth(), datasetFolder);
        return new SweepResults(summary, EnvironmentProbe.current(startedAt, engines, skipped), parameters, runs, cancelled);
    }

    /** Runs every (M, efConstruction) of the grid with one engine; false when cancelled. */
    private boolean runGrid(SweepEngine engine, VectorMatrix base, Dataset dataset, SweepParameters parameters,
                            QueryPass pass, SweepListener listener, List<RunResult> runs) throws InterruptedException {
        warmUp(engine, base, dataset, parameters, pass, listener);
        for (int m : parameters.m()) {
            for (int efConstruction : parameters.efConstruction()) {
                if (runOne(engine, base, dataset, m, efConstruction, parameters, pass, listener, runs) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Builds and measures one (M, efConstruction), adding the run to {@code runs} (also when it
     * was cancelled part-way with points measured); returns null when cancelled.
     */
    private RunResult runOne(SweepEngine engine, VectorMatrix base, Dataset dataset, int m, int efConstruction, SweepParameters parameters,
                             QueryPass pass, SweepListener listener, List<RunResult> runs) throws InterruptedException {
        String label = engine.name() + " M=" + m + " efC=" + efConstruction;
        String buildStage = "build " + label;
        listener.progress(buildStage, 0, base.rows());
        long buildStart = System.nanoTime();
        try (EngineIndex index = engine.build(base, dataset.metric(),
                new SweepEngine.BuildSettings(m, efConstruction, parameters.buildThreads(), parameters.seed()),
                (done, total) -> listener.progress(buildStage, done, total))) {
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            GraphStatistics statistics = index.statistics();
            long bytes = index.bytes();
            List<SweepPoint> points = new ArrayList<>();
            boolean cancelled = false;
            for (int efSearch : parameters.efSearch()) {
                try {
                    pass.warmUp(index, efSearch, parameters.warmUpQueries());
                    SweepPoint point = pass.measure(index, efSearch,
                            (done, total) -> listener.progress("search " + label + " ef=" + efSearch, done, total));
                    points.add(point);
                    listener.pointMeasured(new RunResult(engine.name(), m, efConstruction, parameters.buildThreads(),
                            buildSeconds, bytes, statistics, points), point);
                } catch (InterruptedException interrupted) {
                    cancelled = true;
                    break;
                }
            }
            RunResult run = new RunResult(engine.name(), m, efConstruction, parameters.buildThreads(), buildSeconds,
                    bytes, statistics, points);
            if (!points.isEmpty()) {
                runs.add(run);
                listener.runFinished(run);
            }
            return cancelled ? null : run;
        }
    }

    /**
     * Builds a small index untimed first, so the JIT has compiled the insert path before the first
     * timed build (which would otherwise look slower than the rest for no reason of its own), then
     * searches it for {@link #WARM_UP_SEARCH_NANOS} at every efSearch of the grid in turn, so the
     * first timed point is not the search path's warm-up either. Every engine gets the same.
     */
    private static void warmUp(SweepEngine engine, VectorMatrix base, Dataset dataset, SweepParameters parameters,
                               QueryPass pass, SweepListener listener) throws InterruptedException {
        VectorMatrix sample = base.head(Math.min(WARM_UP_BUILD_VECTORS, base.rows()));
        String stage = "warm-up build " + engine.name();
        try (EngineIndex index = engine.build(sample, dataset.metric(), new SweepEngine.BuildSettings(
                parameters.m().getFirst(), parameters.efConstruction().getFirst(), parameters.buildThreads(),
                parameters.seed()), (done, total) -> listener.progress(stage, done, total))) {
            listener.progress(stage, sample.rows(), sample.rows());
            String searchStage = "warm-up searches " + engine.name();
            long start = System.nanoTime();
            long elapsed = 0;
            for (int round = 0; elapsed < WARM_UP_SEARCH_NANOS; round++) {
                int efSearch = parameters.efSearch().get(round % parameters.efSearch().size());
                pass.warmUp(index, efSearch, WARM_UP_ROUND_QUERIES);
                elapsed = System.nanoTime() - start;
                listener.progress(searchStage, Math.min(elapsed, WARM_UP_SEARCH_NANOS) / 1_000_000,
                        WARM_UP_SEARCH_NANOS / 1_000_000);
            }
        }
    }

    /**
     * The dataset's own ground truth, or, when only the first {@code limit} base vectors are
     * indexed, an exact one computed for them (the shipped one refers to the whole set).
     */
    private static GroundTruth groundTruth(Dataset dataset, VectorMatrix base, SweepParameters parameters,
                                           SweepListener listener) throws InterruptedException {
        if (base.rows() == dataset.base().rows()) {
            return dataset.groundTruth().orElseThrow();
        }
        return ExactNeighbors.compute(base, dataset.queries(), dataset.metric(), parameters.k(),
                Runtime.getRuntime().availableProcessors(), listener::progress);
    }
}
