package io.hnswbench.workbench.desktop;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The strip under a screen's form that shows its running job: a progress bar, what the job is
 * doing, the time since it started and a Cancel button; when it ends, how it ended and how long it
 * took. Screens disable their start buttons while {@link #runningProperty()} is true.
 */
final class JobPanel extends HBox {

    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Idle");
    private final Label elapsed = new Label();
    private final Button cancel = new Button("Cancel");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final Timeline clock = new Timeline();
    private long startedNanos;
    /** The task shown now; a task that ends after another took the panel must not reset it. */
    private Task<?> tracked;

    /** @param idPrefix prefix of the controls' ids, e.g. {@code build} gives {@code #build-cancel} */
    public JobPanel(String idPrefix) {
        super(10);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("job-panel");
        progress.setPrefWidth(220);
        progress.setId(idPrefix + "-progress");
        status.setId(idPrefix + "-status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(120);
        HBox.setHgrow(status, Priority.ALWAYS);
        elapsed.setId(idPrefix + "-elapsed");
        elapsed.setMinWidth(70);
        cancel.setId(idPrefix + "-cancel");
        cancel.setDisable(true);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(progress, status, elapsed, cancel);
        clock.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(200), _ -> showElapsed()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    /** Shows {@code task} until it ends; Cancel cancels it (interrupting its thread). */
    void track(Task<?> task) {
        tracked = task;
        status.getStyleClass().remove("job-failed");
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        cancel.setOnAction(_ -> task.cancel(true));
        cancel.setDisable(false);
        running.set(true);
        startedNanos = System.nanoTime();
        showElapsed();
        clock.play();
        task.stateProperty().addListener((_, _, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                finish(task, state);
            }
        });
    }

    /**
     * Back to "Idle", for when what the panel last said no longer applies (another dataset was
     * opened). A job still shown keeps running, but its end no longer changes the panel.
     */
    void idle() {
        tracked = null;
        clock.stop();
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        status.getStyleClass().remove("job-failed");
        progress.setProgress(0);
        status.setText("Idle");
        elapsed.setText("");
        cancel.setDisable(true);
        running.set(false);
    }

    private void finish(Task<?> task, Worker.State state) {
        if (task != tracked) {
            return;
        }
        clock.stop();
        showElapsed();
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        cancel.setDisable(true);
        running.set(false);
        // The elapsed time stays on show beside the status, so the status does not repeat it.
        switch (state) {
            case SUCCEEDED -> {
                progress.setProgress(1);
                status.setText(task.getMessage().isBlank() ? "Done" : task.getMessage());
            }
            case CANCELLED -> status.setText("Cancelled");
            default -> {
                progress.setProgress(0);
                status.getStyleClass().add("job-failed");
                status.setText("Failed: " + Problems.describe(task.getException()));
            }
        }
    }

    private void showElapsed() {
        elapsed.setText(IndexFigures.duration(Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    /** Whether a job is running in this panel. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The status line's text, for tests and the screenshot tour. */
    public String statusText() {
        return status.getText();
    }
}
