package io.hnswbench.datasets;

import io.hnswbench.engine.Metric;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded random vector sets, to see how the graph behaves on easy and hard data: the same
 * {@link Spec} always gives the same vectors. Queries are drawn from the same distribution as
 * the base set, independently of it.
 */
public final class SyntheticData {

    /** The shape of the distribution. */
    public enum Kind {
        /** Every component uniform in [-1, 1): no structure at all, the hardest case for a graph. */
        UNIFORM,
        /** Every component standard normal. */
        GAUSSIAN,
        /**
         * {@code clusters} centres uniform in [-1, 1)^d; each vector is a random centre plus normal
         * noise of standard deviation {@code spread} per component — like embeddings of topics.
         */
        CLUSTERS;

        /** The kind for a command-line word, ignoring case. */
        public static Kind parse(String word) {
            try {
                return valueOf(word.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown kind '" + word + "'; choose uniform, gaussian or clusters");
            }
        }
    }

    /**
     * @param clusters number of cluster centres (used by {@link Kind#CLUSTERS} only)
     * @param spread   standard deviation of the noise around a centre (used by {@link Kind#CLUSTERS} only)
     */
    public record Spec(Kind kind, int baseCount, int queryCount, int dimension, int clusters, double spread,
                       long seed, Metric metric) {

        public Spec {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(metric, "metric");
            // At least one query: a dataset folder cannot hold an empty query.fvecs (it would have no dimension).
            if (baseCount <= 0 || queryCount <= 0 || dimension <= 0) {
                throw new IllegalArgumentException("need count > 0, queries > 0 and dimension > 0, got count "
                        + baseCount + ", queries " + queryCount + ", dimension " + dimension);
            }
            if (kind == Kind.CLUSTERS && (clusters <= 0 || !(spread > 0) || !Double.isFinite(spread))) {
                throw new IllegalArgumentException("clusters need a positive count and spread, got " + clusters
                        + " clusters with spread " + spread);
            }
            VectorMatrix.checkedSize(baseCount, dimension);
        }

        /** One line for {@code meta.json}'s source field. */
        String description() {
            String shape = switch (kind) {
                case UNIFORM -> "uniform in [-1, 1)";
                case GAUSSIAN -> "standard normal";
                case CLUSTERS -> clusters + " Gaussian clusters, spread " + spread + ", centres uniform in [-1, 1)";
            };
            return "synthetic: " + baseCount + " base and " + queryCount + " query vectors, " + dimension + "-d, "
                    + shape + ", seed " + seed;
        }
    }

    private SyntheticData() {
    }

    /** The base and query vectors of {@code spec}, in that order. */
    public static VectorMatrix[] generate(Spec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        float[] centres = null;
        if (spec.kind() == Kind.CLUSTERS) {
            centres = new float[VectorMatrix.checkedSize(spec.clusters(), spec.dimension())];
            for (int i = 0; i < centres.length; i++) {
                centres[i] = (float) random.nextDouble(-1, 1);
            }
        }
        // Split streams so that the queries do not depend on how many base vectors were drawn.
        SplittableRandom queryRandom = random.split();
        VectorMatrix base = draw(spec, centres, random, spec.baseCount());
        VectorMatrix queries = draw(spec, centres, queryRandom, spec.queryCount());
        return new VectorMatrix[] {base, queries};
    }

    private static VectorMatrix draw(Spec spec, float[] centres, SplittableRandom random, int count) {
        int dimension = spec.dimension();
        float[] data = new float[VectorMatrix.checkedSize(count, dimension)];
        for (int row = 0; row < count; row++) {
            int offset = row * dimension;
            switch (spec.kind()) {
                case UNIFORM -> {
                    for (int i = 0; i < dimension; i++) {
                        data[offset + i] = (float) random.nextDouble(-1, 1);
                    }
                }
                case GAUSSIAN -> {
                    for (int i = 0; i < dimension; i++) {
                        data[offset + i] = (float) random.nextGaussian();
                    }
                }
                case CLUSTERS -> {
                    int centre = random.nextInt(spec.clusters()) * dimension;
                    for (int i = 0; i < dimension; i++) {
                        data[offset + i] = (float) (centres[centre + i] + spec.spread() * random.nextGaussian());
                    }
                }
            }
        }
        return VectorMatrix.wrap(data, count, dimension);
    }
}
