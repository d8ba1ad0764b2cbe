package io.hnswbench.workbench.cli;

import io.hnswbench.workbench.DatasetService;
import io.hnswbench.workbench.desktop.ScreenshotTour;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./workbench screenshots --out DIR}: every screen as PNG, after real work on the sample. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = {"Opens the desktop workbench without a display (Monocle's headless glass), does real work on "
                + "the bundled sample (build, graph, a query, a small sweep, a report) and writes one PNG per screen.",
                "Your saved choices are not touched."})
public class ScreenshotsCommand implements Callable<Integer> {

    private final DatasetService datasets;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the PNG files go.")
    private Path out;

    public ScreenshotsCommand(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> images = ScreenshotTour.capture(out, datasets.roots(), spec.commandLine().getErr());
        for (Path image : images) {
            spec.commandLine().getOut().println(image.toAbsolutePath());
        }
        return 0;
    }
}
