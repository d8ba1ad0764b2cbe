package io.hnswbench.workbench.desktop;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens a written report (or its folder) in the user's browser or file manager. Screens are Spring
 * beans without the JavaFX {@code Application}'s host services, so this uses AWT's {@link Desktop}
 * where it works (not when AWT is headless, which the workbench keeps it), else the platform's own
 * opener: {@code xdg-open}, {@code open} on macOS, {@code explorer} on Windows. It runs on its own
 * thread, since either may take a while to hand the file over.
 */
final class ReportOpener {

    private static final long OPENER_SECONDS = 20;

    private ReportOpener() {
    }

    /**
     * Opens {@code file} in the background; {@code failed} is told why it could not be (on the
     * opener's thread).
     */
    static void open(Path file, Consumer<String> failed) {
        Thread.ofPlatform().daemon().name("report-opener").start(() -> {
            try {
                openNow(file.toAbsolutePath());
            } catch (IOException | RuntimeException e) {
                failed.accept(Problems.describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void openNow(Path file) throws IOException, InterruptedException {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            Desktop.getDesktop().open(file.toFile());
            return;
        }
        List<String> command = opener(file);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notThere) {
            throw new IOException("cannot run " + command.getFirst() + " to open " + file + " (" + notThere.getMessage()
                    + "); open it by hand", notThere);
        }
        // xdg-open returns once the browser has the file; a browser it starts keeps running alone.
        if (process.waitFor(OPENER_SECONDS, TimeUnit.SECONDS) && process.exitValue() != 0) {
            throw new IOException(command.getFirst() + " could not open " + file + " (exit code "
                    + process.exitValue() + "); open it by hand");
        }
    }

    /** The command that opens {@code file} with the user's default application on this OS. */
    static List<String> opener(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open", file.toString());
        }
        if (os.contains("win")) {
            return List.of("explorer", file.toString());
        }
        return List.of("xdg-open", file.toString());
    }
}
