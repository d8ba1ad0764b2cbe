package io.hnswbench.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code results.json}: the contract between sweeps, reports, the app and any
 * script (field names as in DESIGN.md). One sweep writes one; a report may merge several.
 *
 * @param dataset     what was measured on
 * @param environment where it was measured
 * @param parameters  the exact grid and settings, so the sweep can be run again
 * @param runs        one per (engine, M, efConstruction), in the order they ran
 * @param cancelled   true when the sweep was stopped early; {@code runs} then holds what finished
 */
public record SweepResults(DatasetSummary dataset, EnvironmentInfo environment, SweepParameters parameters,
                           List<RunResult> runs, boolean cancelled) {

    public SweepResults {
        runs = List.copyOf(runs);
    }

    /**
     * @param folder the dataset folder the sweep read, for re-running it
     */
    public record DatasetSummary(String name, String metric, int dimension, int baseCount, int queryCount, int gtK,
                                 String folder) {
    }

    /**
     * @param jdk           runtime version, e.g. {@code 25.0.3+9-LTS}
     * @param vm            VM name and vendor
     * @param cpu           CPU model as the OS names it
     * @param cores         processors available to the JVM
     * @param vectorSpecies the engine's distance kernels, e.g. {@code Panama SIMD, 512-bit (16 float lanes)}
     * @param maxHeapBytes  the JVM's maximum heap
     * @param os            operating system and architecture
     * @param startedAt     ISO-8601 instant the sweep started
     * @param engineNotes   per engine name, what a reader must know of how it ran (e.g. whether
     *                      Lucene's Panama vectorization was active); empty when none has a note
     */
    public record EnvironmentInfo(String jdk, String vm, String cpu, int cores, String vectorSpecies,
                                  long maxHeapBytes, String os, String startedAt, Map<String, String> engineNotes) {

        public EnvironmentInfo {
            engineNotes = engineNotes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(engineNotes));
        }

        /** An environment without engine notes. */
        public EnvironmentInfo(String jdk, String vm, String cpu, int cores, String vectorSpecies, long maxHeapBytes,
                               String os, String startedAt) {
            this(jdk, vm, cpu, cores, vectorSpecies, maxHeapBytes, os, startedAt, Map.of());
        }
    }
}
