package io.hnswbench.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link BuildSearchBenchmark}, checked: every number positive, every list
 * non-empty. Checks that need the dataset (the limit, k against the shipped ground truth) happen
 * once it is loaded.
 *
 * @param dataset        folder in the TEXMEX layout
 * @param threadCounts   thread counts to build with, in the order the repeats cycle through them
 * @param m              links per node on the upper levels
 * @param efConstruction beam width while building
 * @param repeat         builds per thread count
 * @param efSearches     beam widths to search with
 * @param limit          base vectors to use from the start of base.fvecs; 0 for all
 * @param k              neighbours asked for and scored (recall@k)
 * @param passes         timed passes over the query set per efSearch
 */
record BenchmarkOptions(Path dataset, List<Integer> threadCounts, int m, int efConstruction, int repeat,
                        List<Integer> efSearches, int limit, int k, int passes) {

    static final String USAGE = """
            usage: ./bench build --dataset DIR [options]

            Builds an HNSW index over DIR/base.fvecs, times the builds, then measures recall@k and
            single-thread search speed over DIR/query.fvecs. DIR holds base.fvecs, query.fvecs,
            groundtruth.ivecs, groundtruth.distances.fvecs and meta.json ("metric": "cosine" or "l2").

              --dataset DIR            the dataset folder (required)
              --threads LIST           build thread counts, comma-separated       (default 1,2)
              --m N                    links per node, 2*M on level 0             (default 16)
              --ef-construction N      beam width while building                  (default 200)
              --repeat N               builds per thread count, interleaved       (default 3)
              --ef-search LIST         beam widths to search with
                                       (default 16,32,48,64,96,128,192,256,384,512)
              --k N                    neighbours per query, scored as recall@k   (default 10)
              --passes N               timed passes over the queries per efSearch; QPS and
                                       mean from the median pass                  (default 5)
              --limit N                use only the first N base vectors; exact ground truth is
                                       then recomputed by brute force             (default: all)
              --help                   this text""";

    /** Thrown for a command line that cannot run; its message says what is wrong. */
    static final class InvalidArguments extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidArguments(String message) {
            super(message);
        }
    }

    static boolean asksForHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    static BenchmarkOptions parse(String[] args) throws InvalidArguments {
        Path dataset = null;
        List<Integer> threadCounts = List.of(1, 2);
        int m = 16;
        int efConstruction = 200;
        int repeat = 3;
        List<Integer> efSearches = List.of(16, 32, 48, 64, 96, 128, 192, 256, 384, 512);
        int limit = 0;
        int k = 10;
        int passes = 5;
        for (CommandLineOption option : CommandLineOption.parse(args, Set.of())) {
            String name = option.name();
            String value = option.value();
            switch (name) {
                case "--dataset" -> dataset = Path.of(value);
                case "--threads" -> threadCounts = positiveList(name, value);
                case "--m" -> m = positive(name, value);
                case "--ef-construction" -> efConstruction = positive(name, value);
                case "--repeat" -> repeat = positive(name, value);
                case "--ef-search" -> efSearches = positiveList(name, value);
                case "--limit" -> limit = positive(name, value);
                case "--k" -> k = positive(name, value);
                case "--passes" -> passes = positive(name, value);
                default -> throw new InvalidArguments("unknown option: " + name);
            }
        }
        if (dataset == null) {
            throw new InvalidArguments("--dataset DIR is required");
        }
        return new BenchmarkOptions(dataset, threadCounts, m, efConstruction, repeat, efSearches, limit, k, passes);
    }

    static int positive(String name, String value) throws InvalidArguments {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArguments(name + " needs a whole number, got '" + value + "'");
        }
        if (number < 1) {
            throw new InvalidArguments(name + " must be at least 1, got " + number);
        }
        return number;
    }

    static List<Integer> positiveList(String name, String value) throws InvalidArguments {
        List<Integer> numbers = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            numbers.add(positive(name, item));
        }
        return List.copyOf(numbers);
    }
}
