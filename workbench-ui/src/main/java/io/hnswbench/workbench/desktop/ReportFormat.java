package io.hnswbench.workbench.desktop;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The files a report export can write, as the Report screen offers them. */
enum ReportFormat {
    HTML("HTML", "report.html: one page with the charts inline"),
    MARKDOWN("Markdown", "report.md: links the charts' PNG files, so those are written with it"),
    CSV("CSV", "results.csv: one row per measured point"),
    PNG("PNG", "every chart as a PNG image"),
    SVG("SVG", "every chart as an SVG drawing");

    private final String label;
    private final String explanation;

    ReportFormat(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** How the format reads on its check box. */
    String label() {
        return label;
    }

    /** What choosing it writes, for its tooltip. */
    String explanation() {
        return explanation;
    }

    /** The name in ids and the choices file, e.g. {@code markdown}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The formats named in {@code keys} (comma-separated {@link #key()}s); unknown names are ignored. */
    static Set<ReportFormat> parse(String keys) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String key : keys.split(",")) {
            Arrays.stream(values()).filter(format -> format.key().equals(key.strip())).forEach(formats::add);
        }
        return formats;
    }

    /** {@code formats} as {@link #parse} reads them. */
    static String keys(Set<ReportFormat> formats) {
        return formats.stream().map(ReportFormat::key).collect(Collectors.joining(","));
    }
}
