package io.hnswbench.datasets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format for a two-dimensional array of vectors (one row per vector), as
 * written by {@code numpy.save}: float32 ({@code <f4} or {@code >f4}) is read as is, float64 is
 * rounded to float32. Fortran-ordered arrays are refused (save with {@code np.ascontiguousarray}).
 */
public final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int HEADER_ALIGNMENT = 64;

    private NpyFormat() {
    }

    /** Reads a 2-D float32 or float64 array as vectors. */
    public static VectorMatrix read(Path path) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            MemorySegment file = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            Header header = readHeader(path, file, size);
            long available = size - header.dataOffset;
            long needed;
            try {
                needed = Math.multiplyExact(Math.multiplyExact(header.rows, header.columns), (long) header.itemBytes);
            } catch (ArithmeticException overflow) {
                // The shape comes from the file: a byte count beyond a long is more than any file holds.
                needed = Long.MAX_VALUE;
            }
            if (needed > available) {
                throw new DatasetFormatException(path, "truncated: the header's shape (" + header.rows + ", "
                        + header.columns + ") of " + header.descr + " needs " + needed + " data bytes, the file holds "
                        + available);
            }
            int length;
            try {
                length = VectorMatrix.checkedSize(header.rows, header.columns);
            } catch (IllegalArgumentException tooLarge) {
                throw new DatasetFormatException(path, tooLarge.getMessage());
            }
            float[] data = new float[length];
            if (header.itemBytes == Float.BYTES) {
                MemorySegment.copy(file, ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(header.order), header.dataOffset,
                        data, 0, length);
            } else {
                ValueLayout.OfDouble layout = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(header.order);
                for (int i = 0; i < length; i++) {
                    data[i] = (float) file.get(layout, header.dataOffset + (long) i * Double.BYTES);
                }
            }
            return TexmexFormat.checkedFinite(path, VectorMatrix.wrap(data, (int) header.rows, (int) header.columns));
        }
    }

    /** Writes vectors as a little-endian float32 {@code .npy} file (format version 1.0). */
    public static void write(Path path, VectorMatrix vectors) throws IOException {
        String dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + vectors.rows() + ", "
                + vectors.dimension() + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dictionary.length() + 1;
        int padding = (HEADER_ALIGNMENT - unpadded % HEADER_ALIGNMENT) % HEADER_ALIGNMENT;
        String header = dictionary + " ".repeat(padding) + "\n";
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            out.write(MAGIC);
            out.write(new byte[] {1, 0});
            out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(vectors.dimension() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < vectors.rows(); r++) {
                row.clear();
                row.asFloatBuffer().put(vectors.data(), vectors.offset(r), vectors.dimension());
                out.write(row.array());
            }
        }
    }

    private record Header(String descr, ByteOrder order, int itemBytes, long rows, long columns, long dataOffset) {
    }

    private static Header readHeader(Path path, MemorySegment file, long size) throws DatasetFormatException {
        if (size < MAGIC.length + 4 || mismatchAt(file) >= 0) {
            throw new DatasetFormatException(path, "not a .npy file: it does not start with \\x93NUMPY");
        }
        int major = Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 6));
        long headerLength;
        long headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(file.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (size < 12) {
                throw new DatasetFormatException(path, "truncated .npy header");
            }
            headerLength = Integer.toUnsignedLong(file.get(TexmexRecords.INT, 8));
            headerStart = 12;
        } else {
            throw new DatasetFormatException(path, "unsupported .npy format version " + major
                    + " (versions 1, 2 and 3 are read)");
        }
        if (headerStart + headerLength > size) {
            throw new DatasetFormatException(path, "truncated: the header claims " + headerLength
                    + " bytes, the file holds " + (size - headerStart) + " after the preamble");
        }
        byte[] headerBytes = file.asSlice(headerStart, headerLength).toArray(ValueLayout.JAVA_BYTE);
        String dictionary = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(path, DESCR, dictionary, "descr");
        if (group(path, FORTRAN, dictionary, "fortran_order").equals("True")) {
            throw new DatasetFormatException(path, "the array is in Fortran (column-major) order; save it with "
                    + "numpy.save(path, numpy.ascontiguousarray(array))");
        }
        String[] dimensions = group(path, SHAPE, dictionary, "shape").split(",");
        long[] shape;
        try {
            shape = Arrays.stream(dimensions).map(String::strip).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(path, "the .npy header's shape is not a list of numbers: " + dictionary.strip());
        }
        if (shape.length != 2 || shape[0] < 0 || shape[1] <= 0) {
            throw new DatasetFormatException(path, "shape " + Arrays.toString(shape)
                    + " is not a 2-D array of vectors (rows, dimension)");
        }
        ByteOrder order = switch (descr.charAt(0)) {
            case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> ByteOrder.nativeOrder();
        };
        int itemBytes = switch (descr.substring(descr.length() > 1 && !Character.isLetter(descr.charAt(0)) ? 1 : 0)) {
            case "f4" -> Float.BYTES;
            case "f8" -> Double.BYTES;
            default -> throw new DatasetFormatException(path, "element type '" + descr
                    + "' is not float32 or float64; convert with array.astype(numpy.float32)");
        };
        return new Header(descr, order, itemBytes, shape[0], shape[1], headerStart + headerLength);
    }

    private static long mismatchAt(MemorySegment file) {
        return MemorySegment.mismatch(MemorySegment.ofArray(MAGIC), 0, MAGIC.length, file, 0, MAGIC.length);
    }

    private static String group(Path path, Pattern pattern, String dictionary, String key) throws DatasetFormatException {
        Matcher matcher = pattern.matcher(dictionary);
        if (!matcher.find()) {
            throw new DatasetFormatException(path, "the .npy header has no '" + key + "': " + dictionary.strip());
        }
        return matcher.group(1);
    }
}
