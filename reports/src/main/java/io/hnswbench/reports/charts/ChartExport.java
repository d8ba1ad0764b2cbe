package io.hnswbench.reports.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart to PNG or SVG, off screen (works with {@code java.awt.headless=true}, given fonts).
 *
 * <p>The SVG is a standalone document without a DOCTYPE or any external reference, with a
 * {@code viewBox} so it scales when inlined into HTML. Its clip-path and gradient ids carry a
 * prefix unique to the document, so several SVGs can share one HTML page.
 */
public final class ChartExport {

    private static final AtomicLong DOCUMENTS = new AtomicLong();

    private ChartExport() {
    }

    /** The chart as SVG document text, {@code width} × {@code height} px. */
    public static String toSvg(JFreeChart chart, int width, int height) {
        return toSvg(chart, width, height, "chart" + DOCUMENTS.incrementAndGet());
    }

    /**
     * The chart as SVG document text; {@code idPrefix} starts every id inside it (letters, digits,
     * '-' and '_' only), so that documents inlined into one page do not share ids.
     */
    static String toSvg(JFreeChart chart, int width, int height, String idPrefix) {
        checkSize(width, height);
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        graphics.setDefsKeyPrefix(idPrefix.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        // Text stays text: searchable, selectable and sized by the viewer's fonts.
        graphics.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + graphics.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null) + "\n";
    }

    /** The chart as a PNG image, {@code width} × {@code height} px. */
    public static BufferedImage toImage(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** Writes the chart as a PNG file, creating missing parent folders. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        BufferedImage image = toImage(chart, width, height);
        createParent(file);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK for " + file);
        }
    }

    /** Writes the chart as an SVG file (UTF-8), creating missing parent folders. */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        writeSvgText(toSvg(chart, width, height), file);
    }

    static void writeSvgText(String svg, Path file) throws IOException {
        createParent(file);
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, was " + width + " × " + height);
        }
    }
}
