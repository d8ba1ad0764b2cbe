package io.hnswbench.workbench;

import java.util.ArrayList;
import java.util.List;

/** Reads a grid axis such as {@code 8,16,32}, for the command line and the desktop app alike. */
public final class GridList {

    private GridList() {
    }

    /**
     * The whole numbers of a comma-separated list, in order; blank parts are skipped, so an empty
     * text gives an empty list (which callers refuse with their own message).
     *
     * @throws IllegalArgumentException naming the part that is not a whole number
     */
    public static List<Integer> parse(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String value = part.strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                values.add(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' in '" + text
                        + "' is not a whole number; give a comma-separated list such as 8,16,32");
            }
        }
        return values;
    }
}
