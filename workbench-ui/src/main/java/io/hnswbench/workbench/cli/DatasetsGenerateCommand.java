package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.SyntheticData;
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
import picocli.CommandLine.Spec;

/** {@code ./workbench datasets generate --kind clusters --count N --dimension D --out DIR}. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate seeded synthetic vectors into a dataset folder with exact ground truth.",
                "uniform: components uniform in [-1, 1), no structure (hard); gaussian: standard normal; clusters: "
                        + "--clusters centres plus normal noise of --spread (like embeddings of topics)."})
public class DatasetsGenerateCommand implements Callable<Integer> {

    private final DatasetService datasets;

    @Spec
    private CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "uniform, gaussian or clusters.")
    private String kind;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Base vectors.")
    private int count;

    @Option(names = "--dimension", required = true, paramLabel = "D", description = "Components per vector.")
    private int dimension;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new dataset folder.")
    private Path out;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "N",
            description = "Query vectors, drawn from the same distribution (default: ${DEFAULT-VALUE}).")
    private int queryCount;

    @Option(names = "--metric", defaultValue = "l2", paramLabel = "METRIC",
            description = "cosine, l2 or inner_product (default: ${DEFAULT-VALUE}).")
    private Metric metric;

    @Option(names = "--clusters", defaultValue = "32", paramLabel = "N",
            description = "Cluster centres, for --kind clusters (default: ${DEFAULT-VALUE}).")
    private int clusters;

    @Option(names = "--spread", defaultValue = "0.1", paramLabel = "SIGMA",
            description = "Noise around a centre per component, for --kind clusters (default: ${DEFAULT-VALUE}).")
    private double spread;

    @Mixin
    private CreationOptions creation;

    public DatasetsGenerateCommand(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws Exception {
        if (queryCount <= 0) {
            throw new IllegalArgumentException("--queries must be positive, got " + queryCount);
        }
        SyntheticData.Spec data = new SyntheticData.Spec(SyntheticData.Kind.parse(kind), count, queryCount, dimension,
                clusters, spread, creation.seed, metric);
        return creation.run(spec, datasets, out, creator -> creator.generate(data, creation.checkedGtK(), creation.name,
                creation.provenance(spec), out));
    }
}
