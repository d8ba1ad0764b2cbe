package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.datasets.MetricNames;
import io.hnswbench.datasets.Provenance;
import io.hnswbench.workbench.DatasetService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options shared by the verbs that make a dataset folder. */
final class CreationOptions {

    private static final Pattern SHELL_PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./,=:+@%-]+");

    @Option(names = "--name", description = "Dataset name in meta.json (default: the output folder's name).")
    String name;

    @Option(names = "--gt-k", defaultValue = "" + DatasetCreator.DEFAULT_GT_K,
            description = "Exact neighbours to store per query (default: ${DEFAULT-VALUE}).")
    int gtK;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--source", description = "Where the data came from, for meta.json (default: a description of the input).")
    String source;

    @Option(names = "--license", description = "Terms of the data, for meta.json.")
    String license;

    int threadCount() {
        return threads.threadCount();
    }

    int checkedGtK() {
        if (gtK <= 0) {
            throw new IllegalArgumentException("--gt-k must be positive, got " + gtK);
        }
        return gtK;
    }

    /** One way of making a dataset folder, given a creator that reports progress. */
    @FunctionalInterface
    interface Creation {
        Dataset create(DatasetCreator creator) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code creation} behind a progress bar on standard error, then prints what it wrote.
     *
     * @return the verb's exit code
     */
    int run(CommandSpec spec, DatasetService datasets, Path out, Creation creation)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Dataset dataset;
        try (TerminalProgress progress = TerminalProgress.onStandardError(spec.commandLine().getErr())) {
            dataset = creation.create(datasets.creator(threadCount(), progress));
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "wrote %s: %s, %,d base + %,d query vectors, %d-d, %s, ground truth k=%d%s (%.1f s)", out,
                dataset.name(), dataset.base().rows(), dataset.queries().rows(), dataset.dimension(),
                MetricNames.of(dataset.metric()), dataset.meta().gtK(),
                dataset.baseTexts().isPresent() ? ", with texts" : "", (System.nanoTime() - start) / 1e9));
        return 0;
    }

    /** The provenance for meta.json; {@code built_with} records the command as typed. */
    Provenance provenance(CommandSpec spec) {
        List<String> words = spec.commandLine().getParseResult().originalArgs();
        return new Provenance(source, license, "HNSW Workbench 0.1.0: ./workbench "
                + words.stream().map(CreationOptions::shellQuoted).collect(Collectors.joining(" ")));
    }

    /** A word as a POSIX shell would need it typed, so the recorded command can be pasted back. */
    static String shellQuoted(String word) {
        return SHELL_PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
