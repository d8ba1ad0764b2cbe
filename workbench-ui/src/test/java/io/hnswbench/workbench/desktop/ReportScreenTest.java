package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.sweep.HnswEngine;
import io.hnswbench.reports.sweep.SweepListener;
import io.hnswbench.reports.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Report screen exporting a sweep of the bundled sample, driven as a user drives it. */
class ReportScreenTest {

    @TempDir
    static Path home;

    private static DesktopHarness workbench;
    private static SweepResults sweep;

    @BeforeAll
    static void openWorkbenchWithASweep() throws Exception {
        workbench = DesktopHarness.open(home);
        Workspace.OpenDataset open = workbench.bean(Workspace.class).dataset();
        SweepParameters parameters = new SweepParameters(List.of(HnswEngine.NAME), List.of(8), List.of(50),
                List.of(10, 40), 10, 1, 1, 0, 42, 50);
        sweep = new SweepRunner(new HnswEngine()).run(open.dataset(), open.folder().toString(), parameters,
                SweepListener.NONE);
        workbench.fx(() -> workbench.bean(Workspace.class).runs().add(sweep));
    }

    @AfterAll
    static void closeWorkbench() throws Exception {
        workbench.close();
    }

    @BeforeEach
    void showReportScreen() {
        workbench.select("Report");
        workbench.fx(() -> runs().checkedProperty(sweep).set(true));
    }

    @Test
    void exportWritesTheChosenFormatsAndOffersTheReport() throws Exception {
        Path out = home.resolve("report-html-csv-png");
        choose(out, Set.of("html", "csv", "png"));

        workbench.robot.clickOn("#report-export");
        workbench.awaitJobs();

        String status = workbench.onFx(() -> ((Label) workbench.node("report-status")).getText());
        assertFalse(status.startsWith("Failed"), status);
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"), "the charts are inline");
        assertTrue(Files.isRegularFile(out.resolve("results.csv")));
        assertEquals(1 + 2, Files.readAllLines(out.resolve("results.csv")).size(), "a header and one row per point");
        SweepResults reread = ResultsFiles.readJson(out.resolve("results.json"));
        assertEquals(sweep.parameters(), reread.parameters(), "results.json is always written");
        assertEquals(sweep.runs().getFirst().points().size(), reread.runs().getFirst().points().size());
        assertTrue(Files.isRegularFile(out.resolve("recall-vs-qps.png")));
        assertTrue(Files.isRegularFile(out.resolve("build-time-vs-m.png")));
        assertFalse(Files.exists(out.resolve("report.md")), "Markdown was not chosen");
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".svg")), "SVG was not chosen");
        }

        List<String> listed = workbench.onFx(() -> List.copyOf(ReportScreenTest.<String>list("report-written").getItems()));
        assertEquals("report.html", listed.getFirst());
        assertTrue(listed.containsAll(List.of("results.json", "results.csv", "recall-vs-qps.png")), listed.toString());
        assertEquals(out.resolve("report.html").toString(),
                workbench.onFx(() -> workbench.<TextField>node("report-path").getText()));
        assertFalse(workbench.onFx(() -> workbench.<Button>node("report-open").isDisabled()), "Open report is enabled");
    }

    @Test
    void markdownWithoutHtmlLeavesAnEarlierHtmlReportAsItWas() throws Exception {
        Path out = home.resolve("report-md");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.html"), "an earlier report");
        choose(out, Set.of("markdown"));

        workbench.robot.clickOn("#report-export");
        workbench.awaitJobs();

        assertTrue(Files.readString(out.resolve("report.md")).contains("recall-vs-qps.png"));
        assertTrue(Files.isRegularFile(out.resolve("recall-vs-qps.png")), "Markdown brings the PNGs it shows");
        assertEquals("an earlier report", Files.readString(out.resolve("report.html")));
        assertFalse(Files.exists(out.resolve("results.csv")));
        assertEquals(out.toString(), workbench.onFx(() -> workbench.<TextField>node("report-path").getText()),
                "without report.html, Open shows the folder");
    }

    @Test
    void noFormatChosenShowsAMessageAndWritesNothing() throws Exception {
        Path out = home.resolve("report-no-format");
        choose(out, Set.of());

        workbench.robot.clickOn("#report-export");
        workbench.awaitJobs();

        String problem = workbench.onFx(() -> ((Label) workbench.node("report-formats-problem")).getText());
        assertTrue(problem.contains("at least one format"), problem);
        assertFalse(Files.exists(out), "nothing was written");
        assertEquals(0, workbench.bean(Jobs.class).running());
    }

    @Test
    void noRunChosenShowsAMessageAndWritesNothing() throws Exception {
        Path out = home.resolve("report-no-run");
        choose(out, Set.of("html"));
        workbench.fx(() -> runs().checkedProperty(sweep).set(false));

        workbench.robot.clickOn("#report-export");
        workbench.awaitJobs();

        String problem = workbench.onFx(() -> ((Label) workbench.node("report-runs-problem")).getText());
        assertTrue(problem.contains("at least one run"), problem);
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void aFolderThatIsAFileOrBlankIsShownBesideTheField() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder.txt"), "text");
        choose(file, Set.of("html"));

        workbench.robot.clickOn("#report-export");
        workbench.awaitJobs();
        String problem = workbench.onFx(() -> ((Label) workbench.node("report-folder-problem")).getText());
        assertTrue(problem.contains("is a file, not a folder"), problem);
        assertEquals("text", Files.readString(file));

        workbench.fx(() -> workbench.<TextField>node("report-folder").setText("  "));
        workbench.robot.clickOn("#report-export");
        workbench.awaitJobs();
        problem = workbench.onFx(() -> ((Label) workbench.node("report-folder-problem")).getText());
        assertTrue(problem.contains("Choose a folder"), problem);
    }

    /** Types the folder and checks exactly the formats named by key. */
    private static void choose(Path folder, Set<String> formats) {
        workbench.fx(() -> {
            workbench.<TextField>node("report-folder").setText(folder.toString());
            for (ReportFormat format : ReportFormat.values()) {
                workbench.<CheckBox>node("report-format-" + format.key()).setSelected(formats.contains(format.key()));
            }
        });
    }

    private static RunChooser runs() {
        return workbench.node("report-runs");
    }

    @SuppressWarnings("unchecked")
    private static <T> ListView<T> list(String id) {
        return workbench.node(id);
    }
}
