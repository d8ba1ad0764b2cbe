package io.hnswbench.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The points no other point beats on both recall and speed, the curve ann-benchmarks draws per
 * run: sorted by recall, highest QPS first among equals, keeping a point only when its QPS is
 * higher than that of every point with more recall.
 */
public final class ParetoFrontier {

    private ParetoFrontier() {
    }

    /** The frontier of {@code points}, by increasing recall (and so decreasing QPS). */
    public static List<SweepPoint> of(List<SweepPoint> points) {
        List<SweepPoint> byRecallDescending = new ArrayList<>(points);
        byRecallDescending.sort(Comparator.comparingDouble(SweepPoint::recall).reversed()
                .thenComparing(Comparator.comparingDouble(SweepPoint::qps).reversed()));
        List<SweepPoint> frontier = new ArrayList<>();
        double bestQps = Double.NEGATIVE_INFINITY;
        for (SweepPoint point : byRecallDescending) {
            if (point.qps() > bestQps) {
                frontier.add(point);
                bestQps = point.qps();
            }
        }
        return frontier.reversed();
    }
}
