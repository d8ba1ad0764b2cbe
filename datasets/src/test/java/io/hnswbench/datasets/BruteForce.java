package io.hnswbench.datasets;

import io.hnswbench.engine.Metric;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The plainest exact k-nearest-neighbour search there is, to check {@link ExactNeighbors} against:
 * double loops over float components in double precision, sorted by (distance, id).
 */
final class BruteForce {

    private BruteForce() {
    }

    /** The engine's distance of two vectors, in double precision: 1 - cos, squared L2, or 1 - a·b. */
    static double distance(Metric metric, float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        double squared = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
            double difference = (double) a[i] - b[i];
            squared += difference * difference;
        }
        return switch (metric) {
            case COSINE -> 1 - dot / Math.sqrt(aa * bb);
            case L2 -> squared;
            case INNER_PRODUCT -> 1 - dot;
        };
    }

    /** The k nearest base rows of each query, nearest first, ties by lower id. */
    static int[][] neighbors(VectorMatrix base, VectorMatrix queries, Metric metric, int k) {
        int depth = Math.min(k, base.rows());
        int[][] result = new int[queries.rows()][];
        for (int q = 0; q < queries.rows(); q++) {
            float[] query = queries.row(q);
            double[] distances = new double[base.rows()];
            Integer[] ids = new Integer[base.rows()];
            for (int row = 0; row < base.rows(); row++) {
                distances[row] = distance(metric, query, base.row(row));
                ids[row] = row;
            }
            Arrays.sort(ids, Comparator.<Integer>comparingDouble(id -> distances[id]).thenComparingInt(id -> id));
            result[q] = Arrays.stream(ids).limit(depth).mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    /** The rows of an id matrix as arrays, for assertArrayEquals against {@link #neighbors}. */
    static int[][] rows(IntMatrix ids) {
        int[][] rows = new int[ids.rows()][];
        for (int r = 0; r < ids.rows(); r++) {
            rows[r] = ids.row(r);
        }
        return rows;
    }
}
