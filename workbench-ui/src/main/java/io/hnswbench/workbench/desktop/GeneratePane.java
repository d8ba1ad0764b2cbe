package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.MetricNames;
import io.hnswbench.datasets.SyntheticData;
import io.hnswbench.engine.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.HBox;

/**
 * The form that generates seeded synthetic vectors into a new dataset folder with exact ground
 * truth, as {@code ./workbench datasets generate} does.
 */
final class GeneratePane extends HBox {

    private final DatasetJobs jobs;
    private final Form form;
    private final ChoiceBox<SyntheticData.Kind> kind;
    private final Field<Integer> count;
    private final Field<Integer> dimension;
    private final Field<Integer> queries;
    private final ChoiceBox<Metric> metric;
    private final Field<Integer> clusters;
    private final Field<String> spread;
    private final Field<Long> seed;
    private final Field<Integer> groundTruthK;
    private final Field<String> out;

    GeneratePane(UserChoices choices, DatasetJobs jobs) {
        this.jobs = jobs;
        form = new Form(choices, "datasets-generate");
        kind = form.choice("Kind", "kind", List.of(SyntheticData.Kind.values()), SyntheticData.Kind.CLUSTERS,
                value -> value.name().toLowerCase(Locale.ROOT));
        count = form.integer("Base vectors", "count", 10_000, 1, 100_000_000);
        dimension = form.integer("Dimension", "dimension", 64, 1, 65_536);
        queries = form.integer("Queries", "queries", 1_000, 1, 10_000_000);
        metric = form.choice("Metric", "metric", List.of(Metric.values()), Metric.L2, MetricNames::of);
        clusters = form.integer("Clusters", "clusters", 32, 1, 1_000_000);
        spread = DatasetInputs.positiveDecimal(form, "Spread", "spread", 0.1);
        seed = form.wholeNumber("Seed", "seed", 42);
        groundTruthK = form.integer("Ground-truth k", "gt-k", 100, 1, 100_000);
        out = DatasetInputs.newFolder(form, "synthetic", jobs::newDatasetsRoot);
        // Centres and spread shape the clusters kind only.
        clusters.input().disableProperty().bind(kind.valueProperty().isNotEqualTo(SyntheticData.Kind.CLUSTERS));
        spread.input().disableProperty().bind(clusters.input().disableProperty());

        String hint = "uniform: components uniform in [-1, 1), no structure (hard); gaussian: standard "
                + "normal; clusters: centres plus normal noise of the spread (like embeddings of topics). Queries "
                + "come from the same distribution; the same seed gives the same vectors.";
        Button start = new Button("Generate");
        start.setId("datasets-generate-start");
        start.disableProperty().bind(jobs.running());
        start.setOnAction(_ -> start());
        ActionLayout.fill(this, form, hint, start);
    }

    private void start() {
        if (!form.check()) {
            return;
        }
        SyntheticData.Spec spec;
        try {
            spec = new SyntheticData.Spec(kind.getValue(), count.value(), queries.value(), dimension.value(),
                    clusters.value(), Double.parseDouble(spread.value()), seed.value(), metric.getValue());
        } catch (IllegalArgumentException tooLarge) {
            Problems.showError(jobs.window(), "Cannot generate these vectors", tooLarge);
            return;
        }
        form.remember();
        String name = out.value();
        Path folder = jobs.newDatasetsRoot().resolve(name);
        int k = groundTruthK.value();
        jobs.create("Generating " + name, folder,
                creator -> creator.generate(spec, k, null, DatasetJobs.provenance(null), folder));
    }
}
