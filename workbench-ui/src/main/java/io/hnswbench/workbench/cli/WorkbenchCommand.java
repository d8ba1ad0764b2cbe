package io.hnswbench.workbench.cli;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./workbench}: the root of the verbs. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "workbench", mixinStandardHelpOptions = true, version = "HNSW Workbench 0.1.0",
        description = "Tune an HNSW index for your vectors: datasets, ground truth, sweeps and reports.",
        subcommands = {DatasetsCommand.class, SweepCommand.class, ReportCommand.class, ScreenshotsCommand.class})
public class WorkbenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
