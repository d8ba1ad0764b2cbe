package io.hnswbench.datasets;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * Test inputs: the committed fixture files, the generator the fixture scripts share with the tests,
 * seeded random matrices, hand-built little-endian files, and the shared real datasets.
 */
final class Fixtures {

    static final String MINILM = "minilm-debian-20k";
    static final String MNIST = "mnist-784-10k";

    private Fixtures() {
    }

    /** A file under {@code src/test/resources}, e.g. {@code "ann-benchmarks/euclidean-200x16-f32.hdf5"}. */
    static Path resource(String relativePath) {
        URL url = Fixtures.class.getResource("/" + relativePath);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + relativePath);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The generator of the fixture scripts ({@code make_fixtures.py}): state = (1664525 * state +
     * 1013904223) mod 2^32, component = (state >> 8) / 2^23 - 1, exact in float32 and float64.
     */
    static VectorMatrix lcgMatrix(long seed, int rows, int columns) {
        float[] data = new float[rows * columns];
        long state = seed;
        for (int i = 0; i < data.length; i++) {
            state = (1664525L * state + 1013904223L) & 0xFFFF_FFFFL;
            data[i] = (float) ((state >>> 8) / (double) (1 << 23) - 1.0);
        }
        return VectorMatrix.wrap(data, rows, columns);
    }

    /** Standard normal components from a seed. */
    static VectorMatrix gaussianMatrix(long seed, int rows, int columns) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[rows * columns];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return VectorMatrix.wrap(data, rows, columns);
    }

    /** A little-endian byte image built field by field, for files a writer under test must not make. */
    static final class LittleEndianBytes {
        private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

        private void room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes))
                        .order(ByteOrder.LITTLE_ENDIAN);
                larger.put(buffer.flip());
                buffer = larger;
            }
        }

        LittleEndianBytes ints(int... values) {
            room(values.length * Integer.BYTES);
            for (int value : values) {
                buffer.putInt(value);
            }
            return this;
        }

        LittleEndianBytes floats(float... values) {
            room(values.length * Float.BYTES);
            for (float value : values) {
                buffer.putFloat(value);
            }
            return this;
        }

        LittleEndianBytes bytes(byte... values) {
            room(values.length);
            buffer.put(values);
            return this;
        }

        LittleEndianBytes ascii(String text) {
            return bytes(text.getBytes(StandardCharsets.US_ASCII));
        }

        byte[] toArray() {
            byte[] result = new byte[buffer.position()];
            buffer.duplicate().flip().get(result);
            return result;
        }

        Path writeTo(Path file) throws IOException {
            return Files.write(file, toArray());
        }
    }

    /** One model for all tests: loading it takes about a second. */
    static TextEmbedder embedder() {
        return EmbedderHolder.EMBEDDER;
    }

    private static final class EmbedderHolder {
        static final TextEmbedder EMBEDDER = new TextEmbedder();
    }

    /** Where the shared real datasets are: the {@code hnswbench.datasets} property the build sets. */
    static Path sharedDatasetsRoot() {
        return Path.of(System.getProperty("hnswbench.datasets", "../../shared/datasets"));
    }

    /** One shared dataset folder, or the calling test is skipped with a message when it is absent. */
    static Path sharedDataset(String name) {
        Path folder = sharedDatasetsRoot().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(folder.resolve(DatasetFolder.META)), "shared dataset not found: "
                + folder.toAbsolutePath() + " (set -Dhnswbench.datasets=DIR to point at the datasets folder)");
        return folder;
    }
}
