package io.hnswbench.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded synthetic vectors, every component drawn from a standard Gaussian, and their exact
 * nearest neighbours under squared L2. Row {@code r} of a stream depends only on the seed, the
 * stream and {@code r}, so rows can be generated in parallel and regenerated anywhere.
 */
final class SyntheticData {

    /** Stream of the base vectors. */
    static final long BASE = 1;
    /** Stream of the query vectors. */
    static final long QUERIES = 2;

    /** Base rows scanned per pass of a query block, so the chunk stays in cache across the block. */
    private static final int CHUNK_ROWS = 2048;
    /** Queries that share one pass over the base. */
    private static final int QUERY_BLOCK = 25;

    private SyntheticData() {
    }

    /** {@code rows} vectors of stream {@code stream} laid end to end, generated on all cores. */
    static float[] gaussianRows(long seed, long stream, int rows, int dimension) {
        float[] vectors = new float[Math.multiplyExact(rows, dimension)];
        IntStream.range(0, rows).parallel().forEach(row -> {
            SplittableRandom random = new SplittableRandom(mix(mix(seed ^ mix(stream)) + row));
            int offset = row * dimension;
            for (int c = 0; c < dimension; c++) {
                vectors[offset + c] = (float) random.nextGaussian();
            }
        });
        return vectors;
    }

    /** The same rows, one array per row. */
    static float[][] split(float[] rows, int dimension) {
        float[][] vectors = new float[rows.length / dimension][];
        for (int row = 0; row < vectors.length; row++) {
            vectors[row] = Arrays.copyOfRange(rows, row * dimension, (row + 1) * dimension);
        }
        return vectors;
    }

    /**
     * The row numbers of each query's k nearest base rows under squared L2, nearest first, by
     * brute force in double precision, blocks of queries spread over all cores.
     */
    static int[][] exactNeighbours(float[] base, float[] queries, int dimension, int k) {
        int baseCount = base.length / dimension;
        int queryCount = queries.length / dimension;
        int[][] neighbours = new int[queryCount][];
        int blocks = (queryCount + QUERY_BLOCK - 1) / QUERY_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int first = block * QUERY_BLOCK;
            int end = Math.min(first + QUERY_BLOCK, queryCount);
            TopK[] tops = new TopK[end - first];
            for (int q = first; q < end; q++) {
                tops[q - first] = new TopK(k);
            }
            for (int chunk = 0; chunk < baseCount; chunk += CHUNK_ROWS) {
                int chunkEnd = Math.min(chunk + CHUNK_ROWS, baseCount);
                for (int q = first; q < end; q++) {
                    TopK top = tops[q - first];
                    int queryOffset = q * dimension;
                    for (int row = chunk; row < chunkEnd; row++) {
                        double distance = squaredDistance(queries, queryOffset, base, row * dimension, dimension);
                        if (distance < top.worst()) {
                            top.offer(row, distance);
                        }
                    }
                }
            }
            for (int q = first; q < end; q++) {
                neighbours[q] = tops[q - first].rowsNearestFirst();
            }
        });
        return neighbours;
    }

    private static double squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int dimension) {
        // Four sums, so that the additions do not wait on each other.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int c = 0;
        for (; c + 3 < dimension; c += 4) {
            double d0 = (double) a[aOffset + c] - b[bOffset + c];
            double d1 = (double) a[aOffset + c + 1] - b[bOffset + c + 1];
            double d2 = (double) a[aOffset + c + 2] - b[bOffset + c + 2];
            double d3 = (double) a[aOffset + c + 3] - b[bOffset + c + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; c < dimension; c++) {
            double d = (double) a[aOffset + c] - b[bOffset + c];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The k smallest distances seen, kept sorted by insertion (k is small). */
    private static final class TopK {
        private final int[] rows;
        private final double[] distances;
        private int size;

        TopK(int k) {
            rows = new int[k];
            distances = new double[k];
        }

        double worst() {
            return size < rows.length ? Double.POSITIVE_INFINITY : distances[size - 1];
        }

        void offer(int row, double distance) {
            int position = size < rows.length ? size++ : size - 1;
            while (position > 0 && distances[position - 1] > distance) {
                distances[position] = distances[position - 1];
                rows[position] = rows[position - 1];
                position--;
            }
            distances[position] = distance;
            rows[position] = row;
        }

        int[] rowsNearestFirst() {
            return Arrays.copyOf(rows, size);
        }
    }

    static void writeFloats(Path file, float[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(values.length);
            for (float value : values) {
                out.writeFloat(value);
            }
        }
    }

    static float[] readFloats(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            float[] values = new float[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            return values;
        }
    }

    static void writeRows(Path file, int[][] rows) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(rows.length);
            for (int[] row : rows) {
                out.writeInt(row.length);
                for (int value : row) {
                    out.writeInt(value);
                }
            }
        }
    }

    static int[][] readRows(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int[][] rows = new int[in.readInt()][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new int[in.readInt()];
                for (int i = 0; i < rows[r].length; i++) {
                    rows[r][i] = in.readInt();
                }
            }
            return rows;
        }
    }

    /** SplitMix64's finaliser: spreads the bits of a seed. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
