package io.hnswbench.datasets;

import io.hnswbench.engine.Metric;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the HDF5 files of ann-benchmarks ({@code glove-100-angular.hdf5}, {@code sift-128-euclidean.hdf5},
 * ...): datasets {@code train} (base vectors), {@code test} (queries), {@code neighbors} (true
 * neighbour ids, optional) and {@code distances} (ignored: their conventions differ from the engine's,
 * so distances are recomputed), and the root attribute {@code distance}. Vectors may be float32 or
 * float64, neighbours int32 or int64.
 *
 * @param train     the base vectors
 * @param test      the query vectors
 * @param neighbors the true neighbours of each query, or null when the file has none
 * @param metric    the metric named by the {@code distance} attribute, or null when the file has none
 */
public record AnnBenchmarksFile(VectorMatrix train, VectorMatrix test, IntMatrix neighbors, Metric metric) {

    /** Reads an ann-benchmarks file, checking every shape before reading the data. */
    public static AnnBenchmarksFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new DatasetFormatException(path, "no such file");
        }
        long fileSize = Files.size(path);
        try (HdfFile hdf = new HdfFile(path)) {
            VectorMatrix train = vectors(path, hdf, "train", fileSize);
            VectorMatrix test = vectors(path, hdf, "test", fileSize);
            if (train.dimension() != test.dimension()) {
                throw new DatasetFormatException(path, "'train' has dimension " + train.dimension() + " but 'test' has "
                        + test.dimension());
            }
            IntMatrix neighbors = hdf.getChild("neighbors") == null ? null : neighbors(path, hdf, fileSize);
            if (neighbors != null && neighbors.rows() != test.rows()) {
                throw new DatasetFormatException(path, "'neighbors' has " + neighbors.rows() + " rows for "
                        + test.rows() + " queries in 'test'");
            }
            if (neighbors != null) {
                checkIdsInRange(path, neighbors, train.rows());
            }
            return new AnnBenchmarksFile(train, test, neighbors, metric(path, hdf));
        } catch (HdfException e) {
            throw new DatasetFormatException(path, "not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    static void checkIdsInRange(Path path, IntMatrix ids, int baseCount) throws DatasetFormatException {
        int[] data = ids.data();
        for (int i = 0; i < data.length; i++) {
            if (data[i] < 0 || data[i] >= baseCount) {
                throw new DatasetFormatException(path, "neighbour id " + data[i] + " of query " + i / ids.columns()
                        + " is outside the base set 0.." + (baseCount - 1));
            }
        }
    }

    private static Metric metric(Path path, HdfFile hdf) throws DatasetFormatException {
        Attribute distance = hdf.getAttribute("distance");
        if (distance == null) {
            return null;
        }
        Object value = distance.getData();
        String name = value instanceof String[] names && names.length == 1 ? names[0] : String.valueOf(value);
        try {
            return MetricNames.parse(name);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(path, "attribute 'distance': " + e.getMessage());
        }
    }

    private static io.jhdf.api.Dataset dataset(Path path, HdfFile hdf, String name, long fileSize)
            throws DatasetFormatException {
        Node node = hdf.getChild(name);
        if (!(node instanceof io.jhdf.api.Dataset dataset)) {
            throw new DatasetFormatException(path, "has no dataset '" + name + "' (an ann-benchmarks file has train, "
                    + "test, neighbors and distances)");
        }
        int[] shape = dataset.getDimensions();
        if (shape.length != 2 || shape[1] <= 0) {
            throw new DatasetFormatException(path, "'" + name + "' has shape " + Arrays.toString(shape)
                    + ", not (rows, columns)");
        }
        boolean compressed = !dataset.getFilters().isEmpty();
        long elementBytes = Math.max(1, dataset.getDataType().getSize());
        if (!compressed && (long) shape[0] * shape[1] * elementBytes > fileSize) {
            throw new DatasetFormatException(path, "'" + name + "' claims " + shape[0] + " x " + shape[1]
                    + " values, more than the " + fileSize + "-byte file holds");
        }
        try {
            VectorMatrix.checkedSize(shape[0], shape[1]);
        } catch (IllegalArgumentException tooLarge) {
            throw new DatasetFormatException(path, "'" + name + "': " + tooLarge.getMessage());
        }
        return dataset;
    }

    private static VectorMatrix vectors(Path path, HdfFile hdf, String name, long fileSize) throws DatasetFormatException {
        io.jhdf.api.Dataset dataset = dataset(path, hdf, name, fileSize);
        int[] shape = dataset.getDimensions();
        Object flat = dataset.getDataFlat();
        float[] data;
        if (flat instanceof float[] floats) {
            data = floats;
        } else if (flat instanceof double[] doubles) {
            data = new float[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                data[i] = (float) doubles[i];
            }
        } else {
            throw new DatasetFormatException(path, "'" + name + "' holds " + dataset.getJavaType().getSimpleName()
                    + ", not float32 or float64");
        }
        return TexmexFormat.checkedFinite(path, VectorMatrix.wrap(data, shape[0], shape[1]));
    }

    private static IntMatrix neighbors(Path path, HdfFile hdf, long fileSize) throws DatasetFormatException {
        io.jhdf.api.Dataset dataset = dataset(path, hdf, "neighbors", fileSize);
        int[] shape = dataset.getDimensions();
        Object flat = dataset.getDataFlat();
        int[] ids;
        if (flat instanceof int[] ints) {
            ids = ints;
        } else if (flat instanceof long[] longs) {
            ids = new int[longs.length];
            for (int i = 0; i < longs.length; i++) {
                if (longs[i] < Integer.MIN_VALUE || longs[i] > Integer.MAX_VALUE) {
                    throw new DatasetFormatException(path, "neighbour id " + longs[i] + " of query " + i / shape[1]
                            + " does not fit an int");
                }
                ids[i] = (int) longs[i];
            }
        } else {
            throw new DatasetFormatException(path, "'neighbors' holds " + dataset.getJavaType().getSimpleName()
                    + ", not int32 or int64");
        }
        return IntMatrix.wrap(ids, shape[0], shape[1]);
    }
}
