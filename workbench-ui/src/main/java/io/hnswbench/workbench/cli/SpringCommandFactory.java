package io.hnswbench.workbench.cli;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Lets picocli take its command objects from Spring, so commands get services by constructor
 * injection; everything else (converters, help) picocli makes itself.
 */
@Component
public class SpringCommandFactory implements CommandLine.IFactory {

    private final ApplicationContext context;

    public SpringCommandFactory(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (context.getBeanNamesForType(type).length > 0) {
            return context.getBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
