package io.hnswbench.reports.report;

import io.hnswbench.reports.report.Block.Cell;
import io.hnswbench.reports.report.Block.Code;
import io.hnswbench.reports.report.Block.Column;
import io.hnswbench.reports.report.Block.Figure;
import io.hnswbench.reports.report.Block.Heading;
import io.hnswbench.reports.report.Block.Legend;
import io.hnswbench.reports.report.Block.Note;
import io.hnswbench.reports.report.Block.Paragraph;
import io.hnswbench.reports.report.Block.Span;
import io.hnswbench.reports.report.Block.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Blocks as GitHub Markdown: tables as pipe tables, charts as links to the PNG files the chart
 * code writes beside the report ({@code ![title](id.png)}). Colour has no Markdown form: heat-map
 * cells show their values only, and the colour legend is left out.
 */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(List<Block> blocks) {
        StringBuilder markdown = new StringBuilder(32 * 1024);
        for (Block block : blocks) {
            // a colour key has nothing to key in Markdown, where cells carry no colour
            if (!(block instanceof Legend)) {
                block(markdown, block);
                markdown.append('\n');
            }
        }
        markdown.append("---\n\n_Written by HNSW Workbench; `report.html` beside this file holds the same content with"
                + " the charts inline._\n");
        return markdown.toString();
    }

    private static void block(StringBuilder markdown, Block block) {
        switch (block) {
            case Heading heading -> markdown.append("#".repeat(heading.level())).append(' ')
                    .append(escape(heading.text())).append('\n');
            case Paragraph paragraph -> {
                spans(markdown, paragraph.spans());
                markdown.append('\n');
            }
            case Note note -> markdown.append("> **").append(escape(note.title())).append("** ")
                    .append(escape(note.text())).append('\n');
            case Code code -> {
                String fence = fenceFor(code.text());
                markdown.append(fence).append("sh\n").append(code.text()).append('\n').append(fence).append('\n');
            }
            case Table table -> table(markdown, table);
            case Legend legend -> throw new IllegalArgumentException("a legend has no Markdown form");
            case Figure figure -> markdown.append("![").append(escape(figure.chart().title())).append("](")
                    .append(pngLink(figure.chart().id())).append(")\n\n*")
                    .append(escape(figure.chart().caption())).append("*\n");
        }
    }

    private static void spans(StringBuilder markdown, List<Span> spans) {
        for (Span span : spans) {
            switch (span.style()) {
                case PLAIN -> markdown.append(escape(span.text()));
                case STRONG -> markdown.append("**").append(escape(span.text())).append("**");
                case CODE -> {
                    String ticks = span.text().contains("`") ? "`` " : "`";
                    markdown.append(ticks).append(span.text()).append(new StringBuilder(ticks).reverse());
                }
            }
        }
    }

    private static void table(StringBuilder markdown, Table table) {
        List<Column> columns = table.columns();
        markdown.append('|');
        columns.forEach(column -> markdown.append(' ').append(escape(column.header())).append(" |"));
        markdown.append("\n|");
        columns.forEach(column -> markdown.append(column.numeric() ? " ---: |" : " --- |"));
        markdown.append('\n');
        for (List<Cell> row : table.rows()) {
            markdown.append('|');
            for (Cell cell : row) {
                String text = escape(cell.text()) + (cell.detail() == null ? "" : " (" + escape(cell.detail()) + ")");
                markdown.append(' ').append(cell.header() ? "**" + text + "**" : text).append(" |");
                // Markdown has no column span: the covered columns stay empty
                markdown.append("  |".repeat(cell.span() - 1));
            }
            markdown.append('\n');
        }
    }

    /** A fence longer than any run of backticks in {@code text}. */
    private static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** The chart's PNG file name, percent-encoding anything but a file-name-safe character. */
    static String pngLink(String id) {
        StringBuilder link = new StringBuilder();
        for (byte b : (id == null ? "chart" : id).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                link.append(c);
            } else {
                link.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return link.append(".png").toString();
    }

    /**
     * Text that Markdown shows as written: punctuation that starts emphasis, code, links or tables
     * is backslash-escaped; {@code &}, {@code <}, {@code >} become entities so that no HTML or
     * entity from the data is interpreted; line breaks become spaces (a table row is one line).
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '~', '#' -> escaped.append('\\').append(c);
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\n', '\r', '\t' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
