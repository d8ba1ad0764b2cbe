package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.DatasetCatalog;
import io.hnswbench.datasets.DatasetMeta;
import io.hnswbench.workbench.DatasetService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./workbench datasets list}: the dataset folders under the roots. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the dataset folders under the configured roots (the bundled sample is installed into "
                + "the first on first use), or under the given --root folders."})
public class DatasetsListCommand implements Callable<Integer> {

    private final DatasetService datasets;

    @Spec
    private CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", description = "A folder to list instead of the configured roots; repeatable.")
    private List<Path> roots;

    public DatasetsListCommand(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> searched = roots;
        if (searched == null || searched.isEmpty()) {
            DatasetService.Installation sample = datasets.ensureSample();
            if (sample.installed()) {
                spec.commandLine().getErr().println("installed the bundled sample into " + sample.folder());
            }
            searched = datasets.roots();
        }
        List<DatasetCatalog.Entry> entries = datasets.list(searched);
        if (entries.isEmpty()) {
            out.println("no dataset folders (with a meta.json) under " + searched);
            return 0;
        }
        out.printf(Locale.ROOT, "%-24s %-14s %6s %10s %8s %6s %-5s  %s%n", "name", "metric", "dim", "base", "queries",
                "gt k", "texts", "folder");
        for (DatasetCatalog.Entry entry : entries) {
            DatasetMeta meta = entry.meta();
            if (meta == null) {
                out.printf(Locale.ROOT, "%-24s unreadable: %s%n", entry.folder().getFileName(), entry.problem());
                continue;
            }
            out.printf(Locale.ROOT, "%-24s %-14s %6d %,10d %,8d %6s %-5s  %s%n", meta.name(), meta.metric(),
                    meta.dimension(), meta.baseCount(), meta.queryCount(),
                    entry.hasGroundTruth() ? Integer.toString(meta.gtK()) : "none", entry.hasTexts() ? "yes" : "no",
                    entry.folder());
        }
        return 0;
    }
}
