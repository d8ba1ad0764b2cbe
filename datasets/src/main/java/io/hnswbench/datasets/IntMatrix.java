package io.hnswbench.datasets;

import java.util.Arrays;
import java.util.Objects;

/** Rows of equally many ints in one {@code int[]}, such as the neighbour ids of a ground truth. */
public final class IntMatrix {

    private final int[] data;
    private final int rows;
    private final int columns;

    private IntMatrix(int[] data, int rows, int columns) {
        this.data = data;
        this.rows = rows;
        this.columns = columns;
    }

    /** Wraps {@code data} (not copied) as {@code rows} rows of {@code columns} ints. */
    public static IntMatrix wrap(int[] data, int rows, int columns) {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || columns <= 0 || (long) rows * columns != data.length) {
            throw new IllegalArgumentException(rows + " x " + columns + " ints do not match an array of "
                    + data.length);
        }
        return new IntMatrix(data, rows, columns);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int get(int row, int column) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, columns);
        return data[row * columns + column];
    }

    /** A copy of one row. */
    public int[] row(int row) {
        Objects.checkIndex(row, rows);
        return Arrays.copyOfRange(data, row * columns, (row + 1) * columns);
    }

    /** The backing array, row-major; shared, not copied: do not modify it. */
    public int[] data() {
        return data;
    }
}
