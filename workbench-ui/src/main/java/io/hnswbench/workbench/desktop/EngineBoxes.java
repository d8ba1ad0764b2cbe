package io.hnswbench.workbench.desktop;

import io.hnswbench.reports.peers.SweepEngines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

/**
 * One check box per engine a sweep can measure ({@link SweepEngines#names()}). Whether an engine
 * can run here is found by a background probe ({@link #probe()}: hnswlib, for one, starts a
 * Python worker to find out); until it answers the boxes are disabled, after it an unavailable
 * engine stays disabled with the reason as its tooltip.
 */
final class EngineBoxes extends FlowPane {

    static final String CHOICE = "sweep.engines";

    private final Map<String, CheckBox> boxes = new LinkedHashMap<>();
    private final Map<String, Tooltip> reasons = new LinkedHashMap<>();
    private final UserChoices choices;

    EngineBoxes(UserChoices choices) {
        super(12, 4);
        this.choices = choices;
        setId("sweep-engines");
        Set<String> remembered = Set.of(choices.get(CHOICE, "hnsw").split(","));
        for (String name : SweepEngines.names()) {
            CheckBox box = new CheckBox(name);
            box.setId("sweep-engine-" + name);
            box.setSelected(remembered.contains(name));
            box.setDisable(true);
            // A disabled control shows no tooltip, so the reason hangs on a holder around the box.
            Tooltip reason = new Tooltip("Checking whether " + name + " can run here…");
            reason.setWrapText(true);
            reason.setMaxWidth(480);
            StackPane holder = new StackPane(box);
            Tooltip.install(holder, reason);
            boxes.put(name, box);
            reasons.put(name, reason);
            getChildren().add(holder);
        }
    }

    /** Finds on a job's thread which engines can run here, then enables those boxes. */
    JobTask<Map<String, Optional<String>>> probe() {
        return new JobTask<>() {
            @Override
            protected Map<String, Optional<String>> call() {
                Map<String, Optional<String>> unavailable = new LinkedHashMap<>();
                List<String> names = SweepEngines.names();
                for (int i = 0; i < names.size(); i++) {
                    progress("Checking the engines: " + names.get(i), i, names.size());
                    unavailable.put(names.get(i), SweepEngines.named(List.of(names.get(i))).getFirst().unavailableBecause());
                }
                List<String> missing = unavailable.entrySet().stream().filter(entry -> entry.getValue().isPresent())
                        .map(Map.Entry::getKey).toList();
                say(missing.isEmpty() ? "Every engine can run here"
                        : "Not available here: " + String.join(", ", missing) + " (hover for why)");
                return unavailable;
            }

            @Override
            protected void succeeded() {
                getValue().forEach((name, reason) -> {
                    CheckBox box = boxes.get(name);
                    box.setDisable(reason.isPresent());
                    if (reason.isPresent()) {
                        box.setSelected(false);
                    }
                    reasons.get(name).setText(reason.orElse(name + " can run here"));
                });
            }

            @Override
            protected void failed() {
                offerAllUnchecked("Could not check this engine: " + Problems.describe(getException()));
            }

            @Override
            protected void cancelled() {
                offerAllUnchecked("Not checked (the check was cancelled); a sweep skips an engine that cannot run");
            }
        };
    }

    /** The runner skips an engine that cannot run and says why, so without a check every box is offered. */
    private void offerAllUnchecked(String why) {
        boxes.values().forEach(box -> box.setDisable(false));
        reasons.values().forEach(reason -> reason.setText(why));
    }

    /** The checked engines that can run, in the documented order. */
    List<String> chosen() {
        return boxes.entrySet().stream().filter(entry -> entry.getValue().isSelected() && !entry.getValue().isDisabled())
                .map(Map.Entry::getKey).toList();
    }

    /** Remembers the checked engines for the next start. */
    void remember() {
        choices.put(CHOICE, boxes.entrySet().stream().filter(entry -> entry.getValue().isSelected())
                .map(Map.Entry::getKey).collect(Collectors.joining(",")));
    }

    /** Calls {@code action} whenever a box is checked or unchecked. */
    void onToggle(Runnable action) {
        boxes.values().forEach(box -> box.selectedProperty().addListener((_, _, _) -> action.run()));
    }

    /** The box of engine {@code name}. */
    CheckBox box(String name) {
        return boxes.get(name);
    }

    /** Why engine {@code name} is disabled (or that it can run), as its tooltip says. */
    String reason(String name) {
        return reasons.get(name).getText();
    }
}
