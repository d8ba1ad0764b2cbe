package io.hnswbench.workbench.cli;

import io.hnswbench.workbench.GridList;
import java.util.List;
import picocli.CommandLine;

/** Reads a grid axis such as {@code 8,16,32} into a list, with a message naming the bad value. */
final class GridValues implements CommandLine.ITypeConverter<List<Integer>> {

    static final GridValues INSTANCE = new GridValues();

    @Override
    public List<Integer> convert(String text) {
        try {
            return GridList.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
