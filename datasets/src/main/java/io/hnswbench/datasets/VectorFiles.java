package io.hnswbench.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a file of vectors in the format its extension names. */
final class VectorFiles {

    static final String FORMATS = ".fvecs, .bvecs, .npy, or an ann-benchmarks .hdf5/.h5";

    private VectorFiles() {
    }

    static boolean isHdf5(Path file) {
        String name = lowerCaseName(file);
        return name.endsWith(".hdf5") || name.endsWith(".h5");
    }

    static VectorMatrix read(Path file) throws IOException {
        String name = lowerCaseName(file);
        if (name.endsWith(".fvecs")) {
            return TexmexFormat.readFvecs(file);
        }
        if (name.endsWith(".bvecs")) {
            return TexmexFormat.readBvecs(file);
        }
        if (name.endsWith(".npy")) {
            return NpyFormat.read(file);
        }
        throw new DatasetFormatException(file, "unknown vector format; the file name must end in " + FORMATS);
    }

    private static String lowerCaseName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
