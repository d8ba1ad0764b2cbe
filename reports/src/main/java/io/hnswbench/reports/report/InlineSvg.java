package io.hnswbench.reports.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chart's standalone SVG document made fit to sit inside an HTML page: the XML declaration,
 * doctype and leading comments go (the doctype names a DTD on the web), and a {@code viewBox} is
 * added from {@code width}/{@code height} when missing so that the chart scales down with the page
 * instead of being cut off.
 *
 * <p>A report must open from a file without a network, so an SVG that loads anything from outside
 * itself (an {@code href} or {@code url()} to other than {@code #fragment} or {@code data:}) or that
 * carries a script is refused.
 */
final class InlineSvg {

    private static final Pattern PROLOG = Pattern.compile(
            "\\A(?:\\s+|<\\?xml.*?\\?>|<!DOCTYPE[^>\\[]*(?:\\[.*?])?\\s*>|<!--.*?-->)*", Pattern.DOTALL);
    private static final Pattern ROOT = Pattern.compile("\\A<svg(?=[\\s>/])([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][\\w:.-]*)\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:px)?\\s*");
    private static final Pattern EXTERNAL_HREF = Pattern.compile(
            "<[^>]*\\s(?:(?:xlink:)?href|src)\\s*=\\s*([\"'])\\s*+(?!#|data:)[^\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_URL = Pattern.compile(
            "url\\(\\s*([\"']?)\\s*+(?!#|data:)[^)\"'\\s]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT = Pattern.compile(
            "<script|<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private InlineSvg() {
    }

    /**
     * The {@code <svg>} element of {@code document}, ready to inline.
     *
     * @throws IllegalArgumentException when it is not an SVG document or reaches outside itself
     */
    static String of(String chartId, String document) {
        if (document == null) {
            throw new IllegalArgumentException("chart " + chartId + " has no SVG");
        }
        Matcher prolog = PROLOG.matcher(document);
        String svg = document.substring(prolog.lookingAt() ? prolog.end() : 0).strip();
        Matcher root = ROOT.matcher(svg);
        if (!root.find()) {
            throw new IllegalArgumentException("chart " + chartId + ": the SVG does not start with an <svg> element");
        }
        if (SCRIPT.matcher(svg).find()) {
            throw new IllegalArgumentException("chart " + chartId + ": the SVG carries a script");
        }
        if (EXTERNAL_HREF.matcher(svg).find() || EXTERNAL_URL.matcher(svg).find()) {
            throw new IllegalArgumentException("chart " + chartId + ": the SVG refers to a resource outside itself");
        }
        String attributes = root.group(1);
        if (attributes.endsWith("/")) {
            return svg;
        }
        return "<svg" + withViewBox(attributes) + ">" + svg.substring(root.end());
    }

    private static String withViewBox(String attributes) {
        String width = null;
        String height = null;
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        while (attribute.find()) {
            String name = attribute.group(1).toLowerCase(Locale.ROOT);
            String value = attribute.group(2).substring(1, attribute.group(2).length() - 1);
            switch (name) {
                case "viewbox" -> {
                    return attributes;
                }
                case "width" -> width = value;
                case "height" -> height = value;
                default -> {
                }
            }
        }
        Matcher w = width == null ? null : LENGTH.matcher(width);
        Matcher h = height == null ? null : LENGTH.matcher(height);
        if (w == null || h == null || !w.matches() || !h.matches()) {
            return attributes;
        }
        return attributes + " viewBox=\"0 0 " + w.group(1) + " " + h.group(1) + "\"";
    }
}
