package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs in a JVM with {@code jdk.incubator.vector} but {@code -XX:-UseFMA} (a separate surefire
 * execution, see engine/pom.xml), as on a CPU without fused multiply-add: the Vector API would
 * compute each lane's fma in software there, so the engine must pick the scalar kernels.
 */
@Tag("no-fma")
class NoFmaFallbackTest {

    @Test
    void scalarKernelsRunWhenTheJitHasNoFusedMultiplyAdd() {
        assertTrue(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent(),
                "this test must run in a JVM with the vector module");
        assertFalse(Kernels.jitUsesFusedMultiplyAdd(), "this test must run with -XX:-UseFMA");
        assertFalse(Kernels.simdActive());
        assertEquals("scalar", HnswIndex.kernelDescription());
    }

    /** The timeout is a hang guard, not a speed test: on the emulated fma this ran for hours. */
    @Test
    @Timeout(120)
    void indexBuildsAndSearchesWithoutTheEmulatedFma() {
        List<float[]> vectors = TestVectors.uniform(11, 2000, 128);
        HnswIndex index = HnswIndex.builder(128).metric(Metric.COSINE).build();
        index.addAll(TestVectors.ids(2000), vectors, 2);
        TestVectors.assertEachFindsItself(index, vectors, 100);
    }
}
