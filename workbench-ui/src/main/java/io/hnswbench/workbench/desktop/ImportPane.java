package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.datasets.MetricNames;
import io.hnswbench.engine.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.HBox;

/**
 * The form that converts a file of vectors (.fvecs, .bvecs, .npy or an ann-benchmarks .hdf5) into
 * a new dataset folder with ground truth, as {@code ./workbench datasets import} does.
 */
final class ImportPane extends HBox {

    /** The metric choice that leaves the metric to the .hdf5 file's {@code distance} attribute. */
    static final String METRIC_FROM_FILE = "from the .hdf5 file";

    /** The new folder's name until a file is chosen. */
    private static final String FOLDER_FALLBACK = "imported";

    private final DatasetJobs jobs;
    private final Form form;
    private final Field<String> file;
    private final ChoiceBox<String> metric;
    private final Field<String> queriesFile;
    private final Field<String> groundTruthFile;
    private final Field<Integer> queryCount;
    private final Field<Integer> groundTruthK;
    private final Field<Long> seed;
    private final Field<String> license;
    private final Field<String> out;

    ImportPane(UserChoices choices, DatasetJobs jobs) {
        this.jobs = jobs;
        form = new Form(choices, "datasets-import");
        file = DatasetInputs.file(form, "Vectors file", "file", DatasetInputs.FileKind.VECTORS, true,
                this::checkMetricKnown);
        metric = form.choice("Metric", "metric", List.of(METRIC_FROM_FILE, MetricNames.of(Metric.COSINE),
                MetricNames.of(Metric.L2), MetricNames.of(Metric.INNER_PRODUCT)), METRIC_FROM_FILE, value -> value);
        queriesFile = DatasetInputs.file(form, "Queries file (optional)", "queries",
                DatasetInputs.FileKind.QUERY_VECTORS, false, _ -> { });
        groundTruthFile = DatasetInputs.file(form, "Ground-truth file (optional)", "ground-truth",
                DatasetInputs.FileKind.NEIGHBOURS, false, this::checkQueriesGiven);
        queryCount = form.integer("Queries to split off", "query-count", 0, 0, 10_000_000);
        groundTruthK = form.integer("Ground-truth k", "gt-k", DatasetCreator.DEFAULT_GT_K, 1, 100_000);
        seed = form.wholeNumber("Seed", "seed", 42);
        license = form.text("License (optional)", "license", "", String::strip);
        out = DatasetInputs.newFolder(form, FOLDER_FALLBACK, jobs::newDatasetsRoot);
        DatasetInputs.proposeFolderName(file, out, FOLDER_FALLBACK);

        String hint = "An ann-benchmarks .hdf5 file brings its queries, neighbours and metric. Other "
                + "files hold base vectors only: choose the metric, and either a queries file (with its "
                + "neighbours, or they are computed) or how many vectors to split off as queries (0: 1,000, or a "
                + "tenth of the vectors if fewer).";
        Button start = new Button("Import");
        start.setId("datasets-import-start");
        start.disableProperty().bind(jobs.running());
        start.setOnAction(_ -> start());
        ActionLayout.fill(this, form, hint, start);
    }

    private static boolean isHdf5(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".hdf5") || name.endsWith(".h5");
    }

    private void checkMetricKnown(Path vectors) {
        if (!isHdf5(vectors) && METRIC_FROM_FILE.equals(metric.getValue())) {
            throw new IllegalArgumentException(vectors.getFileName() + " records no metric: choose one under Metric");
        }
    }

    private void checkQueriesGiven(Path groundTruth) {
        if (queriesFile.input().getText().isBlank()) {
            throw new IllegalArgumentException("Neighbours belong to a queries file: choose the queries too");
        }
    }

    private void start() {
        if (!form.check()) {
            return;
        }
        form.remember();
        String name = out.value();
        Path folder = jobs.newDatasetsRoot().resolve(name);
        Metric chosen = METRIC_FROM_FILE.equals(metric.getValue()) ? null : MetricNames.parse(metric.getValue());
        DatasetCreator.ImportRequest request = new DatasetCreator.ImportRequest(Path.of(file.value()),
                DatasetInputs.pathOrNull(queriesFile), DatasetInputs.pathOrNull(groundTruthFile), chosen,
                queryCount.value(), groundTruthK.value(), seed.value(), null,
                DatasetJobs.provenance(license.value()));
        jobs.create("Importing " + name, folder, creator -> creator.importFile(request, folder));
    }
}
