package io.hnswbench.datasets;

import java.util.Arrays;
import java.util.Objects;

/**
 * Vectors of one dimension stored row after row in a single {@code float[]}: a million vectors are
 * one array, not a million small ones, and {@link #data()} can be handed straight to
 * {@code HnswIndex.addAll(ids, float[], threads)} without copying.
 */
public final class VectorMatrix {

    /** The largest float array a JVM reliably allocates. */
    static final long MAX_FLOATS = Integer.MAX_VALUE - 8;

    private final float[] data;
    private final int rows;
    private final int dimension;

    private VectorMatrix(float[] data, int rows, int dimension) {
        this.data = data;
        this.rows = rows;
        this.dimension = dimension;
    }

    /**
     * Wraps {@code data} (not copied) as {@code rows} vectors of {@code dimension} floats.
     *
     * @throws IllegalArgumentException if the array length is not {@code rows * dimension}
     */
    public static VectorMatrix wrap(float[] data, int rows, int dimension) {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || dimension <= 0) {
            throw new IllegalArgumentException("need rows >= 0 and dimension > 0, got " + rows + " x " + dimension);
        }
        if ((long) rows * dimension != data.length) {
            throw new IllegalArgumentException(rows + " x " + dimension + " vectors need " + (long) rows * dimension
                    + " floats, the array holds " + data.length);
        }
        return new VectorMatrix(data, rows, dimension);
    }

    /** Copies equal-length vectors into one matrix. */
    public static VectorMatrix of(float[]... vectors) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("no vectors: the dimension is unknown");
        }
        int dimension = vectors[0].length;
        float[] data = new float[checkedSize(vectors.length, dimension)];
        for (int row = 0; row < vectors.length; row++) {
            if (vectors[row].length != dimension) {
                throw new IllegalArgumentException("vector " + row + " has dimension " + vectors[row].length
                        + ", vector 0 has " + dimension);
            }
            System.arraycopy(vectors[row], 0, data, row * dimension, dimension);
        }
        return wrap(data, vectors.length, dimension);
    }

    /** {@code rows * dimension} as an array length, or an exception saying why it cannot be one. */
    static int checkedSize(long rows, long dimension) {
        // Divides rather than multiplies: rows * dimension can overflow a long for sizes read from a file.
        if (rows < 0 || dimension <= 0 || rows > MAX_FLOATS / dimension) {
            throw new IllegalArgumentException(rows + " x " + dimension + " values do not fit one Java array (at most "
                    + MAX_FLOATS + "); split the set or use fewer vectors");
        }
        return (int) (rows * dimension);
    }

    public int rows() {
        return rows;
    }

    public int dimension() {
        return dimension;
    }

    /** The backing array, row-major; shared, not copied: do not modify it. */
    public float[] data() {
        return data;
    }

    /** Where {@code row} starts in {@link #data()}. */
    public int offset(int row) {
        Objects.checkIndex(row, rows);
        return row * dimension;
    }

    /** A copy of one vector. */
    public float[] row(int row) {
        int from = offset(row);
        return Arrays.copyOfRange(data, from, from + dimension);
    }

    /** A copy of the first {@code count} vectors. */
    public VectorMatrix head(int count) {
        Objects.checkFromToIndex(0, count, rows);
        return new VectorMatrix(Arrays.copyOf(data, count * dimension), count, dimension);
    }

    /** A copy of the given rows, in the given order. */
    public VectorMatrix select(int[] rowNumbers) {
        float[] selected = new float[checkedSize(rowNumbers.length, dimension)];
        for (int i = 0; i < rowNumbers.length; i++) {
            System.arraycopy(data, offset(rowNumbers[i]), selected, i * dimension, dimension);
        }
        return new VectorMatrix(selected, rowNumbers.length, dimension);
    }
}
