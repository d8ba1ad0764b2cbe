package io.hnswbench.reports.report;

import io.hnswbench.reports.report.Block.Cell;
import io.hnswbench.reports.report.Block.Code;
import io.hnswbench.reports.report.Block.Column;
import io.hnswbench.reports.report.Block.Figure;
import io.hnswbench.reports.report.Block.Heading;
import io.hnswbench.reports.report.Block.Legend;
import io.hnswbench.reports.report.Block.Note;
import io.hnswbench.reports.report.Block.Paragraph;
import io.hnswbench.reports.report.Block.Shade;
import io.hnswbench.reports.report.Block.Span;
import io.hnswbench.reports.report.Block.Swatch;
import io.hnswbench.reports.report.Block.Table;
import java.util.List;

/**
 * Blocks as one self-contained HTML page: styles inline, charts as inline SVG, no script, no
 * font, nothing fetched, so it opens from a file anywhere. The markup is also well-formed XML
 * (void elements closed, only XML's own entities), which lets tests parse it.
 */
final class HtmlRenderer {

    private static final String STYLE = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f3f4f6; color: #1f2328;
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 2rem 2.5rem 3rem; background: #fff;
              min-height: 100vh; box-shadow: 0 0 0 1px #e5e7eb; }
            h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .3rem; }
            h2 { font-size: 1.35rem; margin: 2.6rem 0 .9rem; padding-bottom: .35rem; border-bottom: 1px solid #d0d7de; }
            h3 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; }
            h4 { font-size: .98rem; margin: 1.6rem 0 .3rem; font-family: ui-monospace, "SFMono-Regular", Menlo,
              Consolas, monospace; }
            p { margin: .5rem 0 .8rem; max-width: 52rem; }
            .subtitle { color: #59636e; margin-bottom: 1rem; }
            nav.contents { margin: 1rem 0 0; font-size: .9rem; color: #59636e; }
            nav.contents a { color: #0969da; text-decoration: none; margin-right: 1.1rem; white-space: nowrap; }
            nav.contents a:hover { text-decoration: underline; }
            .note { margin: 1rem 0; padding: .7rem 1rem; border-left: 4px solid #0969da; background: #eef5ff;
              border-radius: 0 6px 6px 0; max-width: 60rem; }
            .note.warning { border-left-color: #d4a72c; background: #fff8e5; }
            code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .86rem; }
            code { background: #f0f2f4; padding: .1rem .3rem; border-radius: 4px; }
            pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem 1rem;
              white-space: pre-wrap; overflow-wrap: anywhere; margin: .4rem 0 1.2rem; }
            pre code { background: none; padding: 0; border-radius: 0; font-size: inherit; }
            .table-wrap { overflow-x: auto; margin: .5rem 0 1.2rem; }
            table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
            th, td { padding: .38rem .75rem; border-bottom: 1px solid #e1e4e8; text-align: left; vertical-align: top; }
            thead th { background: #f6f8fa; border-bottom: 1px solid #c8ccd1; font-weight: 600; white-space: nowrap; }
            tbody th { font-weight: 600; }
            tbody tr:hover td, tbody tr:hover th { background: #f8fafc; }
            .num { text-align: right; white-space: nowrap; }
            table.properties { min-width: 32rem; }
            table.properties th, table.properties td { padding-top: .3rem; padding-bottom: .3rem; }
            table.properties tbody th { width: 14rem; color: #3d444d; white-space: nowrap; }
            table.properties td { overflow-wrap: anywhere; }
            table.points tbody th { text-align: right; }
            table.recommendations td.none { color: #8c4a00; font-style: italic; }
            table.heatmap { border-collapse: separate; border-spacing: 3px; }
            table.heatmap th, table.heatmap td { border: 0; }
            table.heatmap thead th { background: none; text-align: center; color: #3d444d; }
            table.heatmap thead th:first-child { text-align: left; font-weight: 500; color: #59636e; }
            table.heatmap tbody th { padding-right: 1rem; white-space: nowrap; vertical-align: middle; }
            table.heatmap td { width: 6.5rem; min-width: 6.5rem; height: 3.4rem; text-align: center;
              vertical-align: middle; border-radius: 4px; font-weight: 600; font-size: 1rem; }
            table.heatmap td small { display: block; font-weight: 400; font-size: .75rem; opacity: .85; }
            tbody tr:hover td.cell { filter: brightness(.97); }
            .not-reached { background: repeating-linear-gradient(135deg, #eceef1 0 6px, #dfe2e6 6px 12px);
              color: #57606a; }
            table.heatmap td.not-reached { font-weight: 500; font-size: .85rem; }
            .not-run { background: #fff; color: #8c959f; outline: 1px dashed #c8ccd1; outline-offset: -1px; }
            table.heatmap td.not-run { font-weight: 400; font-size: .85rem; }
            .legend { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem .9rem; font-size: .82rem;
              color: #3d444d; margin: .2rem 0 1.6rem; }
            .legend .title { font-weight: 600; }
            .legend .key { display: inline-flex; align-items: center; gap: .35rem; }
            .legend .swatch { display: inline-block; width: 1.6rem; height: 1rem; border-radius: 3px;
              box-shadow: inset 0 0 0 1px rgba(0,0,0,.08); }
            figure { margin: 1.2rem 0 2rem; padding: 1rem; border: 1px solid #d0d7de; border-radius: 8px; }
            figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
            figcaption { margin-top: .6rem; color: #3d444d; font-size: .9rem; }
            figcaption strong { color: #1f2328; }
            footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid #d0d7de; color: #59636e;
              font-size: .82rem; }
            @media print {
              body { background: #fff; }
              main { box-shadow: none; padding: 0; max-width: none; }
              nav.contents { display: none; }
              table, figure, .legend { break-inside: avoid; }
              h2, h3, h4 { break-after: avoid; }
            }
            """;

    private HtmlRenderer() {
    }

    /** The page for {@code blocks}, whose first block is the level-1 title. */
    static String render(String title, List<Block> blocks) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"HNSW Workbench\"/>\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        boolean contentsWritten = false;
        for (Block block : blocks) {
            // the contents go right before the first section, after the title and its notes
            if (!contentsWritten && block instanceof Heading heading && heading.level() == 2) {
                contents(html, blocks);
                contentsWritten = true;
            }
            block(html, block);
        }
        html.append("<footer>Written by HNSW Workbench. This page is self-contained: it loads nothing from a network."
                + "</footer>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void contents(StringBuilder html, List<Block> blocks) {
        html.append("<nav class=\"contents\">");
        for (Block block : blocks) {
            if (block instanceof Heading heading && heading.level() == 2) {
                html.append("<a href=\"#").append(heading.anchor()).append("\">").append(escape(heading.text()))
                        .append("</a>");
            }
        }
        html.append("</nav>\n");
    }

    private static void block(StringBuilder html, Block block) {
        switch (block) {
            case Heading heading -> html.append("<h").append(heading.level()).append(" id=\"")
                    .append(heading.anchor()).append("\">").append(escape(heading.text()))
                    .append("</h").append(heading.level()).append(">\n");
            case Paragraph paragraph -> {
                html.append("<p>");
                spans(html, paragraph.spans());
                html.append("</p>\n");
            }
            case Note note -> html.append("<div class=\"note").append(note.warning() ? " warning" : "")
                    .append("\" role=\"note\"><strong>").append(escape(note.title())).append("</strong> ")
                    .append(escape(note.text())).append("</div>\n");
            case Code code -> html.append("<pre><code>").append(escape(code.text())).append("</code></pre>\n");
            case Table table -> table(html, table);
            case Legend legend -> legend(html, legend);
            case Figure figure -> html.append("<figure id=\"chart-").append(anchorOf(figure.chart().id()))
                    .append("\">\n").append(InlineSvg.of(figure.chart().id(), figure.chart().svg()))
                    .append("\n<figcaption><strong>").append(escape(figure.chart().title())).append(".</strong> ")
                    .append(escape(figure.chart().caption())).append("</figcaption>\n</figure>\n");
        }
    }

    private static void spans(StringBuilder html, List<Span> spans) {
        for (Span span : spans) {
            switch (span.style()) {
                case PLAIN -> html.append(escape(span.text()));
                case STRONG -> html.append("<strong>").append(escape(span.text())).append("</strong>");
                case CODE -> html.append("<code>").append(escape(span.text())).append("</code>");
            }
        }
    }

    private static void table(StringBuilder html, Table table) {
        List<Column> columns = table.columns();
        html.append("<div class=\"table-wrap\"><table class=\"").append(table.kind()).append("\">\n<thead><tr>");
        for (Column column : columns) {
            html.append("<th scope=\"col\"").append(column.numeric() ? " class=\"num\"" : "").append(">")
                    .append(escape(column.header())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            int columnIndex = 0;
            for (Cell cell : row) {
                boolean numeric = cell.span() == 1 && columns.get(columnIndex).numeric();
                cell(html, cell, numeric);
                columnIndex += cell.span();
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    private static void cell(StringBuilder html, Cell cell, boolean numeric) {
        String tag = cell.header() ? "th" : "td";
        StringBuilder classes = new StringBuilder();
        if (numeric && cell.shade() == Shade.NONE && cell.background() == null) {
            classes.append("num");
        }
        if (cell.span() > 1) {
            classes.append(classes.isEmpty() ? "" : " ").append("none");
        }
        if (cell.background() != null || cell.shade() != Shade.NONE) {
            classes.append(classes.isEmpty() ? "" : " ").append(shadeClass(cell.shade()));
        }
        html.append('<').append(tag);
        if (cell.header()) {
            html.append(" scope=\"row\"");
        }
        if (!classes.isEmpty()) {
            html.append(" class=\"").append(classes.toString().strip()).append('"');
        }
        if (cell.span() > 1) {
            html.append(" colspan=\"").append(cell.span()).append('"');
        }
        if (cell.background() != null) {
            html.append(" style=\"background:").append(cell.background()).append(";color:")
                    .append(textColourOn(cell.background())).append('"');
        }
        html.append('>').append(escape(cell.text()));
        if (cell.detail() != null) {
            html.append("<small>").append(escape(cell.detail())).append("</small>");
        }
        html.append("</").append(tag).append('>');
    }

    private static void legend(StringBuilder html, Legend legend) {
        html.append("<div class=\"legend\"><span class=\"title\">").append(escape(legend.title())).append("</span>");
        for (Swatch swatch : legend.swatches()) {
            html.append("<span class=\"key\"><span class=\"swatch ").append(shadeClass(swatch.shade())).append('"');
            if (swatch.background() != null) {
                html.append(" style=\"background:").append(swatch.background()).append('"');
            }
            html.append("></span>").append(escape(swatch.label())).append("</span>");
        }
        html.append("</div>\n");
    }

    private static String shadeClass(Shade shade) {
        return switch (shade) {
            case NONE -> "cell";
            case NOT_REACHED -> "not-reached";
            case NOT_RUN -> "not-run";
        };
    }

    /** Black on light colours, white on dark ones (relative luminance of sRGB). */
    static String textColourOn(String background) {
        int rgb = Integer.parseInt(background.substring(1), 16);
        double luminance = 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff)
                + 0.0722 * linear(rgb & 0xff);
        return luminance > 0.22 ? "#1f2328" : "#ffffff";
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String anchorOf(String id) {
        return id == null ? "chart" : id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /**
     * Text for HTML content or a quoted attribute: the five markup characters as entities, and
     * characters XML forbids (control characters, lone surrogates) replaced by U+FFFD.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xfffe || c == 0xffff) {
                        escaped.append('\ufffd');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        escaped.append('\ufffd');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
