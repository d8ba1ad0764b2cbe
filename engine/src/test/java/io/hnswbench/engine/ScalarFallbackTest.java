package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM started without {@code --add-modules jdk.incubator.vector} (a separate surefire
 * execution, see engine/pom.xml): the engine must fall back to the scalar kernels by itself.
 */
@Tag("scalar-fallback")
class ScalarFallbackTest {

    @Test
    void scalarKernelsRunWhenTheVectorModuleIsAbsent() {
        assertFalse(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent(),
                "this test must run in a JVM without the vector module");
        assertFalse(Kernels.simdActive());
        assertEquals("scalar", HnswIndex.kernelDescription());
    }

    @Test
    void indexWorksOnTheScalarKernels() {
        List<float[]> vectors = TestVectors.uniform(7, 500, 24);
        HnswIndex index = HnswIndex.builder(24).metric(Metric.L2).build();
        index.addAll(TestVectors.ids(500), vectors, 2);
        TestVectors.assertEachFindsItself(index, vectors, 50);
    }
}
