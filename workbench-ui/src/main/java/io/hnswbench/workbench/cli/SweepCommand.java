package io.hnswbench.workbench.cli;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.reports.ReportFolder;
import io.hnswbench.reports.ResultsFiles;
import io.hnswbench.reports.SweepParameters;
import io.hnswbench.reports.SweepResults;
import io.hnswbench.reports.peers.SweepEngines;
import io.hnswbench.reports.sweep.HnswEngine;
import io.hnswbench.reports.sweep.SweepEngine;
import io.hnswbench.reports.sweep.SweepListener;
import io.hnswbench.reports.sweep.SweepRunner;
import io.hnswbench.workbench.DatasetService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./workbench sweep --dataset DIR --out DIR}: build and measure a grid, then report. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"For each M x efConstruction build an index once, then for each efSearch run the whole query "
                + "set after a warm-up: recall@k (ties counted), QPS, latency percentiles, distance computations and "
                + "hops per query. Each efSearch is timed over at least 0.5 s (the query set repeated as needed).",
                "Writes OUT/results.json, results.csv, every chart as PNG and SVG, report.html and report.md. "
                        + "Ctrl-C stops it and still writes what finished."})
public class SweepCommand implements Callable<Integer> {

    static final int CANCELLED = 130;
    /** The option a multi-engine sweep gives each engine's child JVM. */
    static final String RESULTS_ONLY = "--results-only";
    private static final long WRITE_GRACE_SECONDS = 60;

    private final DatasetService datasets;

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR",
            description = "A dataset folder, or the name of one under the dataset roots (e.g. debian-packages-4k).")
    private String dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the results and report go.")
    private Path out;

    @Option(names = "--engine", defaultValue = HnswEngine.NAME, paramLabel = "LIST", split = ",",
            description = "Engines to measure one after another on the same grid, each in a JVM of its own: hnsw "
                    + "(this project's), lucene, jvector, hnswlib (needs Debian's python3-hnswlib), exact (brute force) "
                    + "(default: ${DEFAULT-VALUE}).")
    private List<String> engineNames;

    @Option(names = "--same-jvm", description = "Measure all engines in this JVM instead. Quicker to start, but an "
            + "engine's speed then depends on the engines that ran before it (shared JIT profiles and heap).")
    private boolean sameJvm;

    @Option(names = RESULTS_ONLY, hidden = true,
            description = "Write only OUT/results.json and no summary: how a multi-engine sweep runs each engine.")
    private boolean resultsOnly;

    @Option(names = "--m", defaultValue = "8,16,32", paramLabel = "LIST", converter = GridValues.class,
            description = "Values of M (default: ${DEFAULT-VALUE}).")
    private List<Integer> m;

    @Option(names = "--ef-construction", defaultValue = "100,200", paramLabel = "LIST", converter = GridValues.class,
            description = "Values of efConstruction (default: ${DEFAULT-VALUE}).")
    private List<Integer> efConstruction;

    @Option(names = "--ef-search", defaultValue = "10,20,40,80,160,320,512", paramLabel = "LIST",
            converter = GridValues.class, description = "Values of efSearch (default: ${DEFAULT-VALUE}).")
    private List<Integer> efSearch;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--build-threads", paramLabel = "N", description = "Threads per build (default: all cores).")
    private Integer buildThreads;

    @Option(names = "--search-threads", defaultValue = "1", paramLabel = "N",
            description = "Search threads; 1 measures latency, more measure throughput (default: ${DEFAULT-VALUE}).")
    private int searchThreads;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Index only the first N base vectors; ground truth is then computed for them (default: all).")
    private int limit;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "The index's level seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--warm-up", defaultValue = "1000", paramLabel = "N",
            description = "Untimed queries before each efSearch is measured (default: ${DEFAULT-VALUE}).")
    private int warmUp;

    public SweepCommand(DatasetService datasets) {
        this.datasets = datasets;
    }

    private SweepResults sweepHere(List<SweepEngine> engines, Dataset dataset, Path folder, SweepParameters parameters) {
        try (TerminalProgress progress = TerminalProgress.onStandardError(spec.commandLine().getErr())) {
            return new SweepRunner(engines).run(dataset, folder.toAbsolutePath().toString(), parameters,
                    new SweepListener() {
                        @Override
                        public void progress(String stage, long done, long total) {
                            progress.update(stage, done, total);
                        }
                    });
        }
    }

    /** Each engine in a child JVM (see {@link EngineForks}), after checking the parameters here. */
    private SweepResults sweepInForks(List<SweepEngine> engines, Dataset dataset, Path folder,
                                      SweepParameters parameters) throws IOException {
        new SweepRunner(engines).check(dataset, parameters);
        Path work = Files.createTempDirectory("hnswbench-sweep-");
        try {
            return new EngineForks(EngineForks.currentLauncher(), spec.commandLine().getErr())
                    .run(parameters, folder.toAbsolutePath().toString(), work);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        List<SweepEngine> engines = SweepEngines.named(engineNames);
        Path folder = datasets.resolve(dataset);
        Dataset loaded = Dataset.load(folder);
        SweepParameters parameters = new SweepParameters(engineNames, m, efConstruction, efSearch, k,
                buildThreads == null ? Runtime.getRuntime().availableProcessors() : buildThreads, searchThreads, limit,
                seed, warmUp);

        CountDownLatch finished = new CountDownLatch(1);
        Thread sweeping = Thread.currentThread();
        // Ctrl-C: stop the sweep at the next query and give it time to write what it measured.
        Thread onInterrupt = new Thread(() -> {
            sweeping.interrupt();
            try {
                finished.await(WRITE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "sweep-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            SweepResults results = engines.size() > 1 && !sameJvm
                    ? sweepInForks(engines, loaded, folder, parameters)
                    : sweepHere(engines, loaded, folder, parameters);
            boolean cancelled = results.cancelled() || Thread.interrupted();
            if (resultsOnly) {
                Files.createDirectories(out);
                ResultsFiles.writeJson(out.resolve(ResultsFiles.JSON), results);
                return cancelled ? CANCELLED : 0;
            }
            List<Path> written = ReportFolder.write(List.of(results), out);
            SweepSummary.print(spec.commandLine().getOut(), results);
            spec.commandLine().getOut().println("report: " + written.getFirst().toAbsolutePath());
            if (cancelled) {
                spec.commandLine().getErr().println("sweep: stopped early; the results and report hold what finished");
                return CANCELLED;
            }
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running: it is waiting for the latch released above.
            }
        }
    }
}
