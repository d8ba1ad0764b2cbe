package io.hnswbench.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.hnswbench.engine.SearchResult;
import io.hnswbench.engine.SharedDataset;

/**
 * The exact distance of each query's k-th nearest base vector, and recall judged against it the
 * way {@link SharedDataset#recall} judges it: a returned id is a hit when its true distance is at
 * most the k-th true distance (ties count), so an index is not penalised for picking a different
 * one of several equally near vectors.
 *
 * <p>SharedDataset's recall only knows the shipped ground truth over the whole base; a limited
 * base needs its own k-th distances, so this class holds them for both cases and the rule is
 * applied in one place.
 */
final class GroundTruth {

    private final SharedDataset dataset;
    private final int k;
    private final float[] kthDistances;
    private final String source;

    private GroundTruth(SharedDataset dataset, int k, float[] kthDistances, String source) {
        this.dataset = dataset;
        this.k = k;
        this.kthDistances = kthDistances;
        this.source = source;
    }

    /** The k-th distances from groundtruth.distances.fvecs: exact for the whole base. */
    static GroundTruth shipped(SharedDataset dataset, int k) {
        float[] kthDistances = new float[dataset.queries.length];
        for (int q = 0; q < kthDistances.length; q++) {
            kthDistances[q] = dataset.groundTruthDistances[q][k - 1];
        }
        return new GroundTruth(dataset, k, kthDistances,
                "shipped (groundtruth.distances.fvecs, exact over all " + dataset.base.length + " base vectors)");
    }

    /**
     * The k-th distances over the first {@code baseCount} base vectors, by brute force in double
     * precision ({@link SharedDataset#trueDistance}), queries spread over all cores.
     */
    static GroundTruth bruteForce(SharedDataset dataset, int baseCount, int k) {
        long start = System.nanoTime();
        float[] kthDistances = new float[dataset.queries.length];
        IntStream.range(0, kthDistances.length).parallel().forEach(q -> {
            float[] distances = new float[baseCount];
            for (int row = 0; row < baseCount; row++) {
                distances[row] = dataset.trueDistance(q, row);
            }
            Arrays.sort(distances);
            kthDistances[q] = distances[k - 1];
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new GroundTruth(dataset, k, kthDistances, String.format(Locale.ROOT,
                "exact brute force over the first %d base vectors, double precision (%.1f s)", baseCount, seconds));
    }

    /** Recall@k of one query's hits, whose ids are base row numbers. */
    double recall(int query, List<SearchResult> hits) {
        return dataset.recall(query, hits, k, kthDistances[query]);
    }

    /** Where the k-th distances came from, for the report. */
    String source() {
        return source;
    }
}
