package io.hnswbench.workbench.desktop;

import io.hnswbench.engine.IndexStatistics;
import java.time.Duration;
import java.util.Locale;

/** How the screens write an index's figures: sizes, times and memory, the same way everywhere. */
final class IndexFigures {

    private IndexFigures() {
    }

    /** {@code 1,234 B}, {@code 12.3 KiB}, {@code 45.6 MiB}, {@code 1.2 GiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%,d B", bytes);
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A duration as the screens show it: {@code 0.4 s} below a minute, else {@code 2 min 05 s}. */
    static String duration(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }

    /** Memory of the index with its parts and the cost per live vector. */
    static String memory(IndexStatistics statistics) {
        String perVector = statistics.size() == 0 ? ""
                : String.format(Locale.ROOT, " = %,.0f bytes per vector", statistics.totalBytes() / (double) statistics.size());
        return bytes(statistics.totalBytes()) + " (vectors " + bytes(statistics.vectorBytes()) + " · links "
                + bytes(statistics.linkBytes()) + " · ids and flags " + bytes(statistics.otherBytes()) + ")" + perVector;
    }

    /** The graph in one line: size, levels, entry point. */
    static String graph(IndexStatistics statistics) {
        return String.format(Locale.ROOT, "%,d live vectors, %,d deleted · %d levels · entry point %s on level %d · "
                        + "M=%d, efConstruction=%d, efSearch=%d · %s", statistics.size(), statistics.deletedCount(),
                statistics.levelCount(), statistics.entryPointId() == null ? "none" : "'" + statistics.entryPointId() + "'",
                statistics.entryPointLevel(), statistics.m(), statistics.efConstruction(), statistics.efSearch(),
                statistics.metric().name().toLowerCase(Locale.ROOT));
    }
}
