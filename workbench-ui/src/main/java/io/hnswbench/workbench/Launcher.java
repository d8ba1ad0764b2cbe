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

    private Launcher() {
    }

    public static void main(String[] args) {
        if (WorkbenchCommandLine.verbArguments(args).length == 0) {
            Application.launch(WorkbenchDesktop.class, args);
        } else {
            WorkbenchApplication.main(args);
        }
    }
}
