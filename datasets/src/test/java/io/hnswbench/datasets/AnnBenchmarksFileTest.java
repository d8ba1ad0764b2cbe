package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * ann-benchmarks HDF5 files written by h5py (src/test/resources/ann-benchmarks/make_fixtures.py):
 * the vectors must be exactly the generator's, and the neighbours exactly what the script's float64
 * brute force found, which a plain double brute force here recomputes.
 */
class AnnBenchmarksFileTest {

    static final String EUCLIDEAN = "ann-benchmarks/euclidean-200x16-f32.hdf5";
    static final String ANGULAR = "ann-benchmarks/angular-150x12-f64.hdf5";
    static final String NO_NEIGHBORS = "ann-benchmarks/no-neighbors-60x8.hdf5";

    @Test
    void readsFloat32VectorsAndInt32NeighborsOfAnEuclideanFile() throws IOException {
        AnnBenchmarksFile file = AnnBenchmarksFile.read(Fixtures.resource(EUCLIDEAN));

        VectorMatrix train = Fixtures.lcgMatrix(1, 200, 16);
        VectorMatrix test = Fixtures.lcgMatrix(2, 20, 16);
        assertEquals(Metric.L2, file.metric(), "distance='euclidean'");
        assertEquals(200, file.train().rows());
        assertEquals(16, file.train().dimension());
        TexmexFormatTest.assertBitwiseEqual(train.data(), file.train().data());
        TexmexFormatTest.assertBitwiseEqual(test.data(), file.test().data());
        assertEquals(10, file.neighbors().columns());
        assertArrayEquals(BruteForce.neighbors(train, test, Metric.L2, 10), BruteForce.rows(file.neighbors()));
    }

    @Test
    void readsFloat64VectorsAndInt64NeighborsOfAnAngularFile() throws IOException {
        AnnBenchmarksFile file = AnnBenchmarksFile.read(Fixtures.resource(ANGULAR));

        VectorMatrix train = Fixtures.lcgMatrix(3, 150, 12);
        VectorMatrix test = Fixtures.lcgMatrix(4, 15, 12);
        assertEquals(Metric.COSINE, file.metric(), "distance='angular' (a fixed-length string attribute)");
        TexmexFormatTest.assertBitwiseEqual(train.data(), file.train().data());
        TexmexFormatTest.assertBitwiseEqual(test.data(), file.test().data());
        assertEquals(15, file.neighbors().rows());
        assertArrayEquals(BruteForce.neighbors(train, test, Metric.COSINE, 10), BruteForce.rows(file.neighbors()));
    }

    @Test
    void fileWithoutNeighborsOrDistanceAttributeHasNeither() throws IOException {
        AnnBenchmarksFile file = AnnBenchmarksFile.read(Fixtures.resource(NO_NEIGHBORS));

        assertNull(file.neighbors());
        assertNull(file.metric());
        TexmexFormatTest.assertBitwiseEqual(Fixtures.lcgMatrix(5, 60, 8).data(), file.train().data());
        TexmexFormatTest.assertBitwiseEqual(Fixtures.lcgMatrix(6, 6, 8).data(), file.test().data());
    }
}
