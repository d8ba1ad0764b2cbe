package io.hnswbench.reports.report;

import io.hnswbench.reports.RenderedChart;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The content of a report, independent of its format: the HTML and the Markdown report render the
 * same blocks, so they cannot drift apart. Every string here is plain text from the data or from
 * this package; renderers escape all of it.
 */
sealed interface Block {

    /** A section title; {@code anchor} is a fragment id made of {@code [a-z0-9-]} only. */
    record Heading(int level, String text, String anchor) implements Block {
    }

    /** Running text. */
    record Paragraph(List<Span> spans) implements Block {

        static Paragraph of(String text) {
            return new Paragraph(List.of(Span.plain(text)));
        }

        static Paragraph of(Span... spans) {
            return new Paragraph(List.of(spans));
        }
    }

    /** A piece of running text and how it is set. */
    record Span(String text, Style style) {

        enum Style { PLAIN, STRONG, CODE }

        static Span plain(String text) {
            return new Span(text, Style.PLAIN);
        }

        static Span strong(String text) {
            return new Span(text, Style.STRONG);
        }

        static Span code(String text) {
            return new Span(text, Style.CODE);
        }
    }

    /** Text set apart, such as "the results are partial"; {@code warning} draws attention. */
    record Note(boolean warning, String title, String text) implements Block {
    }

    /** A command line to copy. */
    record Code(String text) implements Block {
    }

    /**
     * A table. {@code kind} picks its look ({@code properties}, {@code recommendations},
     * {@code heatmap}, {@code points}); rows must span exactly the columns.
     */
    record Table(String kind, List<Column> columns, List<List<Cell>> rows) implements Block {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            for (List<Cell> row : rows) {
                int width = row.stream().mapToInt(Cell::span).sum();
                if (width != columns.size()) {
                    throw new IllegalArgumentException("a row spans " + width + " of " + columns.size() + " columns");
                }
            }
        }
    }

    /** A column: its header and whether it holds numbers (set right-aligned). */
    record Column(String header, boolean numeric) {

        static Column text(String header) {
            return new Column(header, false);
        }

        static Column number(String header) {
            return new Column(header, true);
        }
    }

    /**
     * A table cell.
     *
     * @param header     true for a row's label
     * @param detail     a second, smaller line (HTML) or a parenthesised suffix (Markdown); may be null
     * @param span       columns the cell covers
     * @param background a colour {@code #rrggbb}, or null
     * @param shade      {@link Shade#NONE}, or a pattern for heat-map cells without a value
     */
    record Cell(String text, boolean header, String detail, int span, String background, Shade shade) {

        private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

        public Cell {
            if (span < 1) {
                throw new IllegalArgumentException("span " + span);
            }
            if (background != null && !COLOUR.matcher(background).matches()) {
                throw new IllegalArgumentException("not a #rrggbb colour: " + background);
            }
        }

        static Cell of(String text) {
            return new Cell(text, false, null, 1, null, Shade.NONE);
        }

        static Cell label(String text) {
            return new Cell(text, true, null, 1, null, Shade.NONE);
        }

        static Cell spanning(String text, int span) {
            return new Cell(text, false, null, span, null, Shade.NONE);
        }
    }

    /** How a heat-map cell without a value is drawn. */
    enum Shade { NONE, NOT_REACHED, NOT_RUN }

    /** A colour key: one swatch per value. */
    record Legend(String title, List<Swatch> swatches) implements Block {
    }

    /** One entry of a legend. */
    record Swatch(String label, String background, Shade shade) {
    }

    /** A chart: inline SVG in HTML, the PNG beside the report in Markdown. */
    record Figure(RenderedChart chart) implements Block {
    }
}
