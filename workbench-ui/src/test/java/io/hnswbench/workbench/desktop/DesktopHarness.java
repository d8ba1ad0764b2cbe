package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import org.springframework.context.ConfigurableApplicationContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop workbench opened for a test class as a user opens it: a fresh Spring context whose
 * dataset root and choices file live in a temporary folder, the main window shown on TestFX's
 * stage (headless, on Monocle), and the bundled sample installed and opened.
 */
final class DesktopHarness implements AutoCloseable {

    static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    final Path home;
    final ConfigurableApplicationContext context;
    final FxRobot robot = new FxRobot();

    private DesktopHarness(Path home, ConfigurableApplicationContext context) {
        this.home = home;
        this.context = context;
    }

    /** Opens the workbench with its data under {@code home} and waits until the sample is open. */
    static DesktopHarness open(Path home) throws Exception {
        Files.createDirectories(home);
        FxToolkit.registerPrimaryStage();
        ConfigurableApplicationContext context = WorkbenchDesktop.startContext(
                "--workbench.dataset-roots=" + home.resolve("datasets"),
                "--workbench.choices-file=" + home.resolve("choices.properties"));
        DesktopHarness harness = new DesktopHarness(home, context);
        FxToolkit.setupStage(stage -> context.getBean(MainWindow.class).show(stage));
        harness.awaitJobs();
        assertTrue(harness.bean(Workspace.class).dataset() != null, "the sample dataset was opened");
        return harness;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Waits for every running job and the FX handlers it queued. */
    void awaitJobs() throws InterruptedException {
        assertTrue(bean(Jobs.class).awaitIdle(JOB_TIMEOUT), "jobs finished within " + JOB_TIMEOUT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows the tab titled {@code title}. */
    void select(String title) {
        fx(() -> bean(MainWindow.class).select(title));
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    void fx(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Computes {@code value} on the FX thread. */
    <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get(30, TimeUnit.SECONDS);
    }

    /** The node with {@code id} (without the {@code #}). */
    <T extends Node> T node(String id) {
        return robot.lookup("#" + id).query();
    }

    /** Waits until {@code condition} holds, checking it on the FX thread. */
    void waitUntil(Callable<Boolean> condition, Duration timeout) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> onFx(condition));
    }

    @Override
    public void close() throws TimeoutException {
        try {
            bean(Jobs.class).awaitIdle(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FxToolkit.cleanupStages();
        context.close();
    }
}
