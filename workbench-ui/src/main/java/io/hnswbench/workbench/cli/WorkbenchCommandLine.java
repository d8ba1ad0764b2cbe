package io.hnswbench.workbench.cli;

import java.util.Arrays;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Runs the command-line verbs once the Spring context is up, and hands their exit code to Spring
 * Boot so that {@code ./workbench} exits with it. The desktop app turns it off with
 * {@code workbench.command-line=false}: its context has no verb to run.
 */
@Component
@ConditionalOnProperty(name = "workbench.command-line", havingValue = "true", matchIfMissing = true)
public class WorkbenchCommandLine implements CommandLineRunner, ExitCodeGenerator {

    private final SpringCommandFactory factory;
    private int exitCode;

    public WorkbenchCommandLine(SpringCommandFactory factory) {
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        exitCode = commandLine().execute(verbArguments(args));
    }

    /**
     * The arguments without Spring properties such as {@code --workbench.dataset-roots=DIR}, which
     * Spring Boot has already applied; the verbs' own options never contain a dot in their name.
     */
    public static String[] verbArguments(String[] args) {
        return Arrays.stream(args).filter(arg -> !isSpringProperty(arg)).toArray(String[]::new);
    }

    private static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        int equals = arg.indexOf('=');
        return arg.substring(2, equals < 0 ? arg.length() : equals).contains(".");
    }

    /**
     * The verbs with their error handling, as the launcher runs them; tests call this too. Every
     * call builds fresh command objects (they are prototype beans): picocli keeps parsed values in
     * their fields, and one run's options must not become the next run's defaults.
     */
    public CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(WorkbenchCommand.class, factory);
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        commandLine.registerConverter(io.hnswbench.engine.Metric.class, MetricConverter.INSTANCE);
        return commandLine;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
