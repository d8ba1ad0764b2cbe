package io.hnswbench.reports.peers;

import io.hnswbench.reports.sweep.HnswEngine;
import io.hnswbench.reports.sweep.SweepEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engines a sweep can measure, by the names the command line and results.json use: this
 * project's {@code hnsw}, the peers it races ({@code lucene}, {@code jvector}, {@code hnswlib})
 * and the brute-force baseline {@code exact}.
 */
public final class SweepEngines {

    private static final Map<String, Supplier<SweepEngine>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(HnswEngine.NAME, HnswEngine::new);
        KNOWN.put(LuceneEngine.NAME, LuceneEngine::new);
        KNOWN.put(JVectorEngine.NAME, JVectorEngine::new);
        KNOWN.put(HnswlibEngine.NAME, HnswlibEngine::new);
        KNOWN.put(ExactEngine.NAME, ExactEngine::new);
    }

    private SweepEngines() {
    }

    /** Every engine name, in the order they are documented. */
    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    /**
     * The engines for {@code names}, in that order.
     *
     * @throws IllegalArgumentException for an unknown or repeated name, listing the known ones
     */
    public static List<SweepEngine> named(List<String> names) {
        List<SweepEngine> engines = new ArrayList<>();
        for (String name : names) {
            Supplier<SweepEngine> engine = KNOWN.get(name.strip());
            if (engine == null) {
                throw new IllegalArgumentException("unknown engine '" + name + "'; known: " + String.join(", ", names()));
            }
            if (engines.stream().anyMatch(known -> known.name().equals(name.strip()))) {
                throw new IllegalArgumentException("engine '" + name + "' is named twice");
            }
            engines.add(engine.get());
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine named; known: " + String.join(", ", names()));
        }
        return engines;
    }
}
