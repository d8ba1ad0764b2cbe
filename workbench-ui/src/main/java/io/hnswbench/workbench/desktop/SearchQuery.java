package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;

/**
 * What the Search screen searches for: a query vector of the dataset's query set, or a text the
 * user typed, embedded. Two instances are equal only when they hold the same vector array (a
 * record compares arrays by reference), so exact neighbours found for one are never taken for
 * another's.
 *
 * @param vector the query vector; not to be modified
 * @param setRow the query's row in the dataset's query set, or -1 for a typed text
 * @param text   the query's text; empty when the dataset has no texts
 */
record SearchQuery(float[] vector, int setRow, String text) {

    /** Query {@code row} of the dataset's query set, with its text when the dataset has texts. */
    static SearchQuery fromSet(Dataset dataset, int row) {
        String text = dataset.queryTexts().map(texts -> texts.get(row)).orElse("");
        return new SearchQuery(dataset.queries().row(row), row, text);
    }

    /** A text the user typed, and its embedding. */
    static SearchQuery typed(String text, float[] vector) {
        return new SearchQuery(vector, -1, text);
    }

    /** Whether the query comes from the dataset's query set (so its ground truth may list its neighbours). */
    boolean fromSet() {
        return setRow >= 0;
    }
}
