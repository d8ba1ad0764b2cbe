package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.DatasetCreator;
import io.hnswbench.datasets.TextEmbedder;
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

/** {@code ./workbench datasets embed TEXTS.txt --queries N --out DIR}. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Embed a text file (one document per line, UTF-8) with " + TextEmbedder.MODEL
                + " in process into a cosine dataset folder that keeps the texts, with exact ground truth.",
                "--queries lines, chosen with --seed, become the queries; the others, in file order, the base set."})
public class DatasetsEmbedCommand implements Callable<Integer> {

    private final DatasetService datasets;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TEXTS", description = "The text file; blank lines are skipped.")
    private Path texts;

    @Option(names = "--queries", required = true, paramLabel = "N", description = "Lines that become queries.")
    private int queryCount;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new dataset folder.")
    private Path out;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Use only the first N non-blank lines (default: all).")
    private int limit;

    @Mixin
    private CreationOptions creation;

    public DatasetsEmbedCommand(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must not be negative, got " + limit);
        }
        return creation.run(spec, datasets, out, creator -> creator.embedTexts(new DatasetCreator.EmbedRequest(texts,
                queryCount, limit, creation.checkedGtK(), creation.seed, creation.name, creation.provenance(spec)), out));
    }
}
