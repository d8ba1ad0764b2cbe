package io.hnswbench.datasets;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * The ids under which an index holds a dataset's base vectors: the row numbers {@code "0"},
 * {@code "1"}…, so that a search result maps back to its row (its text, its ground-truth id).
 */
public final class RowIds {

    private RowIds() {
    }

    /** {@code "0"} … {@code rows - 1}, made on demand: a million rows need no million strings up front. */
    public static List<String> of(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        return new AbstractList<>() {
            @Override
            public String get(int row) {
                Objects.checkIndex(row, rows);
                return Integer.toString(row);
            }

            @Override
            public int size() {
                return rows;
            }
        };
    }
}
