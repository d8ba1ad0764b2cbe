package io.hnswbench.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of the index's graph and memory, taken by {@link HnswIndex#statistics()}. Taken while
 * other threads write, it is consistent per node but not across nodes.
 *
 * @param size                 live vectors (what {@link HnswIndex#size()} returns)
 * @param deletedCount         removed or replaced vectors still held in the graph until
 *                             {@link HnswIndex#rebuild()}
 * @param dimension            vector dimension
 * @param metric               distance metric
 * @param m                    links per node on the upper levels; level 0 allows {@code 2 * m}
 * @param efConstruction       beam width used while inserting
 * @param efSearch             default beam width of searches
 * @param entryPointId         id of the node searches start from, {@code null} when empty
 * @param entryPointLevel      top level of the entry point, -1 when empty
 * @param levels               one entry per level, level 0 first
 * @param vectorBytes          bytes allocated for vectors
 * @param linkBytes            bytes allocated for neighbour links on all levels
 * @param otherBytes           bytes for ids, per-node levels and flags and the id table (estimated)
 * @param distanceComputations distance computations made by inserts and searches since the index
 *                             was built or last cleared or rebuilt
 */
public record IndexStatistics(
        int size,
        int deletedCount,
        int dimension,
        Metric metric,
        int m,
        int efConstruction,
        int efSearch,
        String entryPointId,
        int entryPointLevel,
        List<LevelStatistics> levels,
        long vectorBytes,
        long linkBytes,
        long otherBytes,
        long distanceComputations) {

    public IndexStatistics {
        levels = List.copyOf(levels);
    }

    /** Number of levels in the graph (0 for an empty index). */
    public int levelCount() {
        return levels.size();
    }

    /** All bytes the index holds: vectors, links and the rest. */
    public long totalBytes() {
        return vectorBytes + linkBytes + otherBytes;
    }

    /**
     * The graph on one level.
     *
     * @param level            0 is the bottom level that holds every node
     * @param nodes            nodes present on this level (deleted ones included: they still route)
     * @param edges            directed links on this level
     * @param minDegree        fewest out-links of a node on this level
     * @param meanDegree       mean out-links
     * @param maxDegree        most out-links
     * @param degreeHistogram  {@code degreeHistogram[d]} nodes have exactly {@code d} out-links
     * @param unreachableNodes live nodes of this level that no path on this level reaches from the
     *                         entry point (a search can then never return them)
     */
    public record LevelStatistics(
            int level,
            int nodes,
            long edges,
            int minDegree,
            double meanDegree,
            int maxDegree,
            int[] degreeHistogram,
            int unreachableNodes) {

        public LevelStatistics {
            degreeHistogram = degreeHistogram.clone();
        }

        /** A copy of the histogram: index = out-degree, value = nodes with that degree. */
        @Override
        public int[] degreeHistogram() {
            return degreeHistogram.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LevelStatistics that
                    && level == that.level && nodes == that.nodes && edges == that.edges
                    && minDegree == that.minDegree && Double.compare(meanDegree, that.meanDegree) == 0
                    && maxDegree == that.maxDegree && unreachableNodes == that.unreachableNodes
                    && Arrays.equals(degreeHistogram, that.degreeHistogram);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hash(level, nodes, edges, minDegree, meanDegree, maxDegree, unreachableNodes)
                    + Arrays.hashCode(degreeHistogram);
        }

        @Override
        public String toString() {
            return "LevelStatistics[level=" + level + ", nodes=" + nodes + ", edges=" + edges
                    + ", degree min/mean/max=" + minDegree + "/" + String.format("%.2f", meanDegree) + "/" + maxDegree
                    + ", unreachable=" + unreachableNodes + ", degreeHistogram=" + Arrays.toString(degreeHistogram) + "]";
        }
    }
}
