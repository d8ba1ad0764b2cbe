package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.BundledSample;
import java.nio.file.Path;
import javafx.scene.control.Label;
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
}
