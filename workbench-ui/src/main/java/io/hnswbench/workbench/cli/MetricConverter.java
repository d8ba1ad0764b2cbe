package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.MetricNames;
import io.hnswbench.engine.Metric;
import picocli.CommandLine;

/** Reads {@code --metric} with the names of {@code meta.json} and ann-benchmarks. */
final class MetricConverter implements CommandLine.ITypeConverter<Metric> {

    static final MetricConverter INSTANCE = new MetricConverter();

    @Override
    public Metric convert(String value) {
        try {
            return MetricNames.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
