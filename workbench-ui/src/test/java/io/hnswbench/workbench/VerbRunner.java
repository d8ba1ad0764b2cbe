package io.hnswbench.workbench;

import io.hnswbench.workbench.cli.WorkbenchCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the workbench's verbs as the launcher does and keeps what they printed. */
final class VerbRunner {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private VerbRunner() {
    }

    static Run run(WorkbenchCommandLine workbench, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = workbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
