package io.hnswbench.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.hnswbench.benchmarks.BenchmarkOptions.InvalidArguments;

/**
 * The command line of {@link PersistenceBenchmark}, checked: every number positive, every list
 * non-empty, k at most the vector count, the vectors fit in one Java array.
 *
 * @param count          base vectors to generate and index
 * @param dimension      components per vector
 * @param queries        query vectors, drawn from the same distribution as the base vectors
 * @param k              neighbours asked for and scored (recall@k)
 * @param m              links per node on the upper levels
 * @param efConstruction beam width while building
 * @param threads        build threads
 * @param efSearches     beam widths to search with
 * @param rounds         search rounds per index kind, each in a fresh child JVM for the mapping
 * @param warmUp         untimed passes over all queries and efSearch values before each round
 * @param seed           seed of the base vectors, the queries and the index's levels
 * @param file           where to save the index; {@code null} for a new temporary folder
 * @param keep           whether to leave the index and its side files on disk at the end
 */
record PersistenceOptions(int count, int dimension, int queries, int k, int m, int efConstruction, int threads,
                          List<Integer> efSearches, int rounds, int warmUp, long seed, Path file, boolean keep) {

    static final String USAGE = """
            usage: ./bench persist [options]

            Scale benchmark of index files. Generates seeded synthetic vectors (every component
            drawn from a standard Gaussian), builds an L2 index on the heap, saves it, and measures
            recall@k and single-thread search speed on the heap index; then, in a fresh child JVM
            (same java binary and JVM options) per round: times HnswIndex.open, reads the used heap
            after System.gc() (it must stay under 10 % of the file size), searches the mapped index
            the same way, closes it and times HnswIndex.load. Heap and mapped rounds alternate.
            Exact ground truth by brute force in double precision.

              --count N                base vectors                                (default 1000000)
              --dimension D            components per vector                       (default 128)
              --queries Q              query vectors                               (default 1000)
              --k N                    neighbours per query, scored as recall@k    (default 10)
              --m N                    links per node, 2*M on level 0              (default 16)
              --ef-construction N      beam width while building                   (default 200)
              --threads T              build threads                               (default 2)
              --ef-search LIST         beam widths to search with                  (default 16,32,64,128)
              --rounds N               search rounds on each of heap and mapping,
                                       alternating; one child JVM per round        (default 2)
              --warm-up N              untimed passes over all queries at every efSearch before
                                       each round, so that the child JVM's JIT has compiled the
                                       search; each efSearch then gets one more
                                       untimed pass right before its timed one     (default 2)
              --seed S                 seed of vectors, queries and index levels   (default 42)
              --file PATH              where to save the index (replaced if there); the queries
                                       and ground truth go beside it as PATH.queries and
                                       PATH.truth                    (default: a new temporary folder)
              --keep                   leave those files on disk (default: delete them at the end)
              --help                   this text""";

    static PersistenceOptions parse(String[] args) throws InvalidArguments {
        int count = 1_000_000;
        int dimension = 128;
        int queries = 1000;
        int k = 10;
        int m = 16;
        int efConstruction = 200;
        int threads = 2;
        List<Integer> efSearches = List.of(16, 32, 64, 128);
        int rounds = 2;
        int warmUp = 2;
        long seed = 42;
        Path file = null;
        boolean keep = false;
        for (CommandLineOption option : CommandLineOption.parse(args, Set.of("--keep"))) {
            String name = option.name();
            String value = option.value();
            switch (name) {
                case "--keep" -> keep = true;
                case "--count" -> count = BenchmarkOptions.positive(name, value);
                case "--dimension" -> dimension = BenchmarkOptions.positive(name, value);
                case "--queries" -> queries = BenchmarkOptions.positive(name, value);
                case "--k" -> k = BenchmarkOptions.positive(name, value);
                case "--m" -> m = BenchmarkOptions.positive(name, value);
                case "--ef-construction" -> efConstruction = BenchmarkOptions.positive(name, value);
                case "--threads" -> threads = BenchmarkOptions.positive(name, value);
                case "--ef-search" -> efSearches = BenchmarkOptions.positiveList(name, value);
                case "--rounds" -> rounds = BenchmarkOptions.positive(name, value);
                case "--warm-up" -> warmUp = BenchmarkOptions.positive(name, value);
                case "--seed" -> seed = seed(name, value);
                case "--file" -> file = Path.of(value);
                default -> throw new InvalidArguments("unknown option: " + name);
            }
        }
        if (k > count) {
            throw new InvalidArguments("--k " + k + " is more than the " + count + " vectors");
        }
        // The base vectors are generated into one row-major float[].
        if ((long) count * dimension > Integer.MAX_VALUE - 8) {
            throw new InvalidArguments("--count times --dimension must stay below 2^31 floats, got "
                    + (long) count * dimension);
        }
        return new PersistenceOptions(count, dimension, queries, k, m, efConstruction, threads, efSearches, rounds,
                warmUp, seed, file, keep);
    }

    private static long seed(String name, String value) throws InvalidArguments {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArguments(name + " needs a whole number, got '" + value + "'");
        }
    }
}
