package io.hnswbench.workbench.cli;

import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.SweepResults.EnvironmentInfo;
import io.hnswbench.workbench.WorkbenchApplication;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a sweep of several engines with each engine in a JVM of its own, one after another, and
 * merges their results. In one shared JVM an engine's speed depends on what ran before it: the JIT
 * profiles of the JDK code the Java engines share (the Vector API above all) and the heap they
 * leave behind made the same engine measure up to 2x apart depending on its place in the list.
 * A fresh JVM per engine, as JMH forks one per benchmark, takes that away.
 */
final class EngineForks {

    /** How long a stopped child gets to write what it measured. */
    private static final long STOP_GRACE_SECONDS = 60;

    private final List<String> launcher;
    private final PrintWriter err;

    /** @param launcher the java binary, JVM options and class path or jar that start this application */
    EngineForks(List<String> launcher, PrintWriter err) {
        this.launcher = List.copyOf(launcher);
        this.err = err;
    }

    /** The command that started this JVM, minus its arguments: what starts the same application again. */
    static List<String> currentLauncher() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger's agent listens on a port only one JVM can hold.
            if (!argument.startsWith("-agentlib:jdwp") && !argument.startsWith("-Xrunjdwp")) {
                command.add(argument);
            }
        }
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) && isLaunchedAsJar(classPath)) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(WorkbenchApplication.class.getName());
        }
        return command;
    }

    /** {@code java -jar app.jar} leaves the jar as the whole class path and as the start of the command. */
    private static boolean isLaunchedAsJar(String classPath) {
        String command = System.getProperty("sun.java.command", "");
        return command.equals(classPath) || command.startsWith(classPath + " ");
    }

    /**
     * Sweeps each engine of {@code parameters} in a child JVM, in order, and returns the merged
     * results. When this thread is interrupted (Ctrl-C), the running child is stopped, what it
     * finished is kept and no further engine starts.
     *
     * @param work a folder for the children's results
     */
    SweepResults run(SweepParameters parameters, String datasetFolder, Path work) throws IOException {
        List<SweepResults> parts = new ArrayList<>();
        boolean cancelled = false;
        List<String> engines = parameters.engines();
        for (int i = 0; i < engines.size() && !cancelled; i++) {
            String engine = engines.get(i);
            err.printf("sweep: engine %d of %d, %s, in a JVM of its own%n", i + 1, engines.size(), engine);
            err.flush();
            Path out = work.resolve((i + 1) + "-" + engine);
            Process child = new ProcessBuilder(command(parameters, engine, datasetFolder, out))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit;
            try {
                exit = child.waitFor();
            } catch (InterruptedException stop) {
                cancelled = true;
                exit = stop(child);
            }
            Path results = out.resolve(ResultsFiles.JSON);
            if (Files.isRegularFile(results)) {
                SweepResults part = ResultsFiles.readJson(results);
                parts.add(part);
                cancelled |= part.cancelled();
            } else if (!cancelled) {
                throw new IOException("the JVM that swept " + engine + " exited with status " + exit
                        + " and wrote no results; see its messages above");
            }
        }
        if (parts.isEmpty()) {
            throw new IOException("the sweep was stopped before any engine finished");
        }
        return merge(parts, parameters, cancelled);
    }

    private List<String> command(SweepParameters parameters, String engine, String datasetFolder, Path out) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("sweep", SweepCommand.RESULTS_ONLY,
                "--dataset", datasetFolder,
                "--engine", engine,
                "--m", joined(parameters.m()),
                "--ef-construction", joined(parameters.efConstruction()),
                "--ef-search", joined(parameters.efSearch()),
                "--k", Integer.toString(parameters.k()),
                "--build-threads", Integer.toString(parameters.buildThreads()),
                "--search-threads", Integer.toString(parameters.searchThreads()),
                "--limit", Integer.toString(parameters.limit()),
                "--seed", Long.toString(parameters.seed()),
                "--warm-up", Integer.toString(parameters.warmUpQueries()),
                "--out", out.toString()));
        return command;
    }

    /**
     * Asks the child to stop (it writes what it finished, as after Ctrl-C) and waits for it. The
     * caller's interrupt is not re-asserted: reading the child's results after this must not be
     * interrupted; the caller records the stop itself.
     */
    private static int stop(Process child) {
        child.destroy();
        while (true) {
            try {
                if (child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    return child.exitValue();
                }
                child.destroyForcibly();
                return child.waitFor();
            } catch (InterruptedException again) {
                // A second Ctrl-C: keep waiting, the child is already stopping.
            }
        }
    }

    /** One result of the engines' parts: the first part's dataset and machine, every engine's notes and runs. */
    static SweepResults merge(List<SweepResults> parts, SweepParameters parameters, boolean cancelled) {
        SweepResults first = parts.getFirst();
        Map<String, String> notes = new LinkedHashMap<>();
        List<RunResult> runs = new ArrayList<>();
        for (SweepResults part : parts) {
            notes.putAll(part.environment().engineNotes());
            runs.addAll(part.runs());
        }
        EnvironmentInfo machine = first.environment();
        EnvironmentInfo environment = new EnvironmentInfo(machine.jdk(), machine.vm(), machine.cpu(), machine.cores(),
                machine.vectorSpecies(), machine.maxHeapBytes(), machine.os(), machine.startedAt(), notes);
        return new SweepResults(first.dataset(), environment, parameters, runs, cancelled);
    }

    private static String joined(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
