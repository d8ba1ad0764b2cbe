package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.BundledSample;
import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.RowIds;
import io.hnswbench.engine.HnswIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path home;

    @Test
    void anIndexMadeForADatasetNoLongerOpenIsClosedNotTaken() throws Exception {
        Path sample = BundledSample.installInto(home);
        Dataset first = Dataset.load(sample);
        Dataset second = Dataset.load(sample);
        Workspace workspace = new Workspace();
        workspace.openDataset(new Workspace.OpenDataset(sample, second));
        Path file = home.resolve("first.hnsw");
        try (HnswIndex built = HnswIndex.builder(first.dimension()).metric(first.metric()).m(8).efConstruction(20)
                .build()) {
            built.addAll(RowIds.of(200), first.base().head(200).data(), 1);
            built.save(file);
        }
        HnswIndex mapped = HnswIndex.open(file);
        Workspace.ActiveIndex stale = new Workspace.ActiveIndex(mapped, "opened", null, mapped.statistics(), file);

        assertFalse(workspace.offerIndex(stale, first), "built for the dataset open before");
        assertNull(workspace.index());
        assertThrows(IllegalStateException.class, () -> mapped.search(first.queries().row(0), 5),
                "the stale mapped index was closed");

        HnswIndex current = HnswIndex.open(file);
        Workspace.ActiveIndex fresh = new Workspace.ActiveIndex(current, "opened", null, current.statistics(), file);
        assertTrue(workspace.offerIndex(fresh, second));
        assertSame(fresh, workspace.index());
        workspace.setIndex(null);
        assertThrows(IllegalStateException.class, () -> current.search(second.queries().row(0), 5),
                "a replaced index is closed");
    }
}
