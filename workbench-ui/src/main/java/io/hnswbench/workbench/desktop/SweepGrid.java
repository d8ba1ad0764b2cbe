package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.SweepParameters;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;

/**
 * The Sweep screen's form: the grid (M, efConstruction and efSearch lists), k, threads, engines,
 * limit, seed and warm-up. {@link #parameters()} checks every input, shows each problem beside
 * its input, and gives the sweep's {@link SweepParameters} when there is none. What depends on
 * the dataset (k against its ground truth, the limit against its size) is checked by the sweep
 * runner, whose message the screen shows.
 */
final class SweepGrid {

    static final int MAX_M = 512;
    static final int MAX_EF = 100_000;
    static final int MAX_THREADS = 1024;

    private final Form form;
    private final EngineBoxes engines;
    private final Label enginesProblem = new Label();
    private final Field<List<Integer>> m;
    private final Field<List<Integer>> efConstruction;
    private final Field<List<Integer>> efSearch;
    private final Field<Integer> k;
    private final Field<Integer> buildThreads;
    private final Field<Integer> searchThreads;
    private final Field<Integer> limit;
    private final Field<Long> seed;
    private final Field<Integer> warmUp;

    SweepGrid(UserChoices choices) {
        form = new Form(choices, "sweep");
        m = form.integers("M", "m", "8,16,32", 2, MAX_M);
        efConstruction = form.integers("efConstruction", "ef-construction", "100,200", 1, MAX_EF);
        efSearch = form.integers("efSearch", "ef-search", "10,20,40,80,160,320,512", 1, MAX_EF);
        k = form.integer("k (neighbours)", "k", 10, 1, MAX_EF);
        buildThreads = form.integer("Build threads", "build-threads", Runtime.getRuntime().availableProcessors(), 1,
                MAX_THREADS);
        searchThreads = form.integer("Search threads", "search-threads", 1, 1, MAX_THREADS);
        limit = form.integer("Limit (0 = all)", "limit", 0, 0, Integer.MAX_VALUE);
        seed = form.wholeNumber("Seed", "seed", 42);
        warmUp = form.integer("Warm-up queries", "warm-up", 1000, 0, Integer.MAX_VALUE);
        engines = new EngineBoxes(choices);
        addEnginesRow();
        form.widenInputs(260);
    }

    /**
     * The engines are a row of check boxes, which {@link Form#row} (one control) cannot hold; the
     * form is a grid, so the row goes in its next line in the same three columns.
     */
    private void addEnginesRow() {
        Label caption = new Label("Engines");
        caption.setLabelFor(engines);
        enginesProblem.setId("sweep-engines-problem");
        enginesProblem.getStyleClass().add("field-problem");
        enginesProblem.setWrapText(true);
        enginesProblem.setMaxWidth(360);
        int row = form.getRowCount();
        form.add(caption, 0, row);
        form.add(engines, 1, row);
        form.add(enginesProblem, 2, row);
        engines.onToggle(() -> enginesProblem.setText(""));
    }

    /**
     * The sweep's parameters, or empty when an input is wrong (each problem is then shown beside
     * its input). Names the engines in their documented order.
     */
    Optional<SweepParameters> parameters() {
        boolean valid = form.check();
        List<String> names = engines.chosen();
        if (names.isEmpty()) {
            enginesProblem.setText("Choose at least one engine that can run here");
            valid = false;
        } else {
            enginesProblem.setText("");
        }
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new SweepParameters(names, m.value(), efConstruction.value(), efSearch.value(), k.value(),
                buildThreads.value(), searchThreads.value(), limit.value(), seed.value(), warmUp.value()));
    }

    /** Remembers every input for the next start (called when a sweep starts). */
    void remember() {
        engines.remember();
        form.remember();
    }

    Form form() {
        return form;
    }

    EngineBoxes engines() {
        return engines;
    }
}
