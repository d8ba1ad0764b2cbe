package io.hnswbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * One of the real datasets in {@code ../shared/datasets} (located through the
 * {@code hnswbench.datasets} system property the build sets), with its exact ground truth.
 * Recall counts ties: a returned id is a hit if its true distance is at most the k-th true
 * distance.
 */
public final class SharedDataset {

    public static final String MINILM = "minilm-debian-20k";
    public static final String MNIST = "mnist-784-10k";

    public final String name;
    public final Metric metric;
    public final float[][] base;
    public final float[][] queries;
    public final int[][] groundTruth;
    public final float[][] groundTruthDistances;

    private SharedDataset(String name, Metric metric, float[][] base, float[][] queries, int[][] groundTruth,
                          float[][] groundTruthDistances) {
        this.name = name;
        this.metric = metric;
        this.base = base;
        this.queries = queries;
        this.groundTruth = groundTruth;
        this.groundTruthDistances = groundTruthDistances;
    }

    /** Loads a dataset, or skips the calling test with a message when the folder is absent. */
    public static SharedDataset load(String name) throws IOException {
        Path folder = root().resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(folder), "shared dataset not found: " + folder
                + " (set -Dhnswbench.datasets=DIR to point at the datasets folder)");
        String meta = Files.readString(folder.resolve("meta.json"));
        Metric metric = meta.contains("\"metric\": \"cosine\"") ? Metric.COSINE : Metric.L2;
        return new SharedDataset(name, metric,
                TexmexFiles.readFvecs(folder.resolve("base.fvecs"), Integer.MAX_VALUE),
                TexmexFiles.readFvecs(folder.resolve("query.fvecs"), Integer.MAX_VALUE),
                TexmexFiles.readIvecs(folder.resolve("groundtruth.ivecs")),
                TexmexFiles.readFvecs(folder.resolve("groundtruth.distances.fvecs"), Integer.MAX_VALUE));
    }

    public static Path root() {
        return Path.of(System.getProperty("hnswbench.datasets", "../shared/datasets"));
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>(base.length);
        for (int i = 0; i < base.length; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
    }

    public int dimension() {
        return base[0].length;
    }

    /** Recall@k of one query's returned ids (base row numbers as strings), ties counted as hits. */
    public double recall(int query, List<SearchResult> hits, int k) {
        return recall(query, hits, k, groundTruthDistances[query][k - 1]);
    }

    /**
     * Recall@k of one query's returned ids against a given k-th true distance (e.g. over a subset
     * of the base); ties and float rounding within a relative 1e-5 count as hits.
     */
    public double recall(int query, List<SearchResult> hits, int k, float kthDistance) {
        float tolerance = 1e-5f * Math.max(1f, Math.abs(kthDistance));
        int found = 0;
        for (SearchResult hit : hits) {
            int row = Integer.parseInt(hit.id());
            float trueDistance = trueDistance(query, row);
            if (trueDistance <= kthDistance + tolerance) {
                found++;
            }
        }
        return Math.min(found, k) / (double) k;
    }

    /** The exact distance between a query and a base row, computed in double precision. */
    public float trueDistance(int query, int row) {
        float[] q = queries[query];
        float[] b = base[row];
        double result;
        if (metric == Metric.L2) {
            double sum = 0;
            for (int i = 0; i < q.length; i++) {
                double d = (double) q[i] - b[i];
                sum += d * d;
            }
            result = sum;
        } else {
            double dot = 0, qq = 0, bb = 0;
            for (int i = 0; i < q.length; i++) {
                dot += (double) q[i] * b[i];
                qq += (double) q[i] * q[i];
                bb += (double) b[i] * b[i];
            }
            result = 1 - dot / Math.sqrt(qq * bb);
        }
        return (float) result;
    }
}
