package io.hnswbench.reports.peers;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.Metric;
import io.hnswbench.reports.sweep.BatchSearchable;
import io.hnswbench.reports.sweep.EngineIndex;
import io.hnswbench.reports.sweep.SweepEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The C++ <a href="https://github.com/nmslib/hnswlib">hnswlib</a> as a sweep engine named
 * {@code hnswlib}, through Debian's {@code python3-hnswlib} (0.6.2) run by {@code /usr/bin/python3}
 * in a worker process ({@code hnswlib_worker.py}, one per built index).
 *
 * <p>A build writes the base vectors to a temporary float32 file and has hnswlib insert them with
 * {@code init_index(max_elements=n, M=m, ef_construction, random_seed=seed)} and
 * {@code add_items(num_threads=threads)}; the build's wall clock therefore also holds starting Python
 * (about 0.2 s) and writing that file. The index searches one query per pipe round trip, which is
 * correct but slow, and implements {@link BatchSearchable} so a sweep can time a whole query pass
 * inside Python, where each {@code knn_query} is measured alone.
 *
 * <p>Metrics map to hnswlib's spaces with the same distances: COSINE to {@code cosine}
 * (1 − cos), L2 to {@code l2} (squared), INNER_PRODUCT to {@code ip} (1 − a·b). Unlike this
 * project's engine, hnswlib does not reject a zero vector under cosine.
 */
public final class HnswlibEngine implements SweepEngine {

    public static final String NAME = "hnswlib";
    /** Debian's interpreter, which {@code apt-get install python3-hnswlib} installs the module for. */
    public static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");
    /** How long the worker may stay silent before it is taken for hung and killed. */
    static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMinutes(10);
    /** The start of every message that says why hnswlib cannot run here. */
    static final String SKIPPED = "hnswlib skipped: ";

    private final Path python;
    private final Duration replyTimeout;
    /** What the last started worker said of its versions; null before the first build. */
    private volatile String versions;

    /** hnswlib run by {@link #DEFAULT_PYTHON}. */
    public HnswlibEngine() {
        this(DEFAULT_PYTHON, DEFAULT_REPLY_TIMEOUT);
    }

    HnswlibEngine(Path python, Duration replyTimeout) {
        this.python = Objects.requireNonNull(python, "python");
        this.replyTimeout = Objects.requireNonNull(replyTimeout, "replyTimeout");
    }

    /**
     * Why hnswlib cannot run on this machine, e.g. {@code "hnswlib skipped: python3-hnswlib is not
     * installed (apt-get install python3-hnswlib)"}, or empty when it can. Starts the worker once
     * to find out (about 0.2 s).
     */
    public static Optional<String> availability() {
        return new HnswlibEngine().unavailableBecause();
    }

    @Override
    public Optional<String> unavailableBecause() {
        try {
            HnswlibWorker.start(python, replyTimeout).close();
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Its searches are timed inside the Python worker, one query after another. */
    @Override
    public int maxSearchThreads() {
        return 1;
    }

    /**
     * The versions the worker reported and how searches were timed, or null before a build.
     * Debian's python3-hnswlib 0.6.2 reports itself as 0.6.1 (upstream did not bump its metadata).
     */
    @Override
    public String environmentNote() {
        String reported = versions;
        return reported == null ? null : reported + " via " + python
                + "; latencies timed in Python around each single-query knn_query(num_threads=1); index bytes are "
                + "what malloc handed out during the build and kept (glibc mallinfo2), the size of save_index's file "
                + "where that cannot be measured";
    }

    /**
     * @throws IllegalStateException    with the reason of {@link #availability()} when hnswlib cannot
     *                                  run here, or with hnswlib's error when the build fails
     * @throws IllegalArgumentException if the base set is empty
     */
    @Override
    public EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress)
            throws InterruptedException {
        if (base.rows() == 0) {
            throw new IllegalArgumentException("the base set is empty: hnswlib needs at least one vector");
        }
        HnswlibWorker worker = HnswlibWorker.start(python, replyTimeout);
        versions = worker.versions();
        try {
            HnswlibWorker.Built built = worker.build(space(metric), base, settings, progress);
            return new HnswlibIndex(worker, base.dimension(), built.heapBytes());
        } catch (InterruptedException | RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    /** hnswlib's name of the space whose distances are this project's for {@code metric}. */
    static String space(Metric metric) {
        return switch (metric) {
            case COSINE -> "cosine";
            case L2 -> "l2";
            case INNER_PRODUCT -> "ip";
        };
    }
}
