package io.hnswbench.engine;

/**
 * The distance of one {@link Metric} over the active {@link Kernels}. Cosine is stored normalised,
 * so it shares the inner-product formula; one final class (not one per metric) keeps the call site
 * in the search loop monomorphic whatever metrics the JVM's indexes use.
 */
final class DistanceFunction {

    private static final VectorKernels KERNELS = Kernels.INSTANCE;

    private final boolean squaredEuclidean;

    DistanceFunction(Metric metric) {
        this.squaredEuclidean = metric == Metric.L2;
    }

    float distance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return squaredEuclidean
                ? KERNELS.squaredDistance(a, aOffset, b, bOffset, length)
                : 1f - KERNELS.dot(a, aOffset, b, bOffset, length);
    }
}
