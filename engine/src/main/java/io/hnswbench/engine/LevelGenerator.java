package io.hnswbench.engine;

/**
 * Draws each node's top level from the exponential distribution of the HNSW paper,
 * {@code floor(-ln(U) * mL)}, capped at maxLevel. U is a hash of the seed and the node's ordinal,
 * not a shared random stream, so the levels are the same however many threads insert and in
 * whatever order they get to each node.
 */
final class LevelGenerator {

    private final long seed;
    private final double levelMultiplier;
    private final int maxLevel;

    LevelGenerator(IndexConfig config) {
        this.seed = config.seed();
        this.levelMultiplier = config.levelMultiplier();
        this.maxLevel = config.maxLevel();
    }

    int levelOf(int node) {
        long bits = mix(seed + 0x9E3779B97F4A7C15L * (node + 1L));
        // 53 random bits mapped into (0, 1]: never 0, so the logarithm stays finite.
        double uniform = ((bits >>> 11) + 1) * 0x1.0p-53;
        int level = (int) (-Math.log(uniform) * levelMultiplier);
        return Math.min(level, maxLevel);
    }

    /** SplitMix64's finaliser: a bijective mix with good avalanche. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
