package io.hnswbench.workbench;

import io.hnswbench.workbench.cli.WorkbenchCommandLine;
import io.hnswbench.workbench.desktop.WorkbenchDesktop;
import javafx.application.Application;

/**
 * The jar's entry point. With no verb it opens the desktop workbench; with one ({@code datasets},
 * {@code sweep}, {@code report}, {@code screenshots}, {@code --help}…) it runs that verb and exits.
 *
 * <p>A separate class because a main class that extends {@link Application} fails with "JavaFX
 * runtime components are missing" when JavaFX is on the class path rather than the module path.
 */
public final class Launcher {

    /**
     * JavaFX warns at every start that it was loaded from the class path (the jar) rather than as
     * modules; that is how the jar is meant to run. Held here so the logger, and its level, live on.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (WorkbenchCommandLine.verbArguments(args).length > 0) {
            WorkbenchApplication.main(args);
            return;
        }
        String missingDisplay = missingDisplay();
        if (missingDisplay != null) {
            System.err.println("workbench: " + missingDisplay);
            System.exit(1);
        }
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(WorkbenchDesktop.class, args);
    }

    /**
     * Why the window cannot open, or null when it can: on Linux JavaFX needs an X or Wayland
     * display, and without one it fails with a stack trace rather than a sentence.
     */
    static String missingDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean chosenGlass = System.getProperty("glass.platform") != null;
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!linux || chosenGlass || display) {
            return null;
        }
        return "no display to open the window on (DISPLAY is not set). Run it in a desktop session, or with a "
                + "virtual display: xvfb-run ./workbench. The verbs need none: ./workbench --help lists them, and "
                + "./workbench screenshots --out DIR renders every screen without a display.";
    }
}
