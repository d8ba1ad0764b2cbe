package io.hnswbench.workbench.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Renders every screen of the workbench to PNG after real work on the bundled sample, as a user
 * would do it: open the sample, build an index, look at its graph, run a query, run a small sweep,
 * export a report. It runs on Monocle's headless glass, so it needs no display, and in a context of
 * its own whose choices live in a temporary file (the user's own choices are left alone).
 */
public final class ScreenshotTour {

    static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
    static final int WIDTH = 1440;
    static final int HEIGHT = 900;

    private final ConfigurableApplicationContext context;
    private final Path out;
    private final PrintWriter log;
    private final List<Path> written = new ArrayList<>();
    private Stage stage;

    private ScreenshotTour(ConfigurableApplicationContext context, Path out, PrintWriter log) {
        this.context = context;
        this.out = out;
        this.log = log;
    }

    /**
     * Takes the tour and writes one PNG per screen into {@code out}.
     *
     * @param datasetRoots where the datasets are (the sample is installed into the first)
     * @param log          told what each step does (the report it exports goes to a temporary
     *                     folder, deleted afterwards)
     * @return the images written, in screen order
     */
    public static List<Path> capture(Path out, List<Path> datasetRoots, PrintWriter log) throws Exception {
        useHeadlessGlass();
        Files.createDirectories(out);
        Path choices = Files.createTempFile("workbench-tour-", ".properties");
        Files.delete(choices);
        String roots = datasetRoots.stream().map(Path::toString).collect(Collectors.joining(","));
        boolean startedToolkit = startToolkit();
        Path reportFolder = Files.createTempDirectory("workbench-tour-report-");
        try (ConfigurableApplicationContext context = WorkbenchDesktop.startContext(
                "--workbench.dataset-roots=" + roots, "--workbench.choices-file=" + choices)) {
            ScreenshotTour tour = new ScreenshotTour(context, out, log);
            try {
                tour.walk(reportFolder);
            } finally {
                tour.closeWindow();
            }
            return List.copyOf(tour.written);
        } finally {
            Files.deleteIfExists(choices);
            deleteFolder(reportFolder);
            if (startedToolkit) {
                Platform.exit();
            }
        }
    }

    /**
     * Starts JavaFX unless it runs already (as in a test JVM).
     *
     * @return whether this call started it, and so should stop it
     */
    private static boolean startToolkit() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        started.get(1, TimeUnit.MINUTES);
        return true;
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void closeWindow() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** Monocle's headless screen, software rendering, unless the caller chose otherwise. */
    private static void useHeadlessGlass() {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", (WIDTH + 160) + "x" + (HEIGHT + 100) + "-32"));
    }

    private void walk(Path reportFolder) throws Exception {
        MainWindow window = context.getBean(MainWindow.class);
        fx(() -> {
            stage = new Stage();
            window.show(stage);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return null;
        });
        step("opening the bundled sample");

        shoot("Datasets", "1-datasets.png");

        select("Build");
        fx(() -> {
            setText("build-m", "16");
            setText("build-ef-construction", "200");
            fire("build-start");
            return null;
        });
        step("building an index on the sample (M=16, efConstruction=200)");
        shoot("Build", "2-build.png");

        shoot("Graph", "3-graph.png");

        select("Search");
        step("searching the first query of the sample");
        shoot("Search", "4-search.png");

        select("Sweep");
        fx(() -> {
            setText("sweep-m", "8,16");
            setText("sweep-ef-construction", "100");
            setText("sweep-ef-search", "10,20,40,80,160");
            setText("sweep-k", "10");
            setText("sweep-warm-up", "200");
            for (String engine : List.of("hnsw", "lucene", "jvector")) {
                setSelected("sweep-engine-" + engine);
            }
            fire("sweep-run");
            return null;
        });
        step("sweeping M 8,16 x efSearch 10..160 with hnsw, lucene and jvector");
        shoot("Sweep", "5-sweep.png");

        select("Report");
        fx(() -> {
            setText("report-folder", reportFolder.toString());
            fire("report-export");
            return null;
        });
        step("exporting the report to " + reportFolder);
        shoot("Report", "6-report.png");
    }

    private void select(String title) throws Exception {
        fx(() -> {
            context.getBean(MainWindow.class).select(title);
            return null;
        });
    }

    private void step(String what) throws Exception {
        log.println("screenshots: " + what);
        log.flush();
        if (!context.getBean(Jobs.class).awaitIdle(JOB_TIMEOUT)) {
            throw new IllegalStateException("the workbench was still busy after " + JOB_TIMEOUT + " " + what);
        }
    }

    /** Shows the tab, lets layout and charts settle, and writes the window's image. */
    private void shoot(String title, String fileName) throws Exception {
        select(title);
        // Two pulses: one lays out the newly shown tab, the next paints its charts at their size.
        fx(() -> null);
        Thread.sleep(300);
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        Path file = out.resolve(fileName);
        if (!ImageIO.write(picture, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        written.add(file);
        log.println(String.format(Locale.ROOT, "screenshots: %s -> %s (%dx%d)", title, file, (int) image.getWidth(),
                (int) image.getHeight()));
        log.flush();
    }

    private Node node(String id) {
        Node found = stage.getScene().lookup("#" + id);
        if (found == null) {
            throw new IllegalStateException("the workbench has no control #" + id);
        }
        return found;
    }

    private void setText(String id, String text) {
        ((TextField) node(id)).setText(text);
    }

    /** Ticks a check box that is enabled (an engine that cannot run here stays unticked). */
    private void setSelected(String id) {
        javafx.scene.control.CheckBox box = (javafx.scene.control.CheckBox) node(id);
        if (!box.isDisabled()) {
            box.setSelected(true);
        }
    }

    private void fire(String id) {
        ButtonBase button = (ButtonBase) node(id);
        if (button.isDisabled()) {
            throw new IllegalStateException("#" + id + " is disabled");
        }
        button.fire();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }
}
