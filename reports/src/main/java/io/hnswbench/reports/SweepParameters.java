package io.hnswbench.reports;

import java.util.List;

/**
 * A sweep's grid and settings: for each (M, efConstruction) one build, then every efSearch.
 *
 * @param engines        the engines measured, one after another on the same grid (e.g. {@code hnsw},
 *                       this project's)
 * @param m              values of M
 * @param efConstruction values of efConstruction
 * @param efSearch       values of efSearch, each run over the whole query set
 * @param k              neighbours asked per query; recall is recall@k
 * @param buildThreads   threads that build each index
 * @param searchThreads  threads that search; 1 measures latency, more measure throughput
 * @param limit          base vectors used (the first ones); 0 for all
 * @param seed           the index's level seed
 * @param warmUpQueries  untimed queries run before each efSearch is measured
 */
public record SweepParameters(List<String> engines, List<Integer> m, List<Integer> efConstruction, List<Integer> efSearch,
                              int k, int buildThreads, int searchThreads, int limit, long seed, int warmUpQueries) {

    public SweepParameters {
        engines = List.copyOf(engines);
        m = List.copyOf(m);
        efConstruction = List.copyOf(efConstruction);
        efSearch = List.copyOf(efSearch);
    }
}
