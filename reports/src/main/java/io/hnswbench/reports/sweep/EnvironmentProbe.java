package io.hnswbench.reports.sweep;

import io.hnswbench.engine.VectorMath;
import io.hnswbench.reports.SweepResults.EnvironmentInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads what a result depends on from the running JVM and machine. */
final class EnvironmentProbe {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private EnvironmentProbe() {
    }

    /** @param skipped per engine that could not run here, why */
    static EnvironmentInfo current(Instant startedAt, List<SweepEngine> engines, Map<String, String> skipped) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (SweepEngine engine : engines) {
            String note = skipped.containsKey(engine.name()) ? skipped.get(engine.name()) : engine.environmentNote();
            if (note != null) {
                notes.put(engine.name(), note);
            }
        }
        return new EnvironmentInfo(Runtime.version().toString(),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                cpuModel(), Runtime.getRuntime().availableProcessors(), VectorMath.kernelDescription(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                startedAt.toString(), notes);
    }

    /** The CPU model from /proc/cpuinfo on Linux; the architecture elsewhere. */
    private static String cpuModel() {
        if (Files.isReadable(CPU_INFO)) {
            try (Stream<String> lines = Files.lines(CPU_INFO)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException | RuntimeException unreadable) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }
}
