package io.hnswbench.workbench.desktop;

/**
 * One line of the Search screen's tables: a result of the index, or an exact neighbour.
 *
 * @param rank     1 for the nearest
 * @param id       the id in the index (a base row number)
 * @param distance the distance to the query, under the index's metric
 * @param text     the base row's text; empty when the dataset has no texts or the id is no row
 * @param match    whether the result is a true neighbour; {@code null} for an exact neighbour
 */
record Neighbour(int rank, String id, float distance, String text, Match match) {

    /** How a result of the index compares with the exact neighbours of its query. */
    enum Match {
        /** Among the exact k nearest. */
        TRUE("yes"),
        /** Not listed, but as near as the k-th exact neighbour: recall counts it as found. */
        TIE("tie"),
        /** Farther than the k-th exact neighbour. */
        FALSE("no"),
        /** The exact neighbours are still being computed (or were not). */
        UNKNOWN("…");

        private final String label;

        Match(String label) {
            this.label = label;
        }

        /** How the table shows it. */
        String label() {
            return label;
        }
    }
}
