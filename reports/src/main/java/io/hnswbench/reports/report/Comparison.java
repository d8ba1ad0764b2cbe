package io.hnswbench.reports.report;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.SweepResults.DatasetSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several sweeps (each one results.json) merged for one report. Every run keeps the dataset and
 * environment of its sweep; sweeps are grouped by dataset, because recall and speed measured on
 * different data do not compare.
 *
 * <p>Two sweeps measured the same dataset when name, metric, dimension, base and query counts,
 * ground-truth depth and the sweep's base-vector limit agree. The dataset folder is not compared:
 * the same data lives in different folders on different machines.
 *
 * @param sweeps   the sweeps in the order given; a sweep's number in a report is its position + 1
 * @param datasets the sweeps grouped by dataset, in the order datasets first appear
 */
public record Comparison(List<SweepResults> sweeps, List<DatasetGroup> datasets) {

    public Comparison {
        sweeps = List.copyOf(sweeps);
        datasets = List.copyOf(datasets);
    }

    /**
     * The sweeps of one dataset.
     *
     * @param dataset the dataset as the group's first sweep describes it
     * @param limit   base vectors the sweeps used (the first ones); 0 for all
     * @param sweeps  in the order given
     */
    public record DatasetGroup(DatasetSummary dataset, int limit, List<SweepResults> sweeps) {

        public DatasetGroup {
            sweeps = List.copyOf(sweeps);
        }

        /** Every run of every sweep of this dataset, sweep by sweep. */
        public List<RunResult> runs() {
            return sweeps.stream().flatMap(sweep -> sweep.runs().stream()).toList();
        }

        /** The fastest configuration for each of {@link Recommendation#TARGET_RECALLS}. */
        public List<Recommendation> recommendations() {
            return Recommendation.forTargets(sweeps, Recommendation.TARGET_RECALLS);
        }

        /** The engines measured on this dataset, in the order they first ran. */
        public List<String> engines() {
            return runs().stream().map(RunResult::engine).distinct().toList();
        }

        /** The fastest configuration of one engine for each of {@link Recommendation#TARGET_RECALLS}. */
        public List<Recommendation> recommendations(String engine) {
            List<SweepResults> ofEngine = sweeps.stream()
                    .map(sweep -> new SweepResults(sweep.dataset(), sweep.environment(), sweep.parameters(),
                            sweep.runs().stream().filter(run -> run.engine().equals(engine)).toList(), sweep.cancelled()))
                    .toList();
            return Recommendation.forTargets(ofEngine, Recommendation.TARGET_RECALLS);
        }

        /** One heat map per engine, for {@code targetRecall}. */
        public List<RecallHeatMap> heatMaps(double targetRecall) {
            return RecallHeatMap.of(sweeps, targetRecall);
        }
    }

    /** What makes two sweeps' datasets the same (see the class comment). */
    private record DatasetKey(String name, String metric, int dimension, int baseCount, int queryCount, int gtK,
                              int limit) {

        static DatasetKey of(SweepResults sweep) {
            DatasetSummary dataset = sweep.dataset();
            return new DatasetKey(dataset.name(), dataset.metric(), dataset.dimension(), dataset.baseCount(),
                    dataset.queryCount(), dataset.gtK(), limitOf(sweep));
        }
    }

    /** Groups {@code sweeps} by dataset. */
    public static Comparison of(List<SweepResults> sweeps) {
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one results.json");
        }
        Map<DatasetKey, List<SweepResults>> byDataset = new LinkedHashMap<>();
        for (SweepResults sweep : sweeps) {
            Objects.requireNonNull(sweep.dataset(), "a results.json without a dataset");
            byDataset.computeIfAbsent(DatasetKey.of(sweep), key -> new ArrayList<>()).add(sweep);
        }
        List<DatasetGroup> groups = byDataset.entrySet().stream()
                .map(entry -> new DatasetGroup(entry.getValue().getFirst().dataset(), entry.getKey().limit(),
                        entry.getValue()))
                .toList();
        return new Comparison(sweeps, groups);
    }

    /** True when the sweeps measured more than one dataset. */
    public boolean datasetsDiffer() {
        return datasets.size() > 1;
    }

    /** The 1-based number of {@code sweep} in this comparison (by identity). */
    public int numberOf(SweepResults sweep) {
        for (int i = 0; i < sweeps.size(); i++) {
            if (sweeps.get(i) == sweep) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a sweep of this comparison");
    }

    static int limitOf(SweepResults sweep) {
        return sweep.parameters() == null ? 0 : sweep.parameters().limit();
    }
}
