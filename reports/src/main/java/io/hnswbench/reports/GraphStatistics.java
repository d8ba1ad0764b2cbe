package io.hnswbench.reports;

import io.hnswbench.engine.IndexStatistics;
import java.util.List;

/**
 * The graph of one built index, as results.json keeps it: a plain copy of the engine's
 * {@link IndexStatistics} without engine types.
 *
 * @param size            live vectors
 * @param deletedCount    removed vectors still in the graph
 * @param m               links per node on upper levels (level 0: 2·m)
 * @param entryPointLevel top level of the entry point
 * @param levels          level 0 first
 */
public record GraphStatistics(int size, int deletedCount, int m, int entryPointLevel, List<Level> levels,
                              long vectorBytes, long linkBytes, long otherBytes) {

    public GraphStatistics {
        levels = List.copyOf(levels);
    }

    /**
     * @param degreeHistogram {@code degreeHistogram[d]} nodes have exactly d out-links
     * @param unreachableNodes live nodes of the level no path from the entry point reaches
     */
    public record Level(int level, int nodes, long edges, int minDegree, double meanDegree, int maxDegree,
                        int[] degreeHistogram, int unreachableNodes) {
    }

    /** A copy of the engine's statistics. */
    public static GraphStatistics of(IndexStatistics statistics) {
        List<Level> levels = statistics.levels().stream()
                .map(level -> new Level(level.level(), level.nodes(), level.edges(), level.minDegree(),
                        level.meanDegree(), level.maxDegree(), level.degreeHistogram(), level.unreachableNodes()))
                .toList();
        return new GraphStatistics(statistics.size(), statistics.deletedCount(), statistics.m(),
                statistics.entryPointLevel(), levels, statistics.vectorBytes(), statistics.linkBytes(),
                statistics.otherBytes());
    }

    /** The level normalisation factor mL = 1/ln(M) the graph draws node levels with. */
    public double levelFactor() {
        return 1 / Math.log(m);
    }

    /** Nodes expected on {@code level} for {@code size} nodes: size · exp(−level/mL). */
    public double expectedNodes(int level) {
        return (size + deletedCount) * Math.exp(-level / levelFactor());
    }
}
