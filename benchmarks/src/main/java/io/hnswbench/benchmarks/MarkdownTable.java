package io.hnswbench.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A right-aligned Markdown table whose columns are padded, so it reads in a terminal and pastes into docs. */
final class MarkdownTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... headers) {
        this.headers = List.of(headers);
    }

    MarkdownTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, headers.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, headers, widths);
        for (int c = 0; c < widths.length; c++) {
            out.append("| ").append("-".repeat(widths[c] - 1)).append(": ");
        }
        out.append("|\n");
        for (List<String> row : rows) {
            appendLine(out, row, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            out.append("| ").append(" ".repeat(widths[c] - cells.get(c).length())).append(cells.get(c)).append(' ');
        }
        out.append("|\n");
    }
}
