package io.hnswbench.workbench;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code workbench.*} settings of {@code application.yml}.
 *
 * @param datasetRoots folders searched for dataset folders; the first receives the bundled sample
 * @param choicesFile  where the desktop app keeps the user's last choices (dataset, parameters,
 *                     window layout) between runs
 */
@ConfigurationProperties("workbench")
public record WorkbenchProperties(List<Path> datasetRoots, Path choicesFile) {

    public WorkbenchProperties {
        if (datasetRoots == null || datasetRoots.isEmpty()) {
            throw new IllegalArgumentException("workbench.dataset-roots must name at least one folder");
        }
        if (choicesFile == null) {
            throw new IllegalArgumentException("workbench.choices-file must name a file");
        }
        datasetRoots = List.copyOf(datasetRoots);
    }
}
