package io.hnswbench.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.Metric;
import io.hnswbench.engine.SharedDataset;

/**
 * Build time with several thread counts, then recall@k, QPS and latency per efSearch, on a dataset
 * in the TEXMEX layout. Run it with {@code ./bench build --dataset DIR}; {@code --help} lists the
 * options. The report goes to stdout as Markdown, progress to stderr.
 */
public final class BuildSearchBenchmark {

    private static final String[] DATASET_FILES =
            {"base.fvecs", "query.fvecs", "groundtruth.ivecs", "groundtruth.distances.fvecs", "meta.json"};
    /** Untimed warm-up builds use this many vectors: enough for the JIT to compile the insert path. */
    private static final int WARM_UP_VECTORS = 2000;
    private static final Pattern METRIC = Pattern.compile("\"metric\"\\s*:\\s*\"([^\"]*)\"");

    private BuildSearchBenchmark() {
    }

    public static void main(String[] args) {
        if (BenchmarkOptions.asksForHelp(args)) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        try {
            run(BenchmarkOptions.parse(args), System.out);
        } catch (BenchmarkOptions.InvalidArguments e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: cannot read the dataset: " + e);
            System.exit(1);
        }
    }

    static void run(BenchmarkOptions options, PrintStream out) throws BenchmarkOptions.InvalidArguments, IOException {
        SharedDataset dataset = load(options.dataset());
        int baseCount = options.limit() == 0 ? dataset.base.length : options.limit();
        checkAgainstDataset(options, dataset, baseCount);
        GroundTruth truth = baseCount == dataset.base.length
                ? GroundTruth.shipped(dataset, options.k())
                : GroundTruth.bruteForce(dataset, baseCount, options.k());
        printSetting(options, dataset, baseCount, truth, out);

        List<String> ids = dataset.ids().subList(0, baseCount);
        List<float[]> vectors = Arrays.asList(dataset.base).subList(0, baseCount);
        BuildResults builds = buildInterleaved(options, dataset, ids, vectors);
        printBuilds(options, baseCount, builds, out);

        out.printf(Locale.ROOT, "## Search: index of the last build (%d build thread(s)), k=%d, all %d queries one "
                        + "after another on one thread, wall clock, after untimed passes for at least 2 s per efSearch, "
                        + "then %d timed pass(es): QPS and mean from the median pass, median and p99 over all of them%n%n",
                builds.lastThreads, options.k(), dataset.queries.length, options.passes());
        MarkdownTable table = new MarkdownTable("efSearch", "recall@" + options.k(), "QPS", "mean µs", "median µs",
                "p99 µs", "pass means µs, fastest–slowest");
        for (int efSearch : options.efSearches()) {
            System.err.printf(Locale.ROOT, "searching with efSearch=%d%n", efSearch);
            SearchRun run = SearchRun.measure(builds.lastIndex, dataset.queries, truth, options.k(), efSearch,
                    options.passes());
            List<Double> passMeans = run.passMeans();
            table.row(Integer.toString(efSearch), String.format(Locale.ROOT, "%.4f", run.recall()),
                    String.format(Locale.ROOT, "%.0f", run.queriesPerSecond()), micros(run.meanLatencyMicros()),
                    micros(run.medianLatencyMicros()), micros(run.p99LatencyMicros()),
                    micros(passMeans.getFirst()) + "–" + micros(passMeans.getLast()));
        }
        out.print(table.render());
    }

    private static void printSetting(BenchmarkOptions options, SharedDataset dataset, int baseCount, GroundTruth truth,
                                     PrintStream out) {
        out.println("# HNSW build and search benchmark");
        out.println();
        List<String[]> facts = new ArrayList<>(RunEnvironment.describe());
        facts.add(new String[] {"dataset", String.format(Locale.ROOT, "%s: %d of %d base vectors, %d-d, %s, %d queries",
                dataset.name, baseCount, dataset.base.length, dataset.dimension(),
                dataset.metric.name().toLowerCase(Locale.ROOT), dataset.queries.length)});
        facts.add(new String[] {"ground truth", truth.source()});
        facts.add(new String[] {"index", "M=" + options.m() + ", efConstruction=" + options.efConstruction()
                + ", other settings default"});
        for (String[] fact : facts) {
            out.printf(Locale.ROOT, "- %-13s %s%n", fact[0] + ":", fact[1]);
        }
        out.println();
    }

    private static void printBuilds(BenchmarkOptions options, int baseCount, BuildResults builds, PrintStream out) {
        out.printf(Locale.ROOT, "## Build: %d vectors, %d run(s) per thread count, interleaved %s, after an untimed "
                        + "warm-up build of %d vectors per thread count%n%n", baseCount, options.repeat(),
                interleavingOrder(options), Math.min(WARM_UP_VECTORS, baseCount));
        MarkdownTable table = new MarkdownTable("threads", "min s", "median s", "max s", "runs in order (s)");
        builds.secondsByThreads.forEach((threads, runSeconds) -> {
            Spread spread = Spread.of(runSeconds);
            table.row(Integer.toString(threads), seconds(spread.min()), seconds(spread.median()), seconds(spread.max()),
                    runSeconds.stream().map(BuildSearchBenchmark::seconds).collect(Collectors.joining(", ")));
        });
        out.println(table.render());
    }

