package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.peers.SweepEngines;
import io.hnswbench.reports.sweep.HnswEngine;
import io.hnswbench.reports.sweep.SweepListener;
import io.hnswbench.reports.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sweep screen on the bundled sample, driven as a user drives it. */
class SweepScreenTest {

    @TempDir
    static Path home;

    private static DesktopHarness workbench;

    @BeforeAll
    static void openWorkbench() throws Exception {
        workbench = DesktopHarness.open(home);
    }

    @AfterAll
    static void closeWorkbench() throws Exception {
        workbench.close();
    }

    @BeforeEach
    void showSweepScreen() {
        workbench.select("Sweep");
    }

    /** A dialog left open by a failed assertion would take the next test's clicks. */
    @AfterEach
    void closeDialogs() {
        workbench.fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(window -> window instanceof javafx.stage.Stage stage && stage.getOwner() != null).toList()
                .forEach(javafx.stage.Window::hide));
    }

    @Test
    void runMeasuresTheGridAndShowsItOnChartsTableAndRunList() throws Exception {
        grid("8", "50", "10,40", "10", "50");
        int runsBefore = workbench.onFx(() -> workspace().runs().size());

        workbench.robot.clickOn("#sweep-run");
        workbench.awaitJobs();

        String status = workbench.onFx(() -> ((Label) workbench.node("sweep-status")).getText());
        assertFalse(status.startsWith("Failed"), status);
        List<SweepResults> runs = workbench.onFx(() -> List.copyOf(workspace().runs()));
        assertEquals(runsBefore + 1, runs.size(), "the sweep joined the workspace's runs");
        SweepResults sweep = runs.getLast();
        assertFalse(sweep.cancelled());
        assertEquals(List.of("hnsw"), sweep.parameters().engines());
        assertEquals(1, sweep.runs().size());
        RunResult run = sweep.runs().getFirst();
        assertEquals(8, run.m());
        assertEquals(50, run.efConstruction());
        assertEquals(List.of(10, 40), run.points().stream().map(point -> point.efSearch()).toList());

        // The recall-vs-QPS chart's dataset 1 holds every measured point, one series per run (this one last).
        XYDataset points = workbench.onFx(() -> recallVsQpsPoints());
        int series = points.getSeriesCount() - 1;
        assertEquals(2, points.getItemCount(series));
        assertEquals(run.points().getLast().recall(), points.getXValue(series, 1), 1e-12);
        assertEquals(run.points().getLast().qps(), points.getYValue(series, 1), 1e-9);
        // Hovering a point names the parameters behind it; dragging zooms.
        String tooltip = workbench.onFx(() -> {
            ChartPane chart = workbench.node("sweep-recall-qps");
            assertTrue(chart.getCanvas().isTooltipEnabled(), "tooltips on");
            assertNotNull(chart.getCanvas().getMouseHandler("zoom"), "drag to zoom");
            return chart.getChart().getXYPlot().getRenderer(1).getToolTipGenerator(series, 1)
                    .generateToolTip(points, series, 1);
        });
        assertTrue(tooltip.contains("M=8") && tooltip.contains("efSearch=40"), tooltip);

        List<SweepTable.Row> rows = workbench.onFx(() -> List.copyOf(table().getItems())).stream()
                .filter(row -> row.m() == 8 && row.efConstruction() == 50).toList();
        assertEquals(List.of(10, 40), rows.stream().map(SweepTable.Row::efSearch).toList());
        for (SweepTable.Row row : rows) {
            assertEquals("hnsw", row.engine());
            assertTrue(row.recall() > 0 && row.recall() <= 1, "recall " + row.recall());
            assertTrue(row.qps() > 0, "QPS " + row.qps());
            assertTrue(row.meanLatencyMicros() > 0 && row.p99Micros() > 0, "latency " + row);
            assertEquals(run.buildSeconds(), row.buildSeconds(), 1e-12);
        }
        assertTrue(rows.get(1).recall() >= rows.get(0).recall(), "a larger efSearch finds at least as much");
    }

    @Test
    void nonNumericMIsShownBesideTheFieldAndStartsNothing() throws Exception {
        grid("8,abc", "50", "10,40", "10", "50");
        int runsBefore = workbench.onFx(() -> workspace().runs().size());

        workbench.robot.clickOn("#sweep-run");
        workbench.awaitJobs();

        String problem = workbench.onFx(() -> ((Label) workbench.node("sweep-m-problem")).getText());
        assertTrue(problem.contains("'abc'"), problem);
        assertNothingStarted(runsBefore);
    }

    @Test
    void emptyEfSearchListIsShownBesideTheFieldAndStartsNothing() throws Exception {
        grid("8", "50", " ", "10", "50");
        int runsBefore = workbench.onFx(() -> workspace().runs().size());

        workbench.robot.clickOn("#sweep-run");
        workbench.awaitJobs();

        String problem = workbench.onFx(() -> ((Label) workbench.node("sweep-ef-search-problem")).getText());
        assertTrue(problem.contains("efSearch is empty"), problem);
        assertNothingStarted(runsBefore);
    }

    @Test
    void kAboveTheGroundTruthShowsTheRunnersMessage() throws Exception {
        grid("8", "50", "10", "5000", "50");
        int runsBefore = workbench.onFx(() -> workspace().runs().size());

        workbench.robot.clickOn("#sweep-run");
        workbench.awaitJobs();

        String problem = workbench.onFx(() -> ((Label) workbench.node("sweep-problem")).getText());
        assertTrue(problem.contains("k 5000 is more than the ground truth's depth"), problem);
        assertEquals(runsBefore, workbench.onFx(() -> workspace().runs().size()));
        // The same message in a dialog, which the user closes.
        DialogPane dialog = workbench.robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(workbench.onFx(() -> ((Label) dialog.getContent()).getText()).contains("k 5000"));
        workbench.fx(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void cancelKeepsTheFinishedPointsWithoutAFailure() throws Exception {
        grid("8,16,32", "100", "10,20,40,80,160,320,512", "10", "200");
        int runsBefore = workbench.onFx(() -> workspace().runs().size());
        int seriesBefore = workbench.onFx(() -> pointsPerSeries().size());

        workbench.robot.clickOn("#sweep-run");
        // The live chart gets this sweep's first point while it still runs: one series more than before.
        workbench.waitUntil(() -> pointsPerSeries().size() > seriesBefore && pointsPerSeries().getLast() > 0,
                DesktopHarness.JOB_TIMEOUT);
        assertTrue(workbench.onFx(() -> workbench.<javafx.scene.control.Button>node("sweep-run").isDisabled()),
                "the sweep was still running when its first point showed");
        // The bar and the status tell the whole sweep's progress, not just the current step's.
        workbench.waitUntil(() -> ((Label) workbench.node("sweep-status")).getText().matches(".* · [1-9]\\d* of 21 points"),
                DesktopHarness.JOB_TIMEOUT);
        double bar = workbench.onFx(() -> workbench.<javafx.scene.control.ProgressBar>node("sweep-progress").getProgress());
        assertTrue(bar > 0 && bar < 0.5, "one or a few of 21 points measured, bar at " + bar);
        workbench.robot.clickOn("#sweep-cancel");
        workbench.awaitJobs();

        String status = workbench.onFx(() -> ((Label) workbench.node("sweep-status")).getText());
        assertTrue(status.startsWith("Cancelled"), status);
        List<SweepResults> runs = workbench.onFx(() -> List.copyOf(workspace().runs()));
        assertEquals(runsBefore + 1, runs.size(), "the cancelled sweep's measured points were kept");
        SweepResults kept = runs.getLast();
        assertTrue(kept.cancelled());
        assertTrue(kept.runs().stream().allMatch(run -> !run.points().isEmpty()));
        int keptPoints = kept.runs().stream().mapToInt(run -> run.points().size()).sum();
        assertTrue(keptPoints < 3 * 7, "stopped before the whole grid: " + keptPoints + " points");
        List<Integer> charted = workbench.onFx(() -> pointsPerSeries());
        assertEquals(seriesBefore + kept.runs().size(), charted.size(), "the charts show the kept runs, no live one");
        assertEquals(keptPoints, charted.subList(seriesBefore, charted.size()).stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aLoadedResultsFileJoinsTheRunsAndABrokenOneSaysWhy() throws Exception {
        Path file = home.resolve("loaded-results.json");
        Path broken = Files.writeString(home.resolve("broken.json"), "{ not json");
        Workspace.OpenDataset open = workspace().dataset();
        SweepParameters parameters = new SweepParameters(List.of(HnswEngine.NAME), List.of(6), List.of(20), List.of(10),
                10, 1, 1, 0, 7, 10);
        ResultsFiles.writeJson(file, new SweepRunner(new HnswEngine()).run(open.dataset(), open.folder().toString(),
                parameters, SweepListener.NONE));
        int runsBefore = workbench.onFx(() -> workspace().runs().size());

        workbench.fx(() -> workbench.bean(SweepScreen.class).load(file));
        workbench.awaitJobs();
        SweepResults loaded = workbench.onFx(() -> workspace().runs().getLast());
        assertEquals(runsBefore + 1, workbench.onFx(() -> workspace().runs().size()));
        assertEquals(parameters, loaded.parameters());
        List<Integer> charted = workbench.onFx(() -> pointsPerSeries());
        assertEquals(1, charted.getLast(), "the loaded run is on the chart");

        workbench.fx(() -> workbench.bean(SweepScreen.class).load(broken));
        workbench.awaitJobs();
        String problem = workbench.onFx(() -> ((Label) workbench.node("sweep-problem")).getText());
        assertTrue(problem.contains("not a results.json"), problem);
        assertEquals(runsBefore + 1, workbench.onFx(() -> workspace().runs().size()));
    }

    @Test
    void anEngineThatCannotRunHereIsDisabledWithItsReason() throws Exception {
        EngineBoxes engines = workbench.onFx(() -> (EngineBoxes) workbench.node("sweep-engines"));
        for (String name : SweepEngines.names()) {
            Optional<String> unavailable = SweepEngines.named(List.of(name)).getFirst().unavailableBecause();
            assertEquals(unavailable.isPresent(), workbench.onFx(() -> engines.box(name).isDisabled()), name);
            String reason = workbench.onFx(() -> engines.reason(name));
            unavailable.ifPresent(why -> assertEquals(why, reason));
        }
    }

    private static void assertNothingStarted(int runsBefore) throws Exception {
        assertEquals(0, workbench.bean(Jobs.class).running());
        assertFalse(workbench.onFx(() -> workbench.<javafx.scene.control.Button>node("sweep-run").isDisabled()));
        assertEquals(runsBefore, workbench.onFx(() -> workspace().runs().size()));
    }

    /** Fills the grid; only hnsw is checked, one thread builds and one searches. */
    private static void grid(String m, String efConstruction, String efSearch, String k, String warmUp) {
        workbench.fx(() -> {
            text("sweep-m", m);
            text("sweep-ef-construction", efConstruction);
            text("sweep-ef-search", efSearch);
            text("sweep-k", k);
            text("sweep-build-threads", "1");
            text("sweep-search-threads", "1");
            text("sweep-limit", "0");
            text("sweep-seed", "42");
            text("sweep-warm-up", warmUp);
            EngineBoxes engines = workbench.node("sweep-engines");
            for (String name : SweepEngines.names()) {
                engines.box(name).setSelected(name.equals("hnsw"));
            }
        });
    }

    private static void text(String id, String value) {
        workbench.<TextField>node(id).setText(value);
    }

    private static Workspace workspace() {
        return workbench.bean(Workspace.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<SweepTable.Row> table() {
        return workbench.node("sweep-results");
    }

    /** Dataset 1 of the recall-vs-QPS chart: every measured point, one series per run. */
    private static XYDataset recallVsQpsPoints() {
        ChartPane chart = workbench.node("sweep-recall-qps");
        return chart.getChart().getXYPlot().getDataset(1);
    }

    /** The recall-vs-QPS chart's points per run; none while the chart has no data. */
    private static List<Integer> pointsPerSeries() {
        XYDataset points = recallVsQpsPoints();
        if (points == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, points.getSeriesCount()).mapToObj(points::getItemCount).toList();
    }
}
