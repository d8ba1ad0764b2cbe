package io.hnswbench.reports.report;

import static io.hnswbench.reports.report.Fixtures.chart;
import static io.hnswbench.reports.report.Fixtures.dataset;
import static io.hnswbench.reports.report.Fixtures.parameters;
import static io.hnswbench.reports.report.Fixtures.point;
import static io.hnswbench.reports.report.Fixtures.run;
import static io.hnswbench.reports.report.Fixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.RenderedChart;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportWriterTest {

    private static final String NASTY = "a<b & \"c\"";

    private static final RunResult FAST = run(NASTY, 8, 100, 2.5, 12_582_912,
            point(10, 0.80, 21_000), point(20, 0.91, 15_345.4), point(40, 0.96, 9_000), point(80, 0.985, 5_000));
    private static final RunResult ACCURATE = run(NASTY, 16, 200, 7.25, 20_971_520,
            point(10, 0.88, 16_000), point(20, 0.955, 12_345), point(40, 0.991, 7_000), point(80, 0.998, 4_000));
    private static final SweepResults SWEEP = sweep(dataset(NASTY, 10_000),
            new SweepParameters(List.of(NASTY), List.of(8, 16), List.of(100, 200), List.of(10, 20, 40, 80), 10, 4, 1, 0, 42, 500),
            false, FAST, ACCURATE);
    private static final List<RenderedChart> CHARTS = List.of(
            chart("recall-vs-qps", "Recall vs QPS", "frontier-marker"),
            chart("build-time", "Build time", "build-marker"));

    @Test
    void writesBothReportsCreatingTheFolder(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("nested/out");

        List<Path> written = ReportWriter.write(List.of(SWEEP), CHARTS, out);

        assertEquals(List.of(out.resolve("report.html"), out.resolve("report.md")), written);
        assertTrue(Files.isRegularFile(written.get(0)));
        assertTrue(Files.isRegularFile(written.get(1)));
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void htmlIsWellFormedAndInlinesEveryChart(@TempDir Path folder) throws Exception {
        String html = html(folder);

        Document document = parse(html);
        NodeList svgs = document.getElementsByTagName("svg");
        assertEquals(CHARTS.size(), svgs.getLength());
        assertTrue(html.contains("frontier-marker"));
        assertTrue(html.contains("build-marker"));
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            assertEquals("0 0 400.0 200.0", svg.getAttribute("viewBox"), "a viewBox lets the chart scale down");
            assertEquals("figure", svg.getParentNode().getNodeName());
        }
        assertFalse(html.contains("<?xml"), "the SVG's XML declaration is stripped");
        assertFalse(html.contains("<!DOCTYPE svg"), "the SVG's doctype is stripped");
        assertTrue(html.contains("How to read Recall vs QPS."), "captions are shown");
    }

    @Test
    void stringsFromTheDataAreEscaped(@TempDir Path folder) throws IOException {
        ReportWriter.write(List.of(SWEEP), CHARTS, folder);
        String html = Files.readString(folder.resolve(ReportWriter.HTML));
        String markdown = Files.readString(folder.resolve(ReportWriter.MARKDOWN));

        assertFalse(html.contains("a<b"));
        assertFalse(html.contains("\"c\""), () -> html.substring(Math.max(0, html.indexOf("\"c\"") - 80),
                html.indexOf("\"c\"") + 20));
        assertTrue(html.contains("a&lt;b &amp; &quot;c&quot;"));
        assertTrue(html.contains("<title>HNSW sweep: a&lt;b &amp; &quot;c&quot;</title>"));
        // a fenced code block shows its text literally, so only outside one must '<' be an entity
        String markdownProse = markdown.replaceAll("(?s)```sh\n.*?\n```", "");
        assertFalse(markdownProse.contains("a<b"));
        assertTrue(markdown.contains("```sh\n./workbench sweep --dataset '/data/a<b & \"c\"'"));
        assertTrue(markdown.contains("a&lt;b &amp; \"c\""));
    }

    @Test
    void htmlReachesNothingOnANetwork(@TempDir Path folder) throws IOException {
        String html = html(folder);

        Matcher web = Pattern.compile("https?://").matcher(html);
        int references = 0;
        while (web.find()) {
            String before = html.substring(Math.max(0, web.start() - 40), web.start());
            assertTrue(before.matches("(?s).*\\sxmlns(:[\\w-]+)?=['\"]"), "a reference outside an SVG namespace: "
                    + html.substring(Math.max(0, web.start() - 40), Math.min(html.length(), web.end() + 40)));
            references++;
        }
        assertEquals(2 * CHARTS.size(), references, "the svg and xlink namespaces of each chart");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("@import"));
    }

    @Test
    void recommendationTableHoldsTheKnownChoices(@TempDir Path folder) throws Exception {
        List<List<String>> rows = tableRows(parse(html(folder)), "recommendations");

        assertEquals(List.of(
                List.of("≥ 0.90", NASTY, "8", "100", "20", "0.910", "15,345", "2.50 s", "12.0 MiB"),
                List.of("≥ 0.95", NASTY, "16", "200", "20", "0.955", "12,345", "7.25 s", "20.0 MiB"),
                List.of("≥ 0.99", NASTY, "16", "200", "40", "0.991", "7,000", "7.25 s", "20.0 MiB")), rows);
    }

    @Test
    void aTargetNoPointReachesSaysNoneReached(@TempDir Path folder) throws Exception {
        SweepResults low = sweep(dataset("d", 10_000), run("hnsw", 8, 100, 1, 1_048_576, point(10, 0.93, 5_000)));
        ReportWriter.write(List.of(low), List.of(), folder);

        List<List<String>> rows = tableRows(parse(Files.readString(folder.resolve(ReportWriter.HTML))),
                "recommendations");

        assertEquals("0.930", rows.get(0).get(5));
        assertEquals(List.of("≥ 0.95", "none reached: no measured point has recall ≥ 0.95"), rows.get(1));
        assertEquals(List.of("≥ 0.99", "none reached: no measured point has recall ≥ 0.99"), rows.get(2));
        assertTrue(Files.readString(folder.resolve(ReportWriter.MARKDOWN))
                .contains("| **≥ 0.99** | none reached: no measured point has recall ≥ 0.99 |"));
    }

    @Test
    void heatMapCellsShowTheSmallestEfSearchWithALegend(@TempDir Path folder) throws Exception {
        String html = html(folder);

        List<List<String>> rows = tableRows(parse(html), "heatmap");

        // FAST (M=8, efC=100) reaches 0.95 at efSearch 40; ACCURATE (M=16, efC=200) at 20
        assertEquals(List.of(List.of("M = 8", "400.960", "not run"), List.of("M = 16", "not run", "200.955")), rows);
        assertTrue(html.contains("<div class=\"legend\"><span class=\"title\">efSearch</span>"));
    }

    @Test
    void cancelledSweepIsMarkedPartial(@TempDir Path folder) throws IOException {
        SweepResults cancelled = sweep(dataset("d", 10_000),
                parameters(List.of(8, 16, 32), List.of(100, 200), List.of(10, 20)), true, FAST);
        ReportWriter.write(List.of(cancelled), List.of(), folder);
        String html = Files.readString(folder.resolve(ReportWriter.HTML));
        String markdown = Files.readString(folder.resolve(ReportWriter.MARKDOWN));

        assertTrue(html.contains("<strong>Partial results.</strong> The sweep was cancelled before it finished: the"
                + " results are partial (1 of 6 builds finished)."), html);
        assertTrue(markdown.contains("> **Partial results.** The sweep was cancelled"));
    }

    @Test
    void rerunCommandRepeatsTheGrid(@TempDir Path folder) throws IOException {
        String html = html(folder);

        assertTrue(html.contains("<pre><code>./workbench sweep --dataset &#39;/data/a&lt;b &amp; &quot;c&quot;&#39;"
                + " --engine &#39;a&lt;b &amp; &quot;c&quot;&#39; --m 8,16 --ef-construction 100,200 --ef-search 10,20,40,80 --k 10"
                + " --build-threads 4 --search-threads 1 --seed 42 --warm-up 500 --out " + folder + "</code></pre>"), html);
    }

    @Test
    void markdownHasTheTablesAndImageLinks(@TempDir Path folder) throws IOException {
        ReportWriter.write(List.of(SWEEP), CHARTS, folder);
        String markdown = Files.readString(folder.resolve(ReportWriter.MARKDOWN));

        assertTrue(markdown.contains("![Recall vs QPS](recall-vs-qps.png)"));
        assertTrue(markdown.contains("![Build time](build-time.png)"));
        assertTrue(markdown.contains("*How to read Build time.*"));
        assertTrue(markdown.contains("| Target recall | Engine | M | efConstruction | efSearch | Recall | QPS |"
                + " Build time | Index memory |\n| ---: | --- | ---: |"));
        assertTrue(markdown.contains("| **≥ 0.95** | a&lt;b &amp; \"c\" | 16 | 200 | 20 | 0.955 | 12,345 | 7.25 s |"
                + " 20.0 MiB |"));
        assertTrue(markdown.contains("| M \\\\ efConstruction | 100 | 200 |"), markdown);
        assertTrue(markdown.contains("| **M = 8** | 40 (0.960) | not run |"));
        assertTrue(markdown.contains("| efSearch | Recall@10 | QPS | Mean | p50 | p95 | p99 | p99.9 |"
                + " Distances/query | Hops/query |"));
        assertTrue(markdown.contains("| **40** | 0.960 | 9,000 | 111 µs | 106 µs | 178 µs | 244 µs | 344 µs | 580 |"
                + " 52.0 |"), markdown);
        assertTrue(markdown.contains("```sh\n./workbench sweep --dataset"));
        assertFalse(markdown.contains("<svg"));
    }

    @Test
    void resultsWithoutEnvironmentParametersOrStatisticsStillReport(@TempDir Path folder) throws IOException {
        RunResult bare = new RunResult("hnsw", 8, 100, 1, 1.5, 2_000_000, null, List.of(point(10, 0.97, 3_000)));
        SweepResults old = new SweepResults(dataset("d", 1_000), null, null, List.of(bare), false);

        ReportWriter.write(List.of(old), List.of(), folder);
        String html = Files.readString(folder.resolve(ReportWriter.HTML));

        assertTrue(html.contains("The sweep did not record its parameters, so it cannot be run again from this report."));
        assertTrue(html.contains("— bytes/vector · — levels"));
        assertTrue(html.contains("No charts were drawn for this report."));
    }

    @Test
    void aChartThatLoadsFromTheWebIsRefused(@TempDir Path folder) {
        RenderedChart remote = new RenderedChart("remote", "Remote", "x",
                "<svg xmlns='http://www.w3.org/2000/svg'><image href='https://example.com/a.png'/></svg>");

        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(List.of(SWEEP), List.of(remote), folder));
        assertFalse(Files.exists(folder.resolve(ReportWriter.HTML)), "nothing is written");
    }

    private static String html(Path folder) throws IOException {
        ReportWriter.write(List.of(SWEEP), CHARTS, folder);
        return Files.readString(folder.resolve(ReportWriter.HTML));
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    /** The text of each body row's cells of the first table with class {@code kind}. */
    static List<List<String>> tableRows(Document document, String kind) {
        NodeList tables = document.getElementsByTagName("table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            if (!table.getAttribute("class").equals(kind)) {
                continue;
            }
            Element body = (Element) table.getElementsByTagName("tbody").item(0);
            NodeList rows = body.getElementsByTagName("tr");
            List<List<String>> texts = new ArrayList<>();
            for (int r = 0; r < rows.getLength(); r++) {
                List<String> cells = new ArrayList<>();
                NodeList children = rows.item(r).getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    cells.add(children.item(c).getTextContent());
                }
                texts.add(cells);
            }
            return texts;
        }
        throw new AssertionError("no table of class " + kind);
    }
}
