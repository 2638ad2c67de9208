package org.kefu.telephony.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams 8 kHz mono 16-bit PCM to a WAV file of unknown final length (recordings): writes a
 * placeholder header and patches the sizes on {@link #close()}. Not thread-safe.
 */
public final class WavWriter implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private boolean closed;

    public WavWriter(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        channel.write(ByteBuffer.wrap(WavFile.header(0)));
    }

    public void write(short[] samples) throws IOException {
        for (short s : samples) {
            if (buffer.remaining() < 2) {
                flush();
            }
            buffer.putShort(s);
        }
        dataBytes += samples.length * 2L;
    }

    public long samplesWritten() {
        return dataBytes / 2;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            channel.write(ByteBuffer.wrap(WavFile.header(dataBytes)), 0);
        } finally {
            channel.close();
        }
    }
}
