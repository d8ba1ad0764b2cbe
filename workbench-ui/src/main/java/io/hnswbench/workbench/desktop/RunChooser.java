package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepResults;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;

/**
 * The sweep runs of the {@link Workspace}, each with a check box: the Sweep screen overlays the
 * checked ones on its charts, the Report screen exports them. A run that joins the workspace
 * starts checked, since it is usually the one the user wants to see next.
 */
final class RunChooser extends ListView<SweepResults> {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** Keyed by identity: two runs read from the same results.json are equal records yet two entries. */
    private final Map<SweepResults, BooleanProperty> checked = new IdentityHashMap<>();
    private final List<Runnable> onChange = new java.util.ArrayList<>();

    /** @param id the list's node id, e.g. {@code sweep-runs} */
    RunChooser(ObservableList<SweepResults> runs, String id) {
        super(runs);
        setId(id);
        setPrefHeight(140);
        setPlaceholder(new javafx.scene.control.Label("No runs yet: run a sweep or load a results.json"));
        runs.forEach(this::track);
        runs.addListener((ListChangeListener<SweepResults>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::track);
                change.getRemoved().forEach(checked::remove);
            }
            changed();
        });
        setCellFactory(CheckBoxListCell.forListView(this::checkedProperty, new javafx.util.StringConverter<>() {
            @Override
            public String toString(SweepResults run) {
                return run == null ? "" : describe(run);
            }

            @Override
            public SweepResults fromString(String text) {
                throw new UnsupportedOperationException("the list is not editable");
            }
        }));
    }

    private void track(SweepResults run) {
        if (!checked.containsKey(run)) {
            BooleanProperty property = new SimpleBooleanProperty(true);
            property.addListener((_, _, _) -> changed());
            checked.put(run, property);
        }
    }

    private void changed() {
        onChange.forEach(Runnable::run);
    }

    /** Whether {@code run} is checked; the cells bind their check boxes to it. */
    BooleanProperty checkedProperty(SweepResults run) {
        track(run);
        return checked.get(run);
    }

    /** The checked runs, in the workspace's order (oldest first). */
    List<SweepResults> checkedRuns() {
        return getItems().stream().filter(run -> checkedProperty(run).get()).toList();
    }

    /** Calls {@code action} whenever a run is added, removed, checked or unchecked. */
    void onChange(Runnable action) {
        onChange.add(action);
    }

    /**
     * One line naming a sweep: dataset, engines, grid, number of runs, when it started and
     * whether it was stopped early, e.g.
     * {@code debian-packages-4k · hnsw · M 8,16 · efC 100 · 2 runs · 2026-01-02 10:11:12}.
     */
    static String describe(SweepResults sweep) {
        StringBuilder text = new StringBuilder(sweep.dataset() == null ? "unknown dataset" : sweep.dataset().name());
        List<RunResult> runs = sweep.runs();
        Set<String> engines = runs.stream().map(RunResult::engine).collect(Collectors.toCollection(LinkedHashSet::new));
        if (engines.isEmpty() && sweep.parameters() != null) {
            engines.addAll(sweep.parameters().engines());
        }
        text.append(" · ").append(String.join(", ", engines));
        text.append(" · M ").append(distinct(runs.stream().map(RunResult::m).toList()));
        text.append(" · efC ").append(distinct(runs.stream().map(RunResult::efConstruction).toList()));
        text.append(" · ").append(runs.size()).append(runs.size() == 1 ? " run" : " runs");
        String started = started(sweep);
        if (!started.isEmpty()) {
            text.append(" · ").append(started);
        }
        if (sweep.cancelled()) {
            text.append(" · stopped early");
        }
        return text.toString();
    }

    private static String distinct(List<Integer> values) {
        return values.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String started(SweepResults sweep) {
        if (sweep.environment() == null || sweep.environment().startedAt() == null) {
            return "";
        }
        try {
            return STARTED.format(Instant.parse(sweep.environment().startedAt()));
        } catch (DateTimeParseException notAnInstant) {
            // A hand-edited results.json: show its text as it is.
            return sweep.environment().startedAt();
        }
    }
}
