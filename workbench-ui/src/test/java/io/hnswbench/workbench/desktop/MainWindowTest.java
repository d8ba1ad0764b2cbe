package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.BundledSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowTest {

    @TempDir
    Path home;

    @Test
    void opensOnTheBundledSampleOnAFreshMachine() throws Exception {
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            assertEquals(BundledSample.NAME, workbench.bean(Workspace.class).dataset().dataset().name());
            Label status = workbench.node("status-dataset");
            assertTrue(status.getText().contains(BundledSample.NAME + " · 4,000 base vectors"), status.getText());
            assertEquals("HNSW Workbench · " + BundledSample.NAME, workbench.bean(MainWindow.class).stage().getTitle());
        }
    }

    @Test
    void reopensOnTheLastDatasetTabAndWindowBounds() throws Exception {
        Path copy = home.resolve("datasets").resolve("sample-copy");
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            copyFolder(workbench.bean(Workspace.class).dataset().folder(), copy);
            workbench.fx(() -> workbench.bean(DatasetOpener.class).open(copy));
            workbench.awaitJobs();
            workbench.select("Graph");
            workbench.fx(() -> {
                javafx.stage.Stage stage = workbench.bean(MainWindow.class).stage();
                stage.setX(40);
                stage.setY(30);
                stage.setWidth(1000);
                stage.setHeight(700);
            });
            // What the application does when its window closes.
            workbench.fx(() -> workbench.bean(MainWindow.class).rememberLayout());
        }
        try (DesktopHarness reopened = DesktopHarness.open(home)) {
            assertEquals(copy.toAbsolutePath().normalize(), reopened.bean(Workspace.class).dataset().folder());
            TabPane tabs = reopened.node("screens");
            assertEquals("Graph", tabs.getSelectionModel().getSelectedItem().getText());
            javafx.stage.Stage stage = reopened.bean(MainWindow.class).stage();
            assertEquals(List.of(40.0, 30.0, 1000.0, 700.0),
                    reopened.onFx(() -> List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
        }
    }

    @Test
    void aDatasetFolderThatIsGoneFallsBackToTheSample() throws Exception {
        Files.writeString(home.resolve("choices.properties"),
                DatasetOpener.CHOICE + "=" + home.resolve("deleted-dataset").toString().replace("\\", "\\\\") + "\n");
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            assertEquals(BundledSample.NAME, workbench.bean(Workspace.class).dataset().dataset().name());
        }
    }

    @Test
    void aLastDatasetThatNoLongerLoadsFallsBackToTheSampleAndSaysSo() throws Exception {
        Path broken = home.resolve("datasets").resolve("broken");
        try (DesktopHarness workbench = DesktopHarness.open(home)) {
            copyFolder(workbench.bean(Workspace.class).dataset().folder(), broken);
            workbench.fx(() -> workbench.bean(DatasetOpener.class).open(broken));
            workbench.awaitJobs();
            workbench.fx(() -> workbench.bean(MainWindow.class).rememberLayout());
        }
        Files.delete(broken.resolve("base.fvecs"));
        try (DesktopHarness reopened = DesktopHarness.open(home)) {
            assertEquals(home.resolve("datasets").resolve(BundledSample.NAME).toAbsolutePath().normalize(),
                    reopened.bean(Workspace.class).dataset().folder());
            Label status = reopened.node("dataset-status");
            assertTrue(status.getText().startsWith("Could not open " + broken.toAbsolutePath().normalize()),
                    status.getText());
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
