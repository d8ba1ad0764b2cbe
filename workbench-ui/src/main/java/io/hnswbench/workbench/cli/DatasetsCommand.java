package io.hnswbench.workbench.cli;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./workbench datasets ...}: manage dataset folders. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List, import, generate and embed dataset folders, and compute their exact ground truth.",
        subcommands = {DatasetsListCommand.class, DatasetsImportCommand.class, DatasetsGenerateCommand.class,
                DatasetsEmbedCommand.class, DatasetsGroundTruthCommand.class})
public class DatasetsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // picocli answers a ParameterException with the message, the usage and exit code 2.
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose a datasets verb");
    }
}
