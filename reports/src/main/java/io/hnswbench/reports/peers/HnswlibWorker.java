package io.hnswbench.reports.peers;

import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.reports.sweep.BatchSearchable;
import io.hnswbench.reports.sweep.SweepEngine.BuildProgress;
import io.hnswbench.reports.sweep.SweepEngine.BuildSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Python process running {@code hnswlib_worker.py}, and the Java side of its protocol (the
 * script's docstring is the reference): ASCII header lines {@code VERB key=value ...}, each followed
 * by the {@code bytes=} of little-endian payload it declares. Base vectors travel in a temporary raw
 * float32 file whose path is sent; queries and results travel over the pipe.
 *
 * <p>One request is in flight at a time (the methods are synchronized). Every reply must begin
 * within the reply timeout; a build reports progress after each chunk, so the timeout bounds the
 * silence, not the whole build. A worker that times out, ends, or breaks the protocol is killed and
 * every later request fails with the reason. The last lines of the process's standard error are
 * kept, put into exception messages and logged when something goes wrong.
 */
final class HnswlibWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.hnswbench.reports.peers");
    private static final String SCRIPT = "hnswlib_worker.py";
    /** Exit status of the script when numpy or hnswlib cannot be imported. */
    private static final int UNAVAILABLE_STATUS = 3;
    private static final Duration QUIT_GRACE = Duration.ofSeconds(5);
    private static final int MAX_HEADER_BYTES = 4096;
    private static final int STDERR_TAIL_CHARS = 16_384;
    /** Floats per write of a payload or the base file: 1 MiB at a time, never one copy of everything. */
    private static final int FLOATS_PER_WRITE = 1 << 18;
    /** add_items calls per build, so progress arrives about every 1 %. */
    private static final int BUILD_CHUNKS = 100;
    private static final int MIN_BUILD_CHUNK = 1000;

    private final Process process;
    private final Path script;
    private final BufferedInputStream fromWorker;
    private final OutputStream toWorker;
    /** Reads replies, so that the caller can wait for one with a timeout and an interrupt. */
    private final ExecutorService replyReader;
    private final StandardErrorTail standardError;
    private final Duration replyTimeout;
    private String versions;
    /** Why the worker cannot serve any more, or null while it can. */
    private String stopped;

    private HnswlibWorker(Process process, Path script, Duration replyTimeout) {
        this.process = process;
        this.script = script;
        this.replyTimeout = replyTimeout;
        this.fromWorker = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.toWorker = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.standardError = new StandardErrorTail(process.getErrorStream());
        this.replyReader = Executors.newSingleThreadExecutor(runnable ->
                Thread.ofPlatform().name("hnswlib-reply-" + process.pid()).daemon().unstarted(runnable));
    }

    /**
     * Starts the script with {@code python} and waits for it to say it is ready.
     *
     * @throws IllegalStateException with a message starting "hnswlib skipped:" when Python, numpy or
     *                               hnswlib is missing, or the worker does not start
     */
    static HnswlibWorker start(Path python, Duration replyTimeout) {
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException(HnswlibEngine.SKIPPED + python + " is not installed (apt-get install "
                    + "python3 python3-hnswlib)");
        }
        Path script = extractScript();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-u", script.toString());
            // A PYTHONHOME meant for another interpreter (pyenv, a venv) stops this one from starting.
            builder.environment().remove("PYTHONHOME");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(script);
            throw new IllegalStateException(HnswlibEngine.SKIPPED + python + " could not be started (" + e.getMessage()
                    + "); install python3 and python3-hnswlib with apt-get", e);
        }
        HnswlibWorker starting = new HnswlibWorker(process, script, replyTimeout);
        try {
            Message hello = starting.next(false);
            if (hello.verb().equals("UNAVAILABLE")) {
                throw new IllegalStateException(HnswlibEngine.SKIPPED + missingPackage(hello.field("module")));
            }
            starting.expect(hello, "READY");
            starting.versions = "hnswlib " + hello.field("hnswlib") + " (Python binding) on Python "
                    + hello.field("python") + ", numpy " + hello.field("numpy");
            return starting;
        } catch (RuntimeException | InterruptedException e) {
            starting.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e.getMessage() != null && e.getMessage().startsWith(HnswlibEngine.SKIPPED)) {
                throw (RuntimeException) e;
            }
            throw new IllegalStateException(HnswlibEngine.SKIPPED + "the worker did not start: " + e.getMessage(), e);
        }
    }

    private static String missingPackage(String module) {
        return "numpy".equals(module)
                ? "python3-numpy is not installed (apt-get install python3-numpy python3-hnswlib)"
                : "python3-hnswlib is not installed (apt-get install python3-hnswlib)";
    }

    /** hnswlib, Python and numpy versions as the worker reported them, e.g. "hnswlib 0.6.1 (Python binding) on ...". */
    String versions() {
        return versions;
    }

    ProcessHandle processHandle() {
        return process.toHandle();
    }

    /**
     * Builds the index in the worker: writes the base vectors to a temporary file, has hnswlib
     * read and insert them in chunks (telling {@code progress} after each), and deletes the file.
     *
     * @return the index's size and heap, as the worker reported them
     */
    synchronized Built build(String space, VectorMatrix base, BuildSettings settings, BuildProgress progress)
            throws InterruptedException {
        checkRunning();
        Path vectors = null;
        try {
            vectors = Files.createTempFile("hnswlib-base-", ".f32");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(vectors), 1 << 16)) {
                writeFloats(base.data(), 0, base.data().length, file, true);
            } catch (ClosedByInterruptException e) {
                throw new InterruptedException("cancelled while writing the base vectors for hnswlib");
            }
            int chunk = Math.max(MIN_BUILD_CHUNK, (base.rows() + BUILD_CHUNKS - 1) / BUILD_CHUNKS);
            send("BUILD space=" + space + " dim=" + base.dimension() + " rows=" + base.rows() + " m=" + settings.m()
                            + " ef_construction=" + settings.efConstruction() + " threads=" + settings.threads()
                            + " seed=" + Long.toUnsignedString(settings.seed()) + " chunk=" + chunk,
                    vectors.toString().getBytes(StandardCharsets.UTF_8));
            while (true) {
                Message reply = next(true);
                if (!reply.verb().equals("PROGRESS")) {
                    expect(reply, "BUILT");
                    return new Built((int) reply.number("count"), reply.number("heap_bytes"));
                }
                progress.inserted(reply.number("done"), reply.number("total"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand the base vectors to hnswlib: " + e.getMessage(), e);
        } finally {
            if (vectors != null) {
                deleteQuietly(vectors);
            }
        }
    }

    /**
     * One query through the pipe. Not interruptible: a single search is short, and the caller
     * (a query pass) checks for interruption itself; the interrupt status is kept.
     */
    synchronized int search(float[] query, int k, int efSearch, int[] ids, float[] distances) {
        checkRunning();
        ByteBuffer payload = littleEndian(query.length * Float.BYTES);
        payload.asFloatBuffer().put(query);
        Message reply;
        try {
            send("SEARCH k=" + k + " ef=" + efSearch, payload.array());
            reply = next(false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
        expect(reply, "RESULT");
        int count = (int) reply.number("count");
        ByteBuffer results = ByteBuffer.wrap(reply.payload()).order(ByteOrder.LITTLE_ENDIAN);
        results.asIntBuffer().get(ids, 0, count);
        results.position(count * Integer.BYTES);
        results.asFloatBuffer().get(distances, 0, count);
        return count;
    }

    /** Hands the worker the query set that {@link #searchAll} searches. */
    synchronized void storeQueries(VectorMatrix queries) throws InterruptedException {
        checkRunning();
        long payloadBytes = (long) queries.data().length * Float.BYTES;
        try {
            toWorker.write(("QUERIES rows=" + queries.rows() + " bytes=" + payloadBytes + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            writeFloats(queries.data(), 0, queries.data().length, toWorker, false);
            toWorker.flush();
        } catch (IOException e) {
            throw stop("cannot send the queries: " + e.getMessage());
        }
        expect(next(true), "STORED");
    }

    /** Searches the stored queries in the worker, each timed there. */
    synchronized BatchSearchable.BatchResult searchAll(int k, int efSearch) throws InterruptedException {
        checkRunning();
        send("SEARCH_ALL k=" + k + " ef=" + efSearch, new byte[0]);
        Message reply = next(true);
        expect(reply, "RESULTS");
        int rows = (int) reply.number("rows");
        int found = (int) reply.number("k");
        ByteBuffer payload = ByteBuffer.wrap(reply.payload()).order(ByteOrder.LITTLE_ENDIAN);
        int[][] ids = new int[rows][k];
        float[][] distances = new float[rows][k];
        int[] counts = new int[rows];
        long[] latencies = new long[rows];
        for (int q = 0; q < rows; q++) {
            for (int i = 0; i < found; i++) {
                ids[q][i] = payload.getInt();
            }
            counts[q] = found;
        }
        for (int q = 0; q < rows; q++) {
            for (int i = 0; i < found; i++) {
                distances[q][i] = payload.getFloat();
            }
        }
        for (int q = 0; q < rows; q++) {
            latencies[q] = payload.getLong();
        }
        return new BatchSearchable.BatchResult(ids, distances, counts, latencies, reply.number("wall_nanos"));
    }

    /**
     * What a build left in the worker.
     *
     * @param count     vectors in the index
     * @param heapBytes bytes malloc handed out during the build and still holds (the index's memory,
     *                  as far as glibc's main arena shows it), or -1 when it could not be measured
     */
    record Built(int count, long heapBytes) {
    }

    /** The size of the file {@code save_index} writes, measured in a temporary folder of the worker. */
    synchronized long savedIndexBytes() {
        checkRunning();
        try {
            send("SAVED_SIZE", new byte[0]);
            Message reply = next(false);
            expect(reply, "SAVED_SIZE");
            return reply.number("file_bytes");
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** Asks the worker to quit, and kills it if it has not within a few seconds. */
    @Override
    public synchronized void close() {
        if (stopped == null && process.isAlive()) {
            try {
                toWorker.write("QUIT\n".getBytes(StandardCharsets.US_ASCII));
                toWorker.close();
            } catch (IOException ignored) {
                // Already gone: killed below if not.
            }
            try {
                if (!process.waitFor(QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.log(Level.WARNING, "hnswlib worker " + process.pid() + " did not quit within " + QUIT_GRACE
                            + "; killing it");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        stopped = stopped == null ? "the index was closed" : stopped;
        process.destroyForcibly();
        try {
            process.waitFor(QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        replyReader.shutdownNow();
        deleteQuietly(script);
    }

    private void checkRunning() {
        if (stopped != null) {
            throw new IllegalStateException("the hnswlib worker has stopped: " + stopped);
        }
    }

    private void send(String header, byte[] payload) {
        try {
            String line = payload.length == 0 ? header : header + " bytes=" + payload.length;
            toWorker.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            toWorker.write(payload);
            toWorker.flush();
        } catch (IOException e) {
            throw stop("cannot send a request: " + e.getMessage());
        }
    }

    /**
     * The next message from the worker, waiting at most the reply timeout.
     *
     * @param interruptible whether an interrupt ends the wait (killing the worker, whose reply would
     *                      otherwise arrive in the middle of the next request) or is kept for later
     */
    private Message next(boolean interruptible) throws InterruptedException {
        Future<Message> reply = replyReader.submit(this::readMessage);
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        boolean interruptedMeanwhile = false;
        try {
            while (true) {
                try {
                    return reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException interrupted) {
                    if (interruptible) {
                        stop("cancelled");
                        throw interrupted;
                    }
                    interruptedMeanwhile = true;
                } catch (TimeoutException timeout) {
                    throw stop("no reply within " + (replyTimeout.toMillis() < 10_000
                            ? replyTimeout.toMillis() + " ms" : replyTimeout.toSeconds() + " s"));
                } catch (ExecutionException failed) {
                    String cause = failed.getCause() instanceof EOFException
                            ? "the process ended" + exitStatus()
                            : "cannot read its reply: " + failed.getCause();
                    throw stop(cause);
                }
            }
        } finally {
            if (interruptedMeanwhile) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    ? " with status " + process.exitValue() : "";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * Checks that {@code message} is {@code verb}. An {@code ERROR} carries the worker's Python
     * traceback: its last line (the exception) leads the message, the whole of it follows; the
     * worker serves on. Anything else breaks the protocol and stops the worker.
     */
    private void expect(Message message, String verb) {
        if (message.verb().equals(verb)) {
            return;
        }
        if (message.verb().equals("ERROR")) {
            String traceback = new String(message.payload(), StandardCharsets.UTF_8).strip();
            String last = traceback.substring(traceback.lastIndexOf('\n') + 1);
            LOG.log(Level.WARNING, "hnswlib worker " + process.pid() + " failed:\n" + traceback
                    + standardError.describe(process));
            throw new IllegalStateException("hnswlib failed: " + last + "\n" + traceback);
        }
        throw stop("expected " + verb + ", got " + message.verb() + " " + message.fields());
    }

    /** Kills the worker for good and returns the exception to throw, naming the reason and its stderr. */
    private IllegalStateException stop(String reason) {
        if (stopped == null) {
            stopped = reason;
            process.destroyForcibly();
        }
        // A worker that has just ended may not be reaped yet; wait for it so its last stderr lines
        // (a traceback at start, say) are drained into the message.
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        String detail = standardError.describe(process);
        LOG.log(Level.WARNING, "hnswlib worker " + process.pid() + " stopped: " + reason + detail);
        return new IllegalStateException("the hnswlib worker stopped: " + reason + detail);
    }

    /** Runs on the reply reader thread. */
    private Message readMessage() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        for (int b = fromWorker.read(); b != '\n'; b = fromWorker.read()) {
            if (b < 0) {
                throw new EOFException("the worker's output ended");
            }
            if (header.size() == MAX_HEADER_BYTES) {
                throw new IOException("a header line longer than " + MAX_HEADER_BYTES + " bytes: not the protocol");
            }
            header.write(b);
        }
        String[] words = header.toString(StandardCharsets.US_ASCII).strip().split(" ");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals < 0) {
                throw new IOException("not a key=value field: '" + words[i] + "' in '" + header + "'");
            }
            fields.put(words[i].substring(0, equals), words[i].substring(equals + 1));
        }
        long length = fields.containsKey("bytes") ? Long.parseLong(fields.get("bytes")) : 0;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("a payload of " + length + " bytes does not fit one array");
        }
        byte[] payload = fromWorker.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("the worker's output ended inside a payload");
        }
        return new Message(words[0], fields, payload);
    }

    /**
     * Writes floats little-endian in blocks of {@link #FLOATS_PER_WRITE}.
     *
     * @param checkInterrupt stop with {@link ClosedByInterruptException} between blocks when the
     *                       thread is interrupted
     */
    private static void writeFloats(float[] data, int from, int length, OutputStream out, boolean checkInterrupt)
            throws IOException {
        ByteBuffer block = littleEndian(Math.min(length, FLOATS_PER_WRITE) * Float.BYTES);
        for (int start = from; start < from + length; start += FLOATS_PER_WRITE) {
            if (checkInterrupt && Thread.interrupted()) {
                throw new ClosedByInterruptException();
            }
            int count = Math.min(FLOATS_PER_WRITE, from + length - start);
            block.clear();
            block.asFloatBuffer().put(data, start, count);
            out.write(block.array(), 0, count * Float.BYTES);
        }
    }

    private static ByteBuffer littleEndian(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies the script out of the jar: Python cannot run it from a class path. */
    private static Path extractScript() {
        try (InputStream source = HnswlibWorker.class.getResourceAsStream(SCRIPT)) {
            if (source == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the class path next to "
                        + HnswlibWorker.class.getName());
            }
            Path script = Files.createTempFile("hnswlib_worker-", ".py");
            Files.write(script, source.readAllBytes());
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + SCRIPT + " to a temporary file: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** One protocol message. */
    private record Message(String verb, Map<String, String> fields, byte[] payload) {

        String field(String key) {
            return fields.get(key);
        }

        long number(String key) {
            String value = fields.get(key);
            if (value == null) {
                throw new IllegalStateException("hnswlib worker's " + verb + " has no " + key + ": " + fields);
            }
            return Long.parseLong(value);
        }
    }

    /**
     * Drains the process's standard error on a daemon thread (so a chatty worker never blocks on a
     * full pipe) and keeps its last {@link #STDERR_TAIL_CHARS} characters.
     */
    private static final class StandardErrorTail {

        private static final Duration STDERR_DRAIN_WAIT = Duration.ofSeconds(10);

        private final StringBuilder tail = new StringBuilder();
        private final Thread drain;

        StandardErrorTail(InputStream standardError) {
            drain = Thread.ofPlatform().name("hnswlib-stderr").daemon().start(() -> {
                byte[] buffer = new byte[4096];
                try (standardError) {
                    for (int read = standardError.read(buffer); read >= 0; read = standardError.read(buffer)) {
                        append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    }
                } catch (IOException closed) {
                    // The process is gone; what was read is kept.
                }
            });
        }

        private synchronized void append(String text) {
            tail.append(text);
            if (tail.length() > STDERR_TAIL_CHARS) {
                tail.delete(0, tail.length() - STDERR_TAIL_CHARS);
            }
        }

        /**
         * "" when nothing was written, else the kept text on lines of its own. Waits briefly for the
         * drain to reach the end when the process has ended, so a dying traceback is complete.
         */
        String describe(Process process) {
            if (!process.isAlive()) {
                try {
                    // Generous: on a loaded machine the drain thread may wait long for a core, and this
                    // only runs when the worker has failed.
                    drain.join(STDERR_DRAIN_WAIT);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            String text;
            synchronized (this) {
                text = tail.toString().strip();
            }
            return text.isEmpty() ? "" : "\nhnswlib worker stderr:\n" + text;
        }
    }
}
