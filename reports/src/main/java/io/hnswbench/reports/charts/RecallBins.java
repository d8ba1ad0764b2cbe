package io.hnswbench.reports.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bins for a histogram of per-query recall@k. A query's recall is j/k for some j, so for small k
 * there is one bin per possible value; for large k ten bins of 0.1 and one for exactly 1, the
 * bin that matters most.
 */
final class RecallBins {

    /** Above this k a bin per value would crowd the axis. */
    static final int MAX_K_WITH_BIN_PER_VALUE = 20;

    private static final int COARSE_BINS = 10;

    private RecallBins() {
    }

    static List<String> labels(int k) {
        List<String> labels = new ArrayList<>();
        if (k >= 1 && k <= MAX_K_WITH_BIN_PER_VALUE) {
            DecimalFormat format = new DecimalFormat(k <= 10 ? "0.0#" : "0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            for (int hits = 0; hits <= k; hits++) {
                labels.add(format.format((double) hits / k));
            }
        } else {
            for (int bin = 0; bin < COARSE_BINS; bin++) {
                labels.add(String.format(Locale.ROOT, "%.1f–%.1f", bin / 10.0, (bin + 1) / 10.0));
            }
            labels.add("1");
        }
        return labels;
    }

    /** Queries per bin of {@link #labels}; recall outside [0, 1] counts in the nearest end bin. */
    static int[] count(int k, double[] recalls) {
        boolean perValue = k >= 1 && k <= MAX_K_WITH_BIN_PER_VALUE;
        int[] counts = new int[perValue ? k + 1 : COARSE_BINS + 1];
        for (double recall : recalls) {
            int bin;
            if (Double.isNaN(recall)) {
                continue;
            } else if (perValue) {
                bin = (int) Math.round(recall * k);
            } else if (recall >= 1) {
                bin = COARSE_BINS;
            } else {
                // Coarse bins are half-open, [0.3, 0.4): exactly 1 has a bin of its own.
                bin = Math.min(COARSE_BINS - 1, (int) Math.floor(recall * COARSE_BINS + 1e-9));
            }
            counts[Math.clamp(bin, 0, counts.length - 1)]++;
        }
        return counts;
    }
}
