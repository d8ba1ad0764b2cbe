package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.engine.IndexStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildScreenTest {

    @TempDir
    Path home;

    @Test
    void buildButtonBuildsTheSampleAndShowsTimeMemoryAndLayers() throws Exception {
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            workbench.select("Build");
            setText(workbench, "build-m", "12");
            setText(workbench, "build-ef-construction", "80");
            workbench.robot.clickOn("#build-start");
            workbench.awaitJobs();

            Workspace.ActiveIndex built = workbench.bean(Workspace.class).index();
            IndexStatistics statistics = built.statistics();
            assertEquals(4_000, built.index().size());
            assertEquals(12, statistics.m());
            assertEquals(80, statistics.efConstruction());
            assertTrue(built.buildTime() != null && !built.buildTime().isNegative());
            Label summary = workbench.node("build-summary");
            assertTrue(summary.getText().startsWith("Build time"), summary.getText());
            Label memory = workbench.node("build-memory");
            assertTrue(memory.getText().contains("bytes per vector"), memory.getText());
            TableView<?> levels = workbench.node("build-levels");
            assertEquals(statistics.levelCount(), levels.getItems().size());
            ChartPane rateChart = workbench.node("build-rate-chart");
            XYDataset rates = rateChart.getChart().getXYPlot().getDataset();
            assertTrue(rates.getItemCount(0) >= 1, "the live chart got at least the final rate");
            assertTrue(workbench.node("build-status") instanceof Label status && status.getText().startsWith("Built 4,000"));
            assertTrue(Files.readString(home.resolve("choices.properties")).contains("build.m=12"),
                    "the parameters are remembered");
        }
        try (DesktopHarness reopened = DesktopHarness.open(home)) {
            TextField m = reopened.node("build-m");
            assertEquals("12", m.getText(), "the next start shows the last parameters");
        }
    }

    @Test
    void nonNumericMIsShownBesideTheFieldAndNothingIsBuilt() throws Exception {
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            workbench.select("Build");
            setText(workbench, "build-m", "sixteen");
            setText(workbench, "build-threads", "0");
            workbench.robot.clickOn("#build-start");
            workbench.awaitJobs();
            Label mProblem = workbench.node("build-m-problem");
            assertEquals("M (links per node) must be a whole number from 2 to 512, not 'sixteen'", mProblem.getText());
            Label threadsProblem = workbench.node("build-threads-problem");
            assertTrue(threadsProblem.getText().startsWith("Threads must be a whole number from 1"), threadsProblem.getText());
            assertNull(workbench.bean(Workspace.class).index());
            Label status = workbench.node("build-status");
            assertEquals("Idle", status.getText());

            setText(workbench, "build-m", "8");
            assertEquals("", mProblem.getText(), "the message goes once the field is edited");
        }
    }

    @Test
    void cancelStopsABuildAndKeepsNoHalfIndex() throws Exception {
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            workbench.select("Build");
            // Wide beams and one thread make the 4,000 inserts take long enough to cancel midway.
            setText(workbench, "build-m", "64");
            setText(workbench, "build-ef-construction", "4000");
            setText(workbench, "build-threads", "1");
            workbench.robot.clickOn("#build-start");
            workbench.waitUntil(() -> workbench.<Label>node("build-status").getText().startsWith("Inserted"),
                    Duration.ofSeconds(60));
            workbench.robot.clickOn("#build-cancel");
            workbench.awaitJobs();
            Label status = workbench.node("build-status");
            assertTrue(status.getText().equals("Cancelled"), status.getText());
            assertNull(workbench.bean(Workspace.class).index(), "a cancelled build leaves no index");
        }
    }

    static void setText(DesktopHarness workbench, String id, String text) {
        workbench.fx(() -> workbench.<TextField>node(id).setText(text));
    }
}
