package io.hnswbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.hnswbench.engine.HnswIndex;

/** What a reader needs to judge or reproduce the numbers: command, JDK, kernels, hardware. */
final class RunEnvironment {

    /** Set by ./bench to the command line as the user typed it. */
    static final String COMMAND_PROPERTY = "hnswbench.command";
    /** Arguments a shell takes literally, printed without quotes. */
    private static final Pattern SHELL_WORD = Pattern.compile("[A-Za-z0-9_./,=:+@%-]+");

    private RunEnvironment() {
    }

    static List<String[]> describe() {
        Runtime runtime = Runtime.getRuntime();
        return List.of(
                new String[] {"command", System.getProperty(COMMAND_PROPERTY, "(not run through ./bench)")},
                new String[] {"java command", javaCommand()},
                new String[] {"JDK", System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ", " + System.getProperty("java.vm.name") + ")"},
                new String[] {"kernels", HnswIndex.kernelDescription()},
                new String[] {"cores", runtime.availableProcessors() + " available to the JVM (" + cpuModel() + ", "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"},
                new String[] {"max heap", runtime.maxMemory() / (1024 * 1024) + " MB"});
    }

    /**
     * This JVM's command line, quoted where a shell needs it, without the copy of the ./bench
     * command that ./bench passes in (it is printed on its own line).
     */
    private static String javaCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return "(not available)";
        }
        List<String> words = new ArrayList<>();
        words.add(info.command().get());
        for (String argument : info.arguments().get()) {
            if (!argument.startsWith("-D" + COMMAND_PROPERTY + "=")) {
                words.add(shellQuoted(argument));
            }
        }
        return String.join(" ", words);
    }

    private static String shellQuoted(String word) {
        return SHELL_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The CPU model from /proc/cpuinfo on Linux; "unknown CPU" elsewhere. */
    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the model is a courtesy, not a requirement.
        }
        return "unknown CPU";
    }
}
