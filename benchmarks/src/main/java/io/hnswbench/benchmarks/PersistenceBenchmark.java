package io.hnswbench.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.IndexStatistics;
import io.hnswbench.engine.Metric;
import io.hnswbench.engine.SearchResult;

/**
 * Scale benchmark of index files: build a large synthetic index on the heap, save it, and compare
 * searching it on the heap with searching the file mapped by {@link HnswIndex#open} in a fresh
 * JVM, whose used heap after the open must stay under a tenth of the file size. Run it with
 * {@code ./bench persist}; {@code --help} lists the options. The report goes to stdout as
 * Markdown, progress to stderr.
 *
 * <p>The mapping is measured in a child JVM started with the same java binary and JVM options, so
 * that its heap holds nothing but what the open put there (and the queries). The child reads the
 * queries and their exact neighbours from files beside the index and answers on stdout with
 * lines {@code result NAME VALUE...}.
 */
public final class PersistenceBenchmark {

    /** First argument of the child JVM's command line. */
    static final String CHILD = "--child";
    /** Largest share of the file size the heap may hold after {@link HnswIndex#open}. */
    static final double HEAP_LIMIT_FRACTION = 0.10;
    private static final double MIB = 1024.0 * 1024.0;

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CHILD)) {
            try {
                Child.run(args);
            } catch (IOException | RuntimeException e) {
                System.err.println("child: " + e);
                e.printStackTrace();
                System.exit(1);
            }
            return;
        }
        if (BenchmarkOptions.asksForHelp(args)) {
            System.out.println(PersistenceOptions.USAGE);
            return;
        }
        try {
            run(PersistenceOptions.parse(args), System.out);
        } catch (BenchmarkOptions.InvalidArguments e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.println(PersistenceOptions.USAGE);
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }

    /** The files of one run: the index and, beside it, the queries and their exact neighbours. */
    private record RunFiles(Path index, Path queries, Path truth, Path createdFolder) {

        static RunFiles of(PersistenceOptions options) throws IOException {
            if (options.file() == null) {
                Path folder = Files.createTempDirectory("hnswbench-persist-");
                return at(folder.resolve("index.hnsw"), folder);
            }
            Path index = options.file().toAbsolutePath();
            return at(index, null);
        }

        private static RunFiles at(Path index, Path createdFolder) {
            return new RunFiles(index, index.resolveSibling(index.getFileName() + ".queries"),
                    index.resolveSibling(index.getFileName() + ".truth"), createdFolder);
        }

        void delete() {
            for (Path path : new Path[] {index, queries, truth, createdFolder}) {
                if (path == null) {
                    continue;
                }
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("could not delete " + path + ": " + e);
                }
            }
        }
    }

    static void run(PersistenceOptions options, PrintStream out) throws IOException {
        RunFiles files = RunFiles.of(options);
        try {
            run(options, files, out);
        } finally {
            if (options.keep()) {
                System.err.println("kept " + files.index() + " and its .queries and .truth files");
            } else {
                files.delete();
                System.err.println("deleted " + files.index() + " and its .queries and .truth files");
            }
        }
    }

    private static void run(PersistenceOptions options, RunFiles files, PrintStream out) throws IOException {
        int dimension = options.dimension();
        List<String> childCommand = childCommand(files, options);

        System.err.printf(Locale.ROOT, "generating %d base and %d query vectors, %d-d%n", options.count(),
                options.queries(), dimension);
        long start = System.nanoTime();
        float[] base = SyntheticData.gaussianRows(options.seed(), SyntheticData.BASE, options.count(), dimension);
        float[] queryRows = SyntheticData.gaussianRows(options.seed(), SyntheticData.QUERIES, options.queries(),
                dimension);
        double generateSeconds = secondsSince(start);

        System.err.println("computing the exact neighbours of the queries by brute force");
        start = System.nanoTime();
        int[][] truth = SyntheticData.exactNeighbours(base, queryRows, dimension, options.k());
        double truthSeconds = secondsSince(start);

        printSetting(options, files, childCommand, generateSeconds, truthSeconds, out);

        HnswIndex index = HnswIndex.builder(dimension).metric(Metric.L2).m(options.m())
                .efConstruction(options.efConstruction()).seed(options.seed()).build();
        System.err.printf(Locale.ROOT, "building with %d thread(s)%n", options.threads());
        long buildStart = System.nanoTime();
        int[] lastTenth = {0};
        start = System.nanoTime();
        index.addAll(rowIds(options.count()), base, options.threads(), (inserted, total) -> {
            int tenth = (int) ((long) inserted * 10 / total);
            synchronized (lastTenth) {
                if (tenth > lastTenth[0]) {
                    lastTenth[0] = tenth;
                    System.err.printf(Locale.ROOT, "  %d/%d inserted, %.0f s%n", inserted, total,
                            secondsSince(buildStart));
                }
            }
        });
        double buildSeconds = secondsSince(start);
        System.err.printf(Locale.ROOT, "built in %.1f s%n", buildSeconds);
        base = null;
        System.gc();
        long heapWithIndex = usedHeapAfterGc();
        IndexStatistics heapStatistics = index.statistics();

        System.err.println("saving to " + files.index());
        start = System.nanoTime();
        index.save(files.index());
        double saveSeconds = secondsSince(start);
        long fileBytes = Files.size(files.index());
        SyntheticData.writeFloats(files.queries(), queryRows);
        SyntheticData.writeRows(files.truth(), truth);

        float[][] queries = SyntheticData.split(queryRows, dimension);
        SearchRun.Scorer scorer = recallScorer(truth, options.k());
        List<SearchRound> heapRounds = new ArrayList<>();
        List<ChildRound> childRounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            System.err.printf(Locale.ROOT, "round %d/%d: searching the heap index%n", round, options.rounds());
            heapRounds.add(SearchRound.measure(index, queries, scorer, options.k(), options.efSearches(),
                    options.warmUp()));
            System.err.printf(Locale.ROOT, "round %d/%d: opening the file in a child JVM%n", round, options.rounds());
            childRounds.add(ChildRound.run(childCommand));
        }

        printBuildAndSave(options, buildSeconds, heapWithIndex, heapStatistics, saveSeconds, fileBytes, out);
        printOpenAndLoad(childRounds, heapRounds.getFirst(), fileBytes, out);
        printSearches(options, heapRounds, childRounds, out);
        printVerdict(childRounds, fileBytes, out);
    }

    // ---------------------------------------------------------------------------------------------
    // Report

    private static void printSetting(PersistenceOptions options, RunFiles files, List<String> childCommand,
                                     double generateSeconds, double truthSeconds, PrintStream out) {
        out.println("# HNSW persistence benchmark");
        out.println();
        List<String[]> facts = new ArrayList<>(RunEnvironment.describe());
        facts.add(new String[] {"child JVM", String.join(" ", childCommand.subList(0, childCommand.indexOf(CHILD)))
                + " " + CHILD + " ..."});
        facts.add(new String[] {"vectors", String.format(Locale.ROOT, "%,d base and %,d query vectors, %d-d, every "
                        + "component a standard Gaussian (SplittableRandom.nextGaussian, seed %d), generated in %.1f s",
                options.count(), options.queries(), options.dimension(), options.seed(), generateSeconds)});
        facts.add(new String[] {"ground truth", String.format(Locale.ROOT, "exact %d nearest by brute force, squared "
                + "L2 in double precision (%.1f s); recall@%d = share of the true %d nearest ids returned",
                options.k(), truthSeconds, options.k(), options.k())});
        facts.add(new String[] {"index", String.format(Locale.ROOT, "L2, M=%d, efConstruction=%d, level seed %d, built "
                        + "with %d thread(s), other settings default", options.m(), options.efConstruction(),
                options.seed(), options.threads())});
        facts.add(new String[] {"file", files.index() + (options.keep() ? " (kept)" : " (deleted at the end)")});
        for (String[] fact : facts) {
            out.printf(Locale.ROOT, "- %-13s %s%n", fact[0] + ":", fact[1]);
        }
        out.println();
    }

    private static void printBuildAndSave(PersistenceOptions options, double buildSeconds, long heapWithIndex,
                                          IndexStatistics statistics, double saveSeconds, long fileBytes,
                                          PrintStream out) {
        out.printf(Locale.ROOT, "## Build and save, in this JVM%n%n");
        MarkdownTable table = new MarkdownTable("figure", "value");
        table.row("build, " + options.threads() + " thread(s)", String.format(Locale.ROOT, "%.1f s (%,.0f vectors/s)",
                buildSeconds, options.count() / buildSeconds));
        table.row("heap index, statistics()", bytesBreakdown(statistics));
        table.row("used heap with the index, after GC", mebibytes(heapWithIndex) + " (queries and ground truth "
                + "included)");
        table.row("save", String.format(Locale.ROOT, "%.2f s (%.0f MiB/s)", saveSeconds,
                fileBytes / MIB / saveSeconds));
        table.row("file size", String.format(Locale.ROOT, "%,d bytes (%s)", fileBytes, mebibytes(fileBytes)));
        out.println(table.render());
    }

    private static void printOpenAndLoad(List<ChildRound> rounds, SearchRound heap, long fileBytes, PrintStream out) {
        out.printf(Locale.ROOT, "## Open and load, each round in a fresh child JVM%n%n");
        List<String> headers = new ArrayList<>(List.of("figure"));
        for (int r = 1; r <= rounds.size(); r++) {
            headers.add("round " + r);
        }
        MarkdownTable table = new MarkdownTable(headers.toArray(String[]::new));
        row(table, "open (HnswIndex.open)", rounds, c -> String.format(Locale.ROOT, "%.3f s", c.openSeconds));
        row(table, "used heap before open, after GC", rounds, c -> mebibytes(c.heapBeforeOpen));
        row(table, "used heap after open, after GC", rounds, c -> mebibytes(c.heapAfterOpen));
        row(table, "  ÷ file size", rounds, c -> percent((double) c.heapAfterOpen / fileBytes));
        row(table, "  growth by open", rounds, c -> mebibytes(c.heapAfterOpen - c.heapBeforeOpen));
        row(table, "used heap after the searches, after GC", rounds, c -> mebibytes(c.heapAfterSearches));
        row(table, "RSS before / after open", rounds, c -> c.rssBeforeOpen + " → " + c.rssAfterOpen);
        row(table, "mapped index, statistics()", rounds, c -> c.mappedStatistics);
        row(table, "isReadOnly() of the mapped index", rounds, c -> c.readOnly);
        row(table, "load (HnswIndex.load), after closing the mapping", rounds,
                c -> String.format(Locale.ROOT, "%.2f s", c.loadSeconds));
        row(table, "used heap after load, after GC", rounds, c -> mebibytes(c.heapAfterLoad));
        row(table, "mapped: same hit ids as the heap index", rounds, c -> sameHits(c.mapped.digests, heap, 0));
        row(table, "mapped: same distances, bit for bit", rounds, c -> sameHits(c.mapped.digests, heap, 1));
        row(table, "loaded: same hit ids as the heap index", rounds, c -> sameHits(c.loadedDigests, heap, 0));
        row(table, "loaded: same distances, bit for bit", rounds, c -> sameHits(c.loadedDigests, heap, 1));
        out.println(table.render());
    }

    /** Which efSearch values gave other hits than the heap index's first round, by ids or by distance bits. */
    private static String sameHits(Map<Integer, long[]> digests, SearchRound heap, int which) {
        List<String> differing = new ArrayList<>();
        heap.digests.forEach((ef, expected) -> {
            long[] actual = digests.get(ef);
            if (actual == null || actual[which] != expected[which]) {
                differing.add(Integer.toString(ef));
            }
        });
        return differing.isEmpty() ? "yes, every efSearch" : "NO at efSearch " + String.join(", ", differing);
    }

    private static void printSearches(PersistenceOptions options, List<SearchRound> heapRounds,
                                      List<ChildRound> childRounds, PrintStream out) {
        int k = options.k();
        out.printf(Locale.ROOT, "## Search, k=%d, all %d queries one after another on one thread, wall clock; each "
                + "round starts with %d untimed pass(es) over every efSearch, and each efSearch gets one more right "
                + "before its timed pass; rounds in run order (heap, mapped, heap, mapped, ...)%n%n",
                k, options.queries(), options.warmUp());
        MarkdownTable runs = new MarkdownTable("round", "index", "efSearch", "recall@" + k, "QPS", "mean µs",
                "median µs", "p99 µs");
        for (int r = 0; r < heapRounds.size(); r++) {
            addRuns(runs, r + 1, "heap", heapRounds.get(r));
            addRuns(runs, r + 1, "mapped", childRounds.get(r).mapped);
        }
        out.println(runs.render());

        out.printf(Locale.ROOT, "## Mapped against heap, over %d round(s) each%n%n", heapRounds.size());
        MarkdownTable summary = new MarkdownTable("efSearch", "recall@" + k + " heap", "recall@" + k + " mapped",
                "QPS heap, per round", "QPS mapped, per round", "median QPS mapped ÷ heap");
        for (int ef : options.efSearches()) {
            List<SearchRun> heap = heapRounds.stream().map(round -> round.runs.get(ef)).toList();
            List<SearchRun> mapped = childRounds.stream().map(round -> round.mapped.runs.get(ef)).toList();
            double heapMedian = Spread.of(heap.stream().map(SearchRun::queriesPerSecond).toList()).median();
            double mappedMedian = Spread.of(mapped.stream().map(SearchRun::queriesPerSecond).toList()).median();
            summary.row(Integer.toString(ef), recalls(heap), recalls(mapped), qpsList(heap), qpsList(mapped),
                    String.format(Locale.ROOT, "%.2f", mappedMedian / heapMedian));
        }
        out.println(summary.render());
    }

    private static void addRuns(MarkdownTable table, int round, String index, SearchRound searches) {
        searches.runs.forEach((ef, run) -> table.row(Integer.toString(round), index, Integer.toString(ef),
                String.format(Locale.ROOT, "%.4f", run.recall()), String.format(Locale.ROOT, "%.0f",
                        run.queriesPerSecond()), micros(run.meanLatencyMicros()), micros(run.medianLatencyMicros()),
                micros(run.p99LatencyMicros())));
    }

    private static String recalls(List<SearchRun> runs) {
        return runs.stream().map(run -> String.format(Locale.ROOT, "%.4f", run.recall())).distinct()
                .collect(Collectors.joining(" / "));
    }

    private static String qpsList(List<SearchRun> runs) {
        return runs.stream().map(run -> String.format(Locale.ROOT, "%,.0f", run.queriesPerSecond()))
                .collect(Collectors.joining(" / "));
    }

    private static void printVerdict(List<ChildRound> rounds, long fileBytes, PrintStream out) {
        long worst = rounds.stream().mapToLong(c -> c.heapAfterOpen).max().orElseThrow();
        boolean pass = worst < HEAP_LIMIT_FRACTION * fileBytes;
        out.printf(Locale.ROOT, "%s: used heap after open, at most %s over %d round(s), is %s of the %s file "
                        + "(limit: under %s)%n", pass ? "PASS" : "FAIL", mebibytes(worst), rounds.size(),
                percent((double) worst / fileBytes), mebibytes(fileBytes), percent(HEAP_LIMIT_FRACTION));
    }

    private interface Cell {
        String of(ChildRound round);
    }

    private static void row(MarkdownTable table, String figure, List<ChildRound> rounds, Cell cell) {
        List<String> cells = new ArrayList<>(List.of(figure));
        for (ChildRound round : rounds) {
            cells.add(cell.of(round));
        }
        table.row(cells.toArray(String[]::new));
    }

    static String bytesBreakdown(IndexStatistics statistics) {
        return bytesBreakdown(statistics.vectorBytes(), statistics.linkBytes(), statistics.otherBytes(),
                statistics.totalBytes());
    }

    private static String bytesBreakdown(long vectors, long links, long other, long total) {
        return String.format(Locale.ROOT, "vectors %.1f + links %.1f + other %.1f = %.1f MiB", vectors / MIB,
                links / MIB, other / MIB, total / MIB);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    // ---------------------------------------------------------------------------------------------
    // Measuring

    /** One search run per efSearch on one index, with digests of each run's hits. */
    private static final class SearchRound {
        final Map<Integer, SearchRun> runs = new LinkedHashMap<>();
        /** Per efSearch, {@link #digest} of the ids and of the ids and distances of the timed pass. */
        final Map<Integer, long[]> digests = new LinkedHashMap<>();

        static SearchRound measure(HnswIndex index, float[][] queries, SearchRun.Scorer scorer, int k,
                                   List<Integer> efSearches, int warmUp) {
            for (int pass = 0; pass < warmUp; pass++) {
                for (int ef : efSearches) {
                    SearchRun.allHits(index, queries, k, ef);
                }
            }
            SearchRound round = new SearchRound();
            for (int ef : efSearches) {
                // One untimed pass right before: the rounds' own warm-up passes came first.
                round.runs.put(ef, SearchRun.measure(index, queries, scorer, k, ef, 0, 1,
                        hits -> round.digests.put(ef, digests(hits))));
            }
            return round;
        }
    }

    /** What one child JVM measured; the fields mirror its {@code result} lines. */
    private static final class ChildRound {
        double openSeconds;
        long heapBeforeOpen;
        long heapAfterOpen;
        long heapAfterSearches;
        String rssBeforeOpen = "?";
        String rssAfterOpen = "?";
        String mappedStatistics = "?";
        String readOnly = "?";
        double loadSeconds;
        long heapAfterLoad;
        final SearchRound mapped = new SearchRound();
        final Map<Integer, long[]> loadedDigests = new LinkedHashMap<>();

        static ChildRound run(List<String> command) throws IOException {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            ChildRound round = new ChildRound();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("result ")) {
                        round.read(line.substring("result ".length()).split("\t"));
                    } else {
                        System.err.println("child: " + line);
                    }
                }
            }
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the child JVM", e);
            }
            if (exit != 0) {
                throw new IOException("the child JVM failed with exit code " + exit + "; see above");
            }
            return round;
        }

        private void read(String[] words) {
            switch (words[0]) {
                case "open-seconds" -> openSeconds = Double.parseDouble(words[1]);
                case "heap-before-open" -> heapBeforeOpen = Long.parseLong(words[1]);
                case "heap-after-open" -> heapAfterOpen = Long.parseLong(words[1]);
                case "heap-after-searches" -> heapAfterSearches = Long.parseLong(words[1]);
                case "rss-before-open" -> rssBeforeOpen = words[1];
                case "rss-after-open" -> rssAfterOpen = words[1];
                case "mapped-statistics" -> mappedStatistics = words[1];
                case "read-only" -> readOnly = words[1];
                case "load-seconds" -> loadSeconds = Double.parseDouble(words[1]);
                case "heap-after-load" -> heapAfterLoad = Long.parseLong(words[1]);
                case "mapped-search" -> {
                    int ef = Integer.parseInt(words[1]);
                    mapped.runs.put(ef, new SearchRun(ef, Double.parseDouble(words[2]), Double.parseDouble(words[3]),
                            Double.parseDouble(words[4]), Double.parseDouble(words[5]), Double.parseDouble(words[6]),
                            List.of(Double.parseDouble(words[4]))));
                    mapped.digests.put(ef, new long[] {Long.parseLong(words[7]), Long.parseLong(words[8])});
                }
                case "loaded-hits" -> loadedDigests.put(Integer.parseInt(words[1]),
                        new long[] {Long.parseLong(words[2]), Long.parseLong(words[3])});
                default -> System.err.println("child: unknown result " + String.join(" ", words));
            }
        }
    }

    /**
     * This JVM's java binary and JVM options (with the Vector API module added if missing), its
     * class path, and the child's arguments.
     */
    private static List<String> childCommand(RunFiles files, PersistenceOptions options) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        boolean vectorModule = false;
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-D" + RunEnvironment.COMMAND_PROPERTY + "=")) {
                continue;
            }
            vectorModule |= argument.contains("jdk.incubator.vector");
            command.add(argument);
        }
        if (!vectorModule) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PersistenceBenchmark.class.getName());
        command.add(CHILD);
        command.add(files.index().toString());
        command.add(files.queries().toString());
        command.add(files.truth().toString());
        command.add(Integer.toString(options.k()));
        command.add(options.efSearches().stream().map(String::valueOf).collect(Collectors.joining(",")));
        command.add(Integer.toString(options.warmUp()));
        return command;
    }

    /** The child JVM: open, heap, mapped searches, close, load. */
    private static final class Child {

        static void run(String[] args) throws IOException {
            Path index = Path.of(args[1]);
            float[] queryRows = SyntheticData.readFloats(Path.of(args[2]));
            int[][] truth = SyntheticData.readRows(Path.of(args[3]));
            int k = Integer.parseInt(args[4]);
            List<Integer> efSearches = Arrays.stream(args[5].split(",")).map(Integer::valueOf).toList();
            int warmUp = Integer.parseInt(args[6]);
            float[][] queries = SyntheticData.split(queryRows, queryRows.length / truth.length);
            queryRows = null;
            SearchRun.Scorer scorer = recallScorer(truth, k);

            result("heap-before-open", usedHeapAfterGc());
            result("rss-before-open", rss());
            long start = System.nanoTime();
            HnswIndex mapped = HnswIndex.open(index);
            result("open-seconds", secondsSince(start));
            result("heap-after-open", usedHeapAfterGc());
            result("rss-after-open", rss());
            result("read-only", mapped.isReadOnly());
            System.err.println("child: searching the mapped index");
            SearchRound searches = SearchRound.measure(mapped, queries, scorer, k, efSearches, warmUp);
            searches.runs.forEach((ef, run) -> result("mapped-search", ef, run.recall(), run.queriesPerSecond(),
                    run.meanLatencyMicros(), run.medianLatencyMicros(), run.p99LatencyMicros(),
                    searches.digests.get(ef)[0], searches.digests.get(ef)[1]));
            result("heap-after-searches", usedHeapAfterGc());
            result("mapped-statistics", bytesBreakdown(mapped.statistics()));
            mapped.close();
            mapped = null;
            usedHeapAfterGc();

            System.err.println("child: loading the file onto the heap");
            start = System.nanoTime();
            HnswIndex loaded = HnswIndex.load(index);
            result("load-seconds", secondsSince(start));
            result("heap-after-load", usedHeapAfterGc());
            for (int pass = 0; pass < warmUp; pass++) {
                for (int ef : efSearches) {
                    SearchRun.allHits(loaded, queries, k, ef);
                }
            }
            for (int ef : efSearches) {
                long[] digests = digests(SearchRun.allHits(loaded, queries, k, ef));
                result("loaded-hits", ef, digests[0], digests[1]);
            }
        }

        private static void result(String name, Object... values) {
            StringBuilder line = new StringBuilder("result ").append(name);
            for (Object value : values) {
                line.append('\t').append(value);
            }
            System.out.println(line);
            System.out.flush();
        }

        /** VmRSS split into anonymous and file-backed pages, from /proc/self/status on Linux. */
        private static String rss() {
            try {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
                    }
                }
                return String.format(Locale.ROOT, "%s (anon %s, file %s)", kibToMib(fields.get("VmRSS")),
                        kibToMib(fields.get("RssAnon")), kibToMib(fields.get("RssFile")));
            } catch (IOException | RuntimeException e) {
                return "n/a";
            }
        }

        private static String kibToMib(String field) {
            long kib = Long.parseLong(field.replace("kB", "").trim());
            return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /** Ids "0", "1", ... made on demand, so the list itself holds no strings. */
    private static List<String> rowIds(int count) {
        return new AbstractList<>() {
            @Override
            public String get(int row) {
                return Integer.toString(row);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** Recall@k: the share of a query's true k nearest rows among its hits, whose ids are row numbers. */
    private static SearchRun.Scorer recallScorer(int[][] truth, int k) {
        return (query, hits) -> {
            int[] nearest = truth[query];
            int found = 0;
            for (SearchResult hit : hits) {
                int row = Integer.parseInt(hit.id());
                for (int i = 0; i < k; i++) {
                    if (nearest[i] == row) {
                        found++;
                        break;
                    }
                }
            }
            return (double) found / k;
        };
    }

    /**
     * Two digests of the hits in order: of the ids alone, and of the ids with their distances' bits.
     * Equal digests mean the same hits.
     */
    static long[] digests(List<List<SearchResult>> hits) {
        long ids = 1;
        long idsAndDistances = 1;
        for (List<SearchResult> queryHits : hits) {
            ids = 31 * ids + queryHits.size();
            idsAndDistances = 31 * idsAndDistances + queryHits.size();
            for (SearchResult hit : queryHits) {
                ids = 31 * ids + hit.id().hashCode();
                idsAndDistances = 31 * (31 * idsAndDistances + hit.id().hashCode())
                        + Float.floatToIntBits(hit.distance());
            }
        }
        return new long[] {ids, idsAndDistances};
    }

    /** Used heap after several full collections, so that only reachable objects are counted. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
