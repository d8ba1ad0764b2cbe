package io.hnswbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Buffered little-endian writes to a file channel that keep a CRC32C of the current section, for
 * {@link IndexFileWriter}. Padding written between sections is outside every checksum.
 */
final class ChecksummedOutput {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private boolean inSection;
    private long position;

    ChecksummedOutput(FileChannel channel, long startPosition) throws IOException {
        this.channel = channel;
        this.position = startPosition;
        channel.position(startPosition);
    }

    long position() {
        return position + buffer.position();
    }

    /** Writes zero bytes up to {@code offset}, outside any section. */
    void padTo(long offset) throws IOException {
        if (inSection) {
            throw new IllegalStateException("padding inside a section");
        }
        while (position() < offset) {
            ensureRoom(1);
            buffer.put((byte) 0);
        }
    }

    void beginSection() throws IOException {
        flush();
        crc.reset();
        inSection = true;
    }

    /** Ends the section and returns its CRC32C. */
    int endSection() throws IOException {
        flush();
        inSection = false;
        return (int) crc.getValue();
    }

    void putByte(byte value) throws IOException {
        ensureRoom(1);
        buffer.put(value);
    }

    void putInt(int value) throws IOException {
        ensureRoom(Integer.BYTES);
        buffer.putInt(value);
    }

    void putLong(long value) throws IOException {
        ensureRoom(Long.BYTES);
        buffer.putLong(value);
    }

    void putFloat(float value) throws IOException {
        ensureRoom(Float.BYTES);
        buffer.putFloat(value);
    }

    void putBytes(byte[] bytes) throws IOException {
        int written = 0;
        while (written < bytes.length) {
            ensureRoom(1);
            int chunk = Math.min(buffer.remaining(), bytes.length - written);
            buffer.put(bytes, written, chunk);
            written += chunk;
        }
    }

    void flush() throws IOException {
        buffer.flip();
        if (inSection) {
            crc.update(buffer.duplicate());
        }
        position += buffer.remaining();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void ensureRoom(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }
}
