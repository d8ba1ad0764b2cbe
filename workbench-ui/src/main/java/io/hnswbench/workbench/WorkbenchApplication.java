package io.hnswbench.workbench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the workbench: the command-line verbs run in a Spring context without a web server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkbenchApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WorkbenchApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        System.exit(SpringApplication.exit(application.run(args)));
    }
}
