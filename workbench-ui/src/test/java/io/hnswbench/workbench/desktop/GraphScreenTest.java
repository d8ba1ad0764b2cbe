package io.hnswbench.workbench.desktop;

import static io.hnswbench.workbench.desktop.BuildScreenTest.setText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphScreenTest {

    @TempDir
    Path home;

    @Test
    void showsTheBuiltGraphAndEachLevelsDegreeHistogram() throws Exception {
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            Label summary = workbench.node("graph-summary");
            assertTrue(summary.getText().startsWith("No index yet"), summary.getText());
            build(workbench);
            workbench.select("Graph");
            Workspace.ActiveIndex built = workbench.bean(Workspace.class).index();
            int levels = built.statistics().levelCount();
            assertTrue(summary.getText().contains("4,000 live vectors"), summary.getText());

            ChartPane nodes = workbench.node("graph-nodes-per-level");
            assertEquals(levels, nodes.getChart().getXYPlot().getDataset().getItemCount(0),
                    "one observed point per level");
            ChoiceBox<Integer> level = workbench.node("graph-level");
            assertEquals(levels, level.getItems().size());
            ChartPane degrees = workbench.node("graph-degrees");
            assertTrue(degrees.getChart().getTitle().getText().startsWith("Out-degree on level 0"));
            workbench.fx(() -> level.setValue(1));
            assertTrue(degrees.getChart().getTitle().getText().startsWith("Out-degree on level 1"),
                    degrees.getChart().getTitle().getText());
            Label origin = workbench.node("graph-origin");
            assertTrue(origin.getText().contains("M=16"), origin.getText());
        }
    }

    @Test
    void savedIndexLoadsAndOpensMappedWithTheSameResults() throws Exception {
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            build(workbench);
            workbench.select("Graph");
            Workspace workspace = workbench.bean(Workspace.class);
            Dataset sample = workspace.dataset().dataset();
            List<List<SearchResult>> builtResults = searchFirstQueries(workspace.index().index(), sample);
            Path file = home.resolve("sample.hnsw");
            setText(workbench, "graph-file", file.toString());

            workbench.robot.clickOn("#graph-save");
            workbench.awaitJobs();
            assertTrue(Files.size(file) > 0);
            assertEquals(file.toAbsolutePath(), workspace.index().file());

            workbench.robot.clickOn("#graph-load");
            workbench.awaitJobs();
            Workspace.ActiveIndex loaded = workspace.index();
            assertTrue(loaded.origin().startsWith("loaded from"), loaded.origin());
            assertSameResults(builtResults, searchFirstQueries(loaded.index(), sample));

            workbench.robot.clickOn("#graph-open");
            workbench.awaitJobs();
            Workspace.ActiveIndex mapped = workspace.index();
            assertTrue(mapped.origin().startsWith("opened memory-mapped"), mapped.origin());
            assertTrue(mapped.index().isReadOnly());
            assertSameResults(builtResults, searchFirstQueries(mapped.index(), sample));
        }
    }

    @Test
    void aMissingOrDamagedFileIsReportedAndTheIndexKept() throws Exception {
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            build(workbench);
            workbench.select("Graph");
            Workspace workspace = workbench.bean(Workspace.class);
            Workspace.ActiveIndex built = workspace.index();

            setText(workbench, "graph-file", home.resolve("absent.hnsw").toString());
            workbench.robot.clickOn("#graph-load");
            workbench.awaitJobs();
            Label problem = workbench.node("graph-file-problem");
            assertEquals("There is no file at " + home.resolve("absent.hnsw").toAbsolutePath() + ".", problem.getText());

            Path damaged = Files.writeString(home.resolve("notes.txt"), "not an index");
            setText(workbench, "graph-file", damaged.toString());
            workbench.robot.clickOn("#graph-load");
            workbench.awaitJobs();
            Label status = workbench.node("graph-status");
            assertTrue(status.getText().startsWith("Failed: ") && status.getText().contains("notes.txt"), status.getText());
            assertSame(built, workspace.index(), "the index in use stays");
        }
    }

    private static void build(DesktopHarness workbench) throws Exception {
        workbench.select("Build");
        setText(workbench, "build-m", "16");
        setText(workbench, "build-ef-construction", "100");
        workbench.robot.clickOn("#build-start");
        workbench.awaitJobs();
    }

    /** The same ids in the same order and the same distances, bit for bit (docs/ENGINE.md, "Determinism"). */
    private static void assertSameResults(List<List<SearchResult>> expected, List<List<SearchResult>> actual) {
        assertEquals(expected, actual);
    }

    private static List<List<SearchResult>> searchFirstQueries(HnswIndex index, Dataset dataset) {
        return java.util.stream.IntStream.range(0, 20)
                .mapToObj(query -> index.search(dataset.queries().row(query), 10)).toList();
    }
}
