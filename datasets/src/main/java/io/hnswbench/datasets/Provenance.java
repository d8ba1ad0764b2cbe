package io.hnswbench.datasets;

/**
 * What a new dataset's {@code meta.json} says about where it came from.
 *
 * @param source    where the vectors (and texts) came from; null to describe the input file
 * @param license   the terms the data may be used under; null for "unknown"
 * @param builtWith the tool and command that made it; may be null
 */
public record Provenance(String source, String license, String builtWith) {

    static final String UNKNOWN_LICENSE = "unknown: check the terms of the source";

    String sourceOr(String fallback) {
        return source == null || source.isBlank() ? fallback : source;
    }

    String licenseOrUnknown() {
        return license == null || license.isBlank() ? UNKNOWN_LICENSE : license;
    }
}
