package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.BundledSample;
import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetCatalog;
import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.datasets.DatasetFolder;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.Provenance;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.engine.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsScreenTest {

    @TempDir
    Path home;

    private DesktopHarness workbench;
    private Path root;

    @BeforeEach
    void openTheWorkbench() throws Exception {
        workbench = DesktopHarness.open(home);
        root = home.resolve("datasets");
        workbench.select("Datasets");
    }

    @AfterEach
    void closeTheWorkbench() throws Exception {
        workbench.close();
    }

    @Test
    void listsTheSampleWithItsFiguresMarkedOpenAndAnUnreadableFolderWithItsProblem() throws Exception {
        Dataset sample = workbench.bean(Workspace.class).dataset().dataset();
        DatasetCatalog.Entry entry = row(BundledSample.NAME);
        assertEquals(BundledSample.NAME, text(entry, "name"));
        assertEquals("384", text(entry, "dimension"));
        assertEquals(String.format("%,d", 4_000), text(entry, "base"));
        assertEquals(String.format("%,d", sample.queries().rows()), text(entry, "queries"));
        assertEquals("cosine", text(entry, "metric"));
        assertEquals("k=" + sample.groundTruth().orElseThrow().k(), text(entry, "ground-truth"));
        assertEquals("yes", text(entry, "texts"));
        assertEquals(root.resolve(BundledSample.NAME).toString(), text(entry, "folder"));
        assertEquals("", text(entry, "problem"));
        assertEquals(DatasetTable.OPEN_MARK, text(entry, "open"));

        Path broken = Files.createDirectories(root.resolve("broken"));
        Files.writeString(broken.resolve(DatasetFolder.META), "{ not json");
        workbench.robot.clickOn("#datasets-refresh");
        DatasetCatalog.Entry unreadable = row("broken");
        assertFalse(text(unreadable, "problem").isBlank(), "the problem of the unreadable folder is shown");
        assertEquals("", text(unreadable, "open"));
        workbench.fx(() -> table().select(broken));
        assertTrue(workbench.onFx(() -> workbench.node("datasets-open").isDisabled()),
                "an unreadable folder cannot be opened");
    }

    @Test
    void generatesASmallSyntheticDatasetThatCanThenBeOpened() throws Exception {
        showAction("generate");
        workbench.fx(() -> this.<ChoiceBox<SyntheticData.Kind>>node("datasets-generate-kind")
                .setValue(SyntheticData.Kind.GAUSSIAN));
        type("datasets-generate-count", "500");
        type("datasets-generate-dimension", "16");
        type("datasets-generate-queries", "50");
        type("datasets-generate-gt-k", "10");
        type("datasets-generate-out", "synthetic-500");
        workbench.robot.clickOn("#datasets-generate-start");
        workbench.awaitJobs();

        DatasetCatalog.Entry created = row("synthetic-500");
        assertEquals("16", text(created, "dimension"));
        assertEquals("500", text(created, "base"));
        assertEquals("50", text(created, "queries"));
        assertEquals("l2", text(created, "metric"));
        assertEquals("k=10", text(created, "ground-truth"));
        assertEquals("no", text(created, "texts"));
        assertEquals("", text(created, "open"), "a new dataset is offered, not opened");
        assertEquals(created, workbench.onFx(() -> table().getSelectionModel().getSelectedItem()),
                "the new dataset is selected");
        assertTrue(workbench.onFx(() -> workbench.node("datasets-offer").isVisible()), "opening it is offered");
        assertTrue(workbench.onFx(() -> panel().statusText()).startsWith("Created synthetic-500"),
                workbench.onFx(() -> panel().statusText()));

        workbench.robot.clickOn("#datasets-open");
        workbench.awaitJobs();
        Workspace.OpenDataset open = workbench.bean(Workspace.class).dataset();
        assertEquals("synthetic-500", open.dataset().name());
        assertEquals(500, open.dataset().base().rows());
        assertEquals(DatasetTable.OPEN_MARK, text(row("synthetic-500"), "open"));
        assertEquals("", text(row(BundledSample.NAME), "open"));

        // A double-click on a row opens it too.
        workbench.robot.doubleClickOn(rowNode(BundledSample.NAME));
        workbench.awaitJobs();
        assertEquals(BundledSample.NAME, workbench.bean(Workspace.class).dataset().dataset().name());
    }

    @Test
    void aNonNumericCountOrATakenFolderShowsItsProblemBesideTheFieldAndStartsNoJob() throws Exception {
        showAction("generate");
        type("datasets-generate-count", "many");
        type("datasets-generate-out", BundledSample.NAME);
        workbench.robot.clickOn("#datasets-generate-start");
        workbench.awaitJobs();

        assertTrue(problem("datasets-generate-count").contains("whole number"), problem("datasets-generate-count"));
        assertTrue(problem("datasets-generate-count").contains("'many'"), problem("datasets-generate-count"));
        assertTrue(problem("datasets-generate-out").contains("already exists"), problem("datasets-generate-out"));
        assertEquals("Idle", panel().statusText(), "no job started");
        assertEquals(1, workbench.onFx(() -> table().getItems().size()), "no dataset was added");
    }

    @Test
    void importingAFileThatDoesNotExistSaysSoBesideTheField() throws Exception {
        showAction("import");
        Path missing = home.resolve("nowhere/vectors.fvecs");
        type("datasets-import-file", missing.toString());
        workbench.fx(() -> this.<ChoiceBox<String>>node("datasets-import-metric").setValue("l2"));
        assertEquals("vectors", workbench.onFx(() -> this.<TextField>node("datasets-import-out").getText()),
                "the folder's name is proposed from the file's");
        workbench.robot.clickOn("#datasets-import-start");
        workbench.awaitJobs();

        assertTrue(problem("datasets-import-file").contains("No such file: " + missing),
                problem("datasets-import-file"));
        assertEquals("Idle", panel().statusText(), "no job started");
        assertFalse(Files.exists(root.resolve("vectors")));
    }

    @Test
    void importsAnFvecsFileSplittingOffQueries() throws Exception {
        showAction("import");
        type("datasets-import-file", root.resolve(BundledSample.NAME).resolve(DatasetFolder.BASE).toString());
        workbench.fx(() -> this.<ChoiceBox<String>>node("datasets-import-metric").setValue("cosine"));
        type("datasets-import-query-count", "100");
        type("datasets-import-gt-k", "10");
        type("datasets-import-out", "imported-sample");
        workbench.robot.clickOn("#datasets-import-start");
        workbench.awaitJobs();

        DatasetCatalog.Entry imported = row("imported-sample");
        assertEquals(String.format("%,d", 3_900), text(imported, "base"));
        assertEquals("100", text(imported, "queries"));
        assertEquals("cosine", text(imported, "metric"));
        assertEquals("k=10", text(imported, "ground-truth"));
    }

    @Test
    void anImportThatFailsSaysWhyAndLeavesNoFolderBehind() throws Exception {
        Path damaged = Files.write(home.resolve("damaged.fvecs"), new byte[] {7, 0, 0, 0, 1, 2});
        showAction("import");
        type("datasets-import-file", damaged.toString());
        workbench.fx(() -> this.<ChoiceBox<String>>node("datasets-import-metric").setValue("l2"));
        workbench.robot.clickOn("#datasets-import-start");
        workbench.awaitJobs();

        assertTrue(panel().statusText().startsWith("Failed: "), panel().statusText());
        assertTrue(panel().statusText().contains("damaged.fvecs"), panel().statusText());
        assertTrue(workbench.robot.lookup(".dialog-pane").tryQuery().isPresent(), "the failure is shown in a dialog");
        assertFalse(Files.exists(root.resolve("damaged")), "the half-made folder was removed");
        assertNull(workbench.onFx(() -> table().entryOf(root.resolve("damaged"))));
    }

    @Test
    void embedsATextFileKeepingItsTexts() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("package " + i + ": a tool that " + (i % 2 == 0 ? "compresses files" : "edits text") + " quickly");
        }
        Path texts = Files.write(home.resolve("notes.txt"), lines);
        showAction("embed");
        type("datasets-embed-texts", texts.toString());
        type("datasets-embed-queries", "5");
        type("datasets-embed-gt-k", "10");
        workbench.robot.clickOn("#datasets-embed-start");
        workbench.awaitJobs();

        DatasetCatalog.Entry embedded = row("notes");
        assertEquals("35", text(embedded, "base"));
        assertEquals("5", text(embedded, "queries"));
        assertEquals("384", text(embedded, "dimension"));
        assertEquals("cosine", text(embedded, "metric"));
        assertEquals("yes", text(embedded, "texts"));
    }

    @Test
    void groundTruthComputedThroughTheScreenIsWrittenIntoTheFolder() throws Exception {
        Path folder = root.resolve("no-truth");
        new DatasetCreator(2, ProgressListener.NONE, () -> null).generate(new SyntheticData.Spec(
                SyntheticData.Kind.UNIFORM, 300, 20, 8, 1, 0.1, 7, Metric.L2), 10, null,
                new Provenance(null, null, null), folder);
        Files.delete(folder.resolve(DatasetFolder.GROUND_TRUTH));
        Files.delete(folder.resolve(DatasetFolder.GROUND_TRUTH_DISTANCES));
        workbench.robot.clickOn("#datasets-refresh");
        assertEquals("none", text(row("no-truth"), "ground-truth"));

        workbench.fx(() -> table().select(folder));
        showAction("gt");
        type("datasets-gt-k", "5");
        workbench.robot.clickOn("#datasets-gt-start");
        workbench.awaitJobs();

        assertEquals("k=5", text(row("no-truth"), "ground-truth"));
        assertEquals(5, DatasetFolder.load(folder).groundTruth().orElseThrow().k());
    }

    @Test
    void cancellingALongGenerationEndsCancelledWithNoDatasetLeft() throws Exception {
        showAction("generate");
        workbench.fx(() -> this.<ChoiceBox<SyntheticData.Kind>>node("datasets-generate-kind")
                .setValue(SyntheticData.Kind.UNIFORM));
        type("datasets-generate-count", "400000");
        type("datasets-generate-dimension", "32");
        type("datasets-generate-queries", "20000");
        type("datasets-generate-gt-k", "10");
        type("datasets-generate-out", "too-large");
        workbench.robot.clickOn("#datasets-generate-start");
        workbench.waitUntil(() -> panel().statusText().contains("ground truth"), Duration.ofMinutes(1));
        workbench.robot.clickOn("#datasets-cancel");
        workbench.awaitJobs();

        assertTrue(panel().statusText().startsWith("Cancelled"), panel().statusText());
        assertNull(workbench.onFx(() -> table().entryOf(root.resolve("too-large"))), "no dataset is listed");
        assertFalse(Files.exists(root.resolve("too-large")), "nothing is left on disk");
        workbench.robot.clickOn("#datasets-refresh");
        assertNull(workbench.onFx(() -> table().entryOf(root.resolve("too-large"))));
    }

    // --- helpers ---

    private DatasetTable table() {
        return workbench.bean(DatasetsScreen.class).table();
    }

    private JobPanel panel() {
        return (JobPanel) workbench.node("datasets-progress").getParent();
    }

    private <T extends Node> T node(String id) {
        return workbench.node(id);
    }

    /** The row of the dataset folder named {@code folderName}. */
    private DatasetCatalog.Entry row(String folderName) throws Exception {
        DatasetCatalog.Entry entry = workbench.onFx(() -> table().entryOf(root.resolve(folderName)));
        assertNotNull(entry, folderName + " is listed");
        return entry;
    }

    private Node rowNode(String folderName) throws Exception {
        DatasetCatalog.Entry entry = row(folderName);
        return workbench.robot.lookup(".table-row-cell")
                .match((TableRow<?> candidate) -> candidate.getItem() == entry).query();
    }

    private String text(DatasetCatalog.Entry entry, String column) throws Exception {
        return workbench.onFx(() -> table().text(entry, column));
    }

    private String problem(String inputId) throws Exception {
        return workbench.onFx(() -> workbench.<Label>node(inputId + "-problem").getText());
    }

    private void showAction(String key) {
        workbench.fx(() -> {
            TabPane actions = workbench.node("datasets-actions");
            actions.getTabs().stream().filter(tab -> tab.getId().equals("datasets-action-" + key)).findFirst()
                    .ifPresent(tab -> actions.getSelectionModel().select(tab));
        });
    }

    /** Types {@code text} into the input, as a user replaces what it held. */
    private void type(String id, String text) {
        workbench.fx(() -> workbench.<TextField>node(id).clear());
        workbench.robot.clickOn("#" + id).write(text);
    }
}
