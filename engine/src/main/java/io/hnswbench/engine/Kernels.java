package io.hnswbench.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Chooses the distance kernels once per JVM: SIMD when {@code jdk.incubator.vector} is in the boot
 * layer and the JIT has fused multiply-add instructions, plain Java otherwise, and says which in
 * one log line.
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

    /**
     * Whether HotSpot compiles fused multiply-adds to instructions ({@code -XX:+UseFMA}, on by
     * default where the CPU has them). Without them the SIMD kernels' {@code fma} runs
     * {@code Math.fma} lane by lane, which computes exactly in {@code BigDecimal}: thousands of
     * times slower than the scalar kernels (a test run with {@code -XX:UseAVX=0} did not finish in
     * 15 minutes). A JVM that does not say (not HotSpot, or no {@code jdk.management}) is assumed
     * to have them.
     */
    static boolean jitUsesFusedMultiplyAdd() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null || Boolean.parseBoolean(hotSpot.getVMOption("UseFMA").getValue());
        } catch (IllegalArgumentException | LinkageError e) {
            return true;
        }
    }

    private static VectorKernels select() {
        System.Logger log = System.getLogger("io.hnswbench.engine");
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            log.log(System.Logger.Level.INFO, "HNSW distance kernels: scalar fallback; start the JVM with "
                    + "--add-modules " + VECTOR_MODULE + " for the SIMD kernels");
            return new ScalarKernels();
        }
        if (!jitUsesFusedMultiplyAdd()) {
            log.log(System.Logger.Level.INFO, "HNSW distance kernels: scalar fallback; the JVM does not use "
                    + "fused multiply-add instructions (UseFMA is off: a CPU without FMA, or -XX:-UseFMA), and "
                    + "the Vector API would compute every lane through Math.fma's exact software path");
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
