package io.hnswbench.workbench.desktop;

import io.hnswbench.workbench.WorkbenchApplication;
import javafx.application.Application;
import javafx.stage.Stage;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The desktop workbench as a JavaFX application. The Spring context starts in {@link #init()}, on
 * the launcher thread, so the window opens with every service ready; {@link #stop()} saves the
 * user's choices and closes the context (which cancels running jobs).
 */
public final class WorkbenchDesktop extends Application {

    private ConfigurableApplicationContext context;

    @Override
    public void init() {
        context = startContext(getParameters().getRaw().toArray(String[]::new));
    }

    /**
     * The application's context without the command-line verbs. AWT stays headless (Spring Boot's
     * default): charts draw through JavaFX, and reports open through JavaFX's host services.
     */
    public static ConfigurableApplicationContext startContext(String... args) {
        return new SpringApplicationBuilder(WorkbenchApplication.class)
                .web(WebApplicationType.NONE)
                .properties("workbench.command-line=false")
                .run(args);
    }

    @Override
    public void start(Stage stage) {
        context.getBean(MainWindow.class).show(stage);
    }

    @Override
    public void stop() {
        context.getBean(MainWindow.class).rememberLayout();
        context.close();
    }
}
