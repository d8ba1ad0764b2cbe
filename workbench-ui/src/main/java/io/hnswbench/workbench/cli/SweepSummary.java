package io.hnswbench.workbench.cli;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.report.Recommendation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The table a sweep or report prints at the end: every point, then the recommendations. */
final class SweepSummary {

    private static final String ROW = "%-28s %7s %8s %8s %8s %9s %9s %9s%n";

    private SweepSummary() {
    }

    static void print(PrintWriter out, SweepResults results) {
        out.printf(Locale.ROOT, "%n%s: %,d base vectors, %,d queries, %d-d, %s, recall@%s%s%n", results.dataset().name(),
                results.dataset().baseCount(), results.dataset().queryCount(), results.dataset().dimension(),
                results.dataset().metric(), results.parameters() == null ? "k" : results.parameters().k(),
                results.cancelled() ? " (stopped early: partial)" : "");
        out.printf(Locale.ROOT, ROW, "run", "build s", "MiB", "ef", "recall", "QPS", "p50 µs", "p99 µs");
        for (RunResult run : results.runs()) {
            boolean first = true;
            for (SweepPoint point : run.points()) {
                out.printf(Locale.ROOT, ROW, first ? run.label() : "", first ? String.format(Locale.ROOT, "%.2f",
                        run.buildSeconds()) : "", first ? String.format(Locale.ROOT, "%.1f", run.indexBytes() / 1048576.0)
                        : "", point.efSearch(), String.format(Locale.ROOT, "%.4f", point.recall()),
                        String.format(Locale.ROOT, "%,.0f", point.qps()), String.format(Locale.ROOT, "%.1f", point.p50Micros()),
                        String.format(Locale.ROOT, "%.1f", point.p99Micros()));
                first = false;
            }
        }
        for (Recommendation recommendation : Recommendation.forTargets(List.of(results), Recommendation.TARGET_RECALLS)) {
            out.printf(Locale.ROOT, "recall >= %.2f: %s%n", recommendation.targetRecall(), recommendation.choice()
                    .map(choice -> String.format(Locale.ROOT, "%s M=%d efC=%d ef=%d — recall %.4f, %,.0f QPS, build %.2f s, %.1f MiB",
                            choice.engine(), choice.m(), choice.efConstruction(), choice.efSearch(), choice.recall(),
                            choice.qps(), choice.buildSeconds(), choice.indexBytes() / 1048576.0))
                    .orElse("not reached by any point"));
        }
    }
}
