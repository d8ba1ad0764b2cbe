package io.hnswbench.workbench.cli;

import io.hnswbench.reports.ReportFolder;
import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.SweepResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./workbench report RESULTS.json... --out DIR}: re-render one sweep or merge several. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render earlier sweeps again, or merge several into one comparison: results.csv, the charts "
                + "(PNG and SVG), report.html and report.md in OUT (a single input's results.json is copied too)."})
public class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS.json", description = "results.json files written by sweeps.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the report goes.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        List<SweepResults> sweeps = new ArrayList<>();
        for (Path input : inputs) {
            sweeps.add(ResultsFiles.readJson(input));
        }
        List<Path> written = ReportFolder.write(sweeps, out);
        for (SweepResults sweep : sweeps) {
            SweepSummary.print(spec.commandLine().getOut(), sweep);
        }
        spec.commandLine().getOut().println("report: " + written.getFirst().toAbsolutePath());
        return 0;
    }
}
