package io.hnswbench.workbench.desktop;

import javafx.scene.Node;

/**
 * One tab of the main window. Screens are Spring beans, ordered with
 * {@link org.springframework.core.annotation.Order}; a bean is created before the JavaFX toolkit
 * may be running, so a screen builds its controls in {@link #content()}, which the main window
 * calls once, on the FX thread.
 */
interface Screen {

    /** The tab's title, e.g. {@code "Build"}. */
    String title();

    /** The screen's controls; called once, on the FX thread. */
    Node content();
}
