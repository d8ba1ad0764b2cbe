package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.MetricNames;
import java.nio.file.Path;
import java.util.Locale;

/** The one-line summary a verb prints after writing a dataset folder. */
final class DatasetReport {

    private DatasetReport() {
    }

    static String written(Path folder, Dataset dataset, long startNanos) {
        return String.format(Locale.ROOT, "wrote %s: %s, %,d base + %,d query vectors, %d-d, %s, ground truth k=%d%s (%.1f s)",
                folder, dataset.name(), dataset.base().rows(), dataset.queries().rows(), dataset.dimension(),
                MetricNames.of(dataset.metric()), dataset.meta().gtK(),
                dataset.baseTexts().isPresent() ? ", with texts" : "", (System.nanoTime() - startNanos) / 1e9);
    }
}
