package org.kefu.telephony.media;

import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Records a call to a WAV file by mixing the given streams (e.g. what the caller said and what was
 * sent to them) into one 8 kHz mono track, one 20 ms frame per tick. A write error stops the
 * recording (logged once) instead of disturbing the call.
 */
public final class CallRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CallRecorder.class);

    private final Path file;
    private final WavWriter writer;
    private boolean failed;

    public CallRecorder(Path file) throws IOException {
        this.file = file;
        this.writer = new WavWriter(file);
    }

    /** Mixes the frames (sum with clipping) and appends 20 ms to the file. */
    public void record(short[]... frames) {
        if (failed) {
            return;
        }
        try {
            writer.write(Mixer.mix(frames));
        } catch (IOException e) {
            failed = true;
            LOG.warnf("recording to %s stopped: %s", file, e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    public long samplesWritten() {
        return writer.samplesWritten();
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warnf("cannot finish recording %s: %s", file, e.getMessage());
        }
    }
}
