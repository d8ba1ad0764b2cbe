package io.hnswbench.workbench.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Reads a grid axis such as {@code 8,16,32} into a list, with a message naming the bad value. */
final class GridValues implements CommandLine.ITypeConverter<List<Integer>> {

    static final GridValues INSTANCE = new GridValues();

    @Override
    public List<Integer> convert(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String value = part.strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                values.add(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' in '" + text
                        + "' is not a whole number; give a comma-separated list such as 8,16,32");
            }
        }
        return values;
    }
}
