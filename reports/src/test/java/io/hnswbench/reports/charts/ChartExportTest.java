package io.hnswbench.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.SweepResults;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartExportTest {

    private final List<SweepResults> results = List.of(SampleSweeps.twoRuns());

    @Test
    void svgIsAStandaloneXmlDocumentHoldingTheTitle() throws Exception {
        JFreeChart chart = SweepCharts.recallVsQps(results);

        String svg = ChartExport.toSvg(chart, 900, 560);

        Document document = parse(svg);
        assertEquals("svg", document.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", document.getDocumentElement().getNamespaceURI());
        assertTrue(document.getDocumentElement().getTextContent().contains("Recall vs queries per second"));
        assertEquals(List.of(0.0, 0.0, 900.0, 560.0), Arrays.stream(document.getDocumentElement()
                .getAttribute("viewBox").split(" ")).map(Double::valueOf).toList(), "scales when inlined");
        assertFalse(svg.contains("<!DOCTYPE"), "no DTD to fetch");
        assertFalse(svg.contains("<image"), "no embedded or linked images");
        assertFalse(Pattern.compile("(href|src)=['\"](?!#)").matcher(svg).find(), "no external references");
        assertFalse(svg.contains("url(http"), "no external references");
    }

    @Test
    void twoSvgDocumentsShareNoIdsSoAPageCanInlineBoth() {
        JFreeChart chart = SweepCharts.latencyVsEfSearch(results);

        Set<String> first = ids(ChartExport.toSvg(chart, 900, 820));
        Set<String> second = ids(ChartExport.toSvg(chart, 900, 820));

        assertFalse(first.isEmpty(), "the plots clip, so there are clip-path ids");
        first.retainAll(second);
        assertEquals(Set.of(), first);
    }

    @Test
    void pngAndSvgFilesAreWrittenAtTheRequestedSize(@TempDir Path folder) throws Exception {
        JFreeChart chart = SweepCharts.recallVsEfSearch(results);
        Path png = folder.resolve("nested/recall.png");
        Path svg = folder.resolve("nested/recall.svg");

        ChartExport.writePng(chart, png, 640, 420);
        ChartExport.writeSvg(chart, svg, 640, 420);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG ImageIO can decode");
        assertEquals(640, image.getWidth());
        assertEquals(420, image.getHeight());
        Document document = parse(Files.readString(svg, StandardCharsets.UTF_8));
        assertEquals(640.0, Double.parseDouble(document.getDocumentElement().getAttribute("width")));
    }

    @Test
    void theWholeImageIsDrawnOnWhite() {
        BufferedImage image = ChartExport.toImage(SweepCharts.recallVsQps(results), 400, 300);

        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(399, 299) & 0xFFFFFF);
    }

    @Test
    void sizeMustBePositive() {
        JFreeChart chart = SweepCharts.recallVsQps(results);

        assertThrows(IllegalArgumentException.class, () -> ChartExport.toSvg(chart, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> ChartExport.toImage(chart, 100, -1));
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // Fails on any DOCTYPE, so a parse proves the document needs no DTD from the network.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> ids(String svg) {
        Set<String> ids = new HashSet<>();
        Matcher matcher = Pattern.compile(" id=['\"]([^'\"]+)['\"]").matcher(svg);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
