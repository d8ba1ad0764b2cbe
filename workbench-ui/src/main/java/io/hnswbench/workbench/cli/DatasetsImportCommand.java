package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.engine.Metric;
import io.hnswbench.workbench.DatasetService;
import java.nio.file.Path;
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

/** {@code ./workbench datasets import FILE --out DIR}. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert vectors into a dataset folder with exact ground truth.",
                "FILE is an ann-benchmarks .hdf5/.h5 file (train, test, neighbors, distance attribute), or base "
                        + "vectors as .fvecs, .bvecs or .npy (float32/float64); then give --metric, and either "
                        + "--queries or let --query-count vectors be split off the base set."})
public class DatasetsImportCommand implements Callable<Integer> {

    private final DatasetService datasets;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The vectors to import.")
    private Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new dataset folder.")
    private Path out;

    @Option(names = "--metric", paramLabel = "METRIC",
            description = "cosine, l2 or inner_product (also angular, euclidean, ip); required unless FILE is .hdf5.")
    private Metric metric;

    @Option(names = "--queries", paramLabel = "FILE", description = "Query vectors (.fvecs, .bvecs or .npy).")
    private Path queries;

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = "True neighbours of --queries as .ivecs (default: computed exactly).")
    private Path groundTruth;

    @Option(names = "--query-count", paramLabel = "N",
            description = "Vectors to split off as queries when --queries is absent (default: 1000, or a tenth of "
                    + "the vectors if fewer).")
    private int queryCount;

    @Mixin
    private CreationOptions creation;

    public DatasetsImportCommand(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws Exception {
        if (queryCount < 0) {
            throw new IllegalArgumentException("--query-count must be positive, got " + queryCount);
        }
        return creation.run(spec, datasets, out, creator -> creator.importFile(new DatasetCreator.ImportRequest(file,
                queries, groundTruth, metric, queryCount, creation.checkedGtK(), creation.seed, creation.name,
                creation.provenance(spec)), out));
    }
}
