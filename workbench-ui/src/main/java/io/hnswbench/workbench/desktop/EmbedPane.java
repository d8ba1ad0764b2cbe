package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.datasets.TextEmbedder;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;

/**
 * The form that embeds a text file (one text per line) with all-MiniLM-L6-v2, in this process, into
 * a new cosine dataset folder that keeps the texts, as {@code ./workbench datasets embed} does.
 */
final class EmbedPane extends HBox {

    /** The new folder's name until a file is chosen. */
    private static final String FOLDER_FALLBACK = "texts";

    private final DatasetJobs jobs;
    private final Form form;
    private final Field<String> texts;
    private final Field<Integer> queryCount;
    private final Field<Integer> limit;
    private final Field<Integer> groundTruthK;
    private final Field<Long> seed;
    private final Field<String> license;
    private final Field<String> out;

    EmbedPane(UserChoices choices, DatasetJobs jobs) {
        this.jobs = jobs;
        form = new Form(choices, "datasets-embed");
        texts = DatasetInputs.file(form, "Text file", "texts", DatasetInputs.FileKind.TEXTS, true, _ -> { });
        queryCount = form.integer("Queries", "queries", 100, 1, 10_000_000);
        limit = form.integer("Use the first lines", "limit", 0, 0, 100_000_000);
        groundTruthK = form.integer("Ground-truth k", "gt-k", DatasetCreator.DEFAULT_GT_K, 1, 100_000);
        seed = form.wholeNumber("Seed", "seed", 42);
        license = form.text("License (optional)", "license", "", String::strip);
        out = DatasetInputs.newFolder(form, FOLDER_FALLBACK, jobs::newDatasetsRoot);
        DatasetInputs.proposeFolderName(texts, out, FOLDER_FALLBACK);

        String hint = "Each non-blank line (UTF-8) is one text, embedded with " + TextEmbedder.MODEL + " ("
                + TextEmbedder.DIMENSION + "-d, cosine) in this process; the texts are kept. The seed picks which "
                + "lines become queries. Use the first lines: 0 for all.";
        Button start = new Button("Embed");
        start.setId("datasets-embed-start");
        start.disableProperty().bind(jobs.running());
        start.setOnAction(_ -> start());
        ActionLayout.fill(this, form, hint, start);
    }

    private void start() {
        if (!form.check()) {
            return;
        }
        form.remember();
        String name = out.value();
        Path folder = jobs.newDatasetsRoot().resolve(name);
        DatasetCreator.EmbedRequest request = new DatasetCreator.EmbedRequest(Path.of(texts.value()),
                queryCount.value(), limit.value(), groundTruthK.value(), seed.value(), null,
                DatasetJobs.provenance(license.value()));
        jobs.create("Embedding " + name, folder, creator -> creator.embedTexts(request, folder));
    }
}