    /** Build seconds per thread count, in run order, and the index of the last run. */
    private record BuildResults(Map<Integer, List<Double>> secondsByThreads, HnswIndex lastIndex, int lastThreads) {
    }

    /**
     * Builds {@code repeat} times per thread count, cycling through the thread counts (1,2,1,2,...)
     * so that a slow spell on the shared machine hits every thread count rather than one. Each
     * build is a fresh index.
     */
    private static BuildResults buildInterleaved(BenchmarkOptions options, SharedDataset dataset, List<String> ids,
                                                 List<float[]> vectors) {
        // The first build would otherwise also pay for JIT-compiling the insert path.
        int warmUpCount = Math.min(WARM_UP_VECTORS, ids.size());
        for (int threads : options.threadCounts()) {
            newIndex(options, dataset).addAll(ids.subList(0, warmUpCount), vectors.subList(0, warmUpCount), threads);
        }
        Map<Integer, List<Double>> secondsByThreads = new LinkedHashMap<>();
        HnswIndex index = null;
        int threads = 0;
        int runs = options.repeat() * options.threadCounts().size();
        for (int run = 0; run < runs; run++) {
            threads = options.threadCounts().get(run % options.threadCounts().size());
            // Drop the previous graph and collect it now, so the next build is not charged for it.
            index = null;
            System.gc();
            index = newIndex(options, dataset);
            long start = System.nanoTime();
            index.addAll(ids, vectors, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            secondsByThreads.computeIfAbsent(threads, t -> new ArrayList<>()).add(seconds);
            System.err.printf(Locale.ROOT, "build %d/%d with %d thread(s): %.2f s%n", run + 1, runs, threads, seconds);
        }
        return new BuildResults(secondsByThreads, index, threads);
    }

    private static HnswIndex newIndex(BenchmarkOptions options, SharedDataset dataset) {
        return HnswIndex.builder(dataset.dimension()).metric(dataset.metric)
                .m(options.m()).efConstruction(options.efConstruction()).build();
    }

    /** SharedDataset finds datasets by name under the folder in hnswbench.datasets, so point that at DIR's parent. */
    private static SharedDataset load(Path folder) throws BenchmarkOptions.InvalidArguments, IOException {
        if (!Files.isDirectory(folder)) {
            throw new BenchmarkOptions.InvalidArguments("--dataset: no such folder: " + folder);
        }
        for (String file : DATASET_FILES) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new BenchmarkOptions.InvalidArguments("--dataset: " + folder + " has no " + file);
            }
        }
        Path absolute = folder.toAbsolutePath().normalize();
        System.setProperty("hnswbench.datasets", absolute.getParent().toString());
        System.err.println("loading " + absolute);
        SharedDataset dataset = SharedDataset.load(absolute.getFileName().toString());
        checkMetric(folder, dataset);
        return dataset;
    }

    /** SharedDataset reads anything but an exact {@code "metric": "cosine"} as L2; refuse what it would misread. */
    private static void checkMetric(Path folder, SharedDataset dataset)
            throws BenchmarkOptions.InvalidArguments, IOException {
        Matcher metric = METRIC.matcher(Files.readString(folder.resolve("meta.json")));
        String declared = metric.find() ? metric.group(1) : "(none)";
        Metric expected = switch (declared) {
            case "cosine" -> Metric.COSINE;
            case "l2" -> Metric.L2;
            default -> throw new BenchmarkOptions.InvalidArguments(
                    "--dataset: meta.json metric must be \"cosine\" or \"l2\", got " + declared);
        };
        if (dataset.metric != expected) {
            throw new BenchmarkOptions.InvalidArguments("--dataset: write the metric in meta.json exactly as "
                    + "\"metric\": \"" + declared + "\" (one space after the colon)");
        }
    }

    private static void checkAgainstDataset(BenchmarkOptions options, SharedDataset dataset, int baseCount)
            throws BenchmarkOptions.InvalidArguments {
        if (baseCount > dataset.base.length) {
            throw new BenchmarkOptions.InvalidArguments("--limit " + options.limit() + " is more than the "
                    + dataset.base.length + " base vectors of " + dataset.name);
        }
        if (options.k() > baseCount) {
            throw new BenchmarkOptions.InvalidArguments("--k " + options.k() + " is more than the " + baseCount
                    + " base vectors used");
        }
        int shippedK = dataset.groundTruthDistances[0].length;
        if (baseCount == dataset.base.length && options.k() > shippedK) {
            throw new BenchmarkOptions.InvalidArguments("--k " + options.k() + " is more than the " + shippedK
                    + " neighbours in the shipped ground truth");
        }
        try {
            newIndex(options, dataset);
        } catch (IllegalArgumentException e) {
            throw new BenchmarkOptions.InvalidArguments(e.getMessage());
        }
    }

    private static String interleavingOrder(BenchmarkOptions options) {
        List<String> order = new ArrayList<>();
        for (int run = 0; run < options.repeat() * options.threadCounts().size(); run++) {
            order.add(Integer.toString(options.threadCounts().get(run % options.threadCounts().size())));
        }
        return String.join(",", order);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
