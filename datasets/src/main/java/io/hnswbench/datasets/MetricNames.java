package io.hnswbench.datasets;

import io.hnswbench.engine.Metric;
import java.util.Locale;

/**
 * The metric names of {@code meta.json} and the command line, and the names other tools use for
 * the same metrics (ann-benchmarks writes {@code angular}, {@code euclidean} and {@code dot}).
 */
public final class MetricNames {

    /** What {@link #parse} accepts, for messages. */
    public static final String ACCEPTED = "cosine (or angular), l2 (or euclidean), inner_product (or ip, dot)";

    private MetricNames() {
    }

    /** The name written to {@code meta.json}: {@code cosine}, {@code l2} or {@code inner_product}. */
    public static String of(Metric metric) {
        return switch (metric) {
            case COSINE -> "cosine";
            case L2 -> "l2";
            case INNER_PRODUCT -> "inner_product";
        };
    }

    /**
     * The engine metric for a name, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted names when the engine does not know it
     */
    public static Metric parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("no metric given; the engine knows " + ACCEPTED);
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "cosine", "angular" -> Metric.COSINE;
            case "l2", "euclidean", "sqeuclidean" -> Metric.L2;
            case "inner_product", "ip", "dot" -> Metric.INNER_PRODUCT;
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'; the engine knows " + ACCEPTED);
        };
    }
}
