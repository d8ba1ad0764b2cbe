package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.reports.SweepParameters;
import java.util.List;

/**
 * A sweep's parameters checked against its dataset before anything is built, so a bad grid
 * fails at once with a message instead of after an hour of builds.
 *
 * @param base             the base vectors to index (the first {@code limit} when limited)
 * @param groundTruthDepth neighbours per query in the ground truth recall is measured against
 */
record SweepPlan(VectorMatrix base, int groundTruthDepth) {

    static SweepPlan check(Dataset dataset, SweepParameters parameters) {
        requireValues("M", parameters.m(), 2);
        requireValues("efConstruction", parameters.efConstruction(), 1);
        requireValues("efSearch", parameters.efSearch(), 1);
        requirePositive("k", parameters.k());
        requirePositive("build threads", parameters.buildThreads());
        requirePositive("search threads", parameters.searchThreads());
        if (parameters.warmUpQueries() < 0) {
            throw new IllegalArgumentException("warm-up queries must not be negative, got " + parameters.warmUpQueries());
        }
        int baseCount = dataset.base().rows();
        int limit = parameters.limit();
        if (limit < 0 || limit > baseCount) {
            throw new IllegalArgumentException("limit " + limit + " is outside 0.." + baseCount + " (0 indexes all "
                    + baseCount + " base vectors of " + dataset.name() + ")");
        }
        if (dataset.queries().rows() == 0) {
            throw new IllegalArgumentException(dataset.name() + " has no queries");
        }
        boolean limited = limit > 0 && limit < baseCount;
        if (limited) {
            if (parameters.k() > limit) {
                throw new IllegalArgumentException("k " + parameters.k() + " is more than the " + limit + " vectors indexed");
            }
            return new SweepPlan(dataset.base().head(limit), parameters.k());
        }
        int groundTruthK = dataset.groundTruth().map(truth -> truth.k()).orElseThrow(() -> new IllegalArgumentException(
                dataset.name() + " has no ground truth; compute it with ./workbench datasets ground-truth DIR"));
        if (parameters.k() > groundTruthK) {
            throw new IllegalArgumentException("k " + parameters.k() + " is more than the ground truth's depth (gt_k "
                    + groundTruthK + " in " + dataset.name() + "); use a smaller k or recompute with "
                    + "./workbench datasets ground-truth DIR --k " + parameters.k());
        }
        return new SweepPlan(dataset.base(), groundTruthK);
    }

    private static void requireValues(String name, List<Integer> values, int minimum) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the " + name + " list of the grid is empty");
        }
        for (int value : values) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " " + value + " is below " + minimum);
            }
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
