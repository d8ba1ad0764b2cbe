package io.hnswbench.engine;

/**
 * The parameters an index is built with, validated once. Immutable, so a rebuilt or cleared
 * index keeps exactly the settings it was created with.
 */
record IndexConfig(int dimension, Metric metric, int m, int efConstruction, int efSearch, int maxLevel, long seed) {

    /** The most levels a node can have; more would only waste memory on absurd inputs. */
    static final int LEVEL_LIMIT = 64;
    /**
     * A page holds PAGE_SIZE slots of about {@code dimension / 2 + 1 + 2M} ints (packed upper halves,
     * then the level-0 row) and PAGE_SIZE × {@code dimension} shorts (lower halves); both lengths
     * must fit an int. 2M is at most 1,024 (M ≤ 512).
     */
    static final int MAX_DIMENSION = Integer.MAX_VALUE / NodeStore.PAGE_SIZE - 1_100;

    IndexConfig {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be at most " + MAX_DIMENSION + ", got " + dimension);
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric is null; choose COSINE, L2 or INNER_PRODUCT");
        }
        if (m < 2) {
            throw new IllegalArgumentException("M must be at least 2, got " + m);
        }
        if (m > 512) {
            throw new IllegalArgumentException("M must be at most 512, got " + m + "; typical values are 8 to 64");
        }
        if (efConstruction <= 0) {
            throw new IllegalArgumentException("efConstruction must be positive, got " + efConstruction);
        }
        if (efSearch <= 0) {
            throw new IllegalArgumentException("efSearch must be positive, got " + efSearch);
        }
        if (maxLevel < 0 || maxLevel >= LEVEL_LIMIT) {
            throw new IllegalArgumentException("maxLevel must be between 0 and " + (LEVEL_LIMIT - 1) + ", got " + maxLevel);
        }
    }

    /** Links a node may keep on level 0, where every node lives: twice M, as in the HNSW paper. */
    int maxConnectionsLevel0() {
        return 2 * m;
    }

    /** The level normalisation factor mL = 1/ln(M) of the HNSW paper. */
    double levelMultiplier() {
        return 1.0 / Math.log(m);
    }
}
