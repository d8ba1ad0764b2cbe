package io.hnswbench.workbench;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code workbench.*} settings of {@code application.yml}.
 *
 * @param datasetRoots folders searched for dataset folders; the first receives the bundled sample
 */
@ConfigurationProperties("workbench")
public record WorkbenchProperties(List<Path> datasetRoots) {

    public WorkbenchProperties {
        if (datasetRoots == null || datasetRoots.isEmpty()) {
            throw new IllegalArgumentException("workbench.dataset-roots must name at least one folder");
        }
        datasetRoots = List.copyOf(datasetRoots);
    }
}
