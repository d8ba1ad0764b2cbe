package io.hnswbench.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code results.json} and writes {@code results.csv} (one row per point). */
public final class ResultsFiles {

    public static final String JSON = "results.json";
    public static final String CSV = "results.csv";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final String CSV_HEADER = "dataset,engine,m,efConstruction,buildThreads,buildSeconds,indexBytes,"
            + "efSearch,k,recall,qps,meanLatencyMicros,p50Micros,p95Micros,p99Micros,p999Micros,"
            + "distanceComputationsPerQuery,hopsPerQuery";

    private ResultsFiles() {
    }

    /** Writes {@code results} as JSON to {@code file}. */
    public static void writeJson(Path file, SweepResults results) throws IOException {
        Files.write(file, MAPPER.writeValueAsBytes(results));
    }

    /** Reads a results.json, with a message naming the file when it is not one. */
    public static SweepResults readJson(Path file) throws IOException {
        try {
            SweepResults results = MAPPER.readValue(Files.readAllBytes(file), SweepResults.class);
            if (results == null || results.dataset() == null || results.runs() == null) {
                throw new IOException(file + ": not a results.json (no dataset or runs)");
            }
            return results;
        } catch (JacksonException e) {
            throw new IOException(file + ": not a results.json: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes one CSV row per (sweep, run, efSearch), with a header, in the results' order. */
    public static void writeCsv(Path file, List<SweepResults> sweeps) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER);
            out.write('\n');
            for (SweepResults results : sweeps) {
                writeRows(out, results);
            }
        }
    }

    private static void writeRows(Writer out, SweepResults results) throws IOException {
        for (RunResult run : results.runs()) {
            for (SweepPoint point : run.points()) {
                out.write(String.join(",", csvField(results.dataset().name()), csvField(run.engine()),
                        Integer.toString(run.m()), Integer.toString(run.efConstruction()),
                        Integer.toString(run.buildThreads()), number(run.buildSeconds()),
                        Long.toString(run.indexBytes()), Integer.toString(point.efSearch()),
                        Integer.toString(point.k()), number(point.recall()), number(point.qps()),
                        number(point.meanLatencyMicros()), number(point.p50Micros()), number(point.p95Micros()),
                        number(point.p99Micros()), number(point.p999Micros()),
                        number(point.distanceComputationsPerQuery()), number(point.hopsPerQuery())));
                out.write('\n');
            }
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** RFC 4180: quote a field that holds a comma, quote or line break, doubling inner quotes. */
    static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
