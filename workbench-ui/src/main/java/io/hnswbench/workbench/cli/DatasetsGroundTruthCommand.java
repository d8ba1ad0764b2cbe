package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.workbench.DatasetService;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./workbench datasets ground-truth DIR}. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "ground-truth", mixinStandardHelpOptions = true,
        description = {"Compute the exact nearest neighbours of every query of a dataset folder by parallel brute "
                + "force (SIMD screening, double-precision ranking, ties by lower id) and write groundtruth.ivecs "
                + "and groundtruth.distances.fvecs, replacing earlier ones."})
public class DatasetsGroundTruthCommand implements Callable<Integer> {

    private final DatasetService datasets;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The dataset folder.")
    private Path folder;

    @Option(names = "--k", defaultValue = "" + DatasetCreator.DEFAULT_GT_K, paramLabel = "K",
            description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    private int k;

    @Mixin
    private ThreadsOption threads;

    public DatasetsGroundTruthCommand(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws Exception {
        if (k <= 0) {
            throw new IllegalArgumentException("--k must be positive, got " + k);
        }
        long start = System.nanoTime();
        GroundTruth groundTruth;
        try (TerminalProgress progress = TerminalProgress.onStandardError(spec.commandLine().getErr())) {
            groundTruth = datasets.creator(threads.threadCount(), progress).computeGroundTruth(folder, k);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote the %d nearest neighbours of %,d queries into %s (%.1f s)%n",
                groundTruth.k(), groundTruth.queryCount(), folder, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
