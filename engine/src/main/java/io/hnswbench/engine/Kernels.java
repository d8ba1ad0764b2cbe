package io.hnswbench.engine;

/**
 * Chooses the distance kernels once per JVM: SIMD when {@code jdk.incubator.vector} is in the boot
 * layer, plain Java otherwise, and says which in one log line.
 *
 * <p>{@link #INSTANCE} is a {@code static final} field so the JIT sees a single implementation at
 * every call site and inlines the kernel into the search loop.
 */
final class Kernels {

    static final String VECTOR_MODULE = "jdk.incubator.vector";

    static final VectorKernels INSTANCE = select();

    private Kernels() {
    }

    /** True when the SIMD kernels are active. */
    static boolean simdActive() {
        return !(INSTANCE instanceof ScalarKernels);
    }

    private static VectorKernels select() {
        System.Logger log = System.getLogger("io.hnswbench.engine");
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            log.log(System.Logger.Level.INFO, "HNSW distance kernels: scalar fallback; start the JVM with "
                    + "--add-modules " + VECTOR_MODULE + " for the SIMD kernels");
            return new ScalarKernels();
        }
        try {
            VectorKernels simd = new PanamaKernels();
            log.log(System.Logger.Level.INFO, "HNSW distance kernels: " + simd.description());
            return simd;
        } catch (LinkageError | RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "HNSW distance kernels: scalar fallback, the Vector API "
                    + "could not be initialised: " + e);
            return new ScalarKernels();
        }
    }
}
