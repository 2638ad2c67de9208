package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadPcm() throws IOException {
        short[] samples = {0, 1, -1, 1000, -32768, 32767};
        Path f = dir.resolve("a.wav");
        WavFile.write(f, samples);
        assertThat(Files.size(f)).isEqualTo(44 + 12);
        assertThat(WavFile.read(f)).containsExactly(samples);
    }

    @Test
    void streamingWriterPatchesSizes() throws IOException {
        Path f = dir.resolve("rec.wav");
        try (WavWriter w = new WavWriter(f)) {
            for (int i = 0; i < 100; i++) {
                w.write(G711Test.sine(440, 5000));
            }
        }
        short[] back = WavFile.read(f);
        assertThat(back).hasSize(100 * Audio.FRAME_SAMPLES);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(f), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(4)).isEqualTo(36 + back.length * 2);
        assertThat(header.getInt(40)).isEqualTo(back.length * 2);
    }

    @Test
    void readsG711WavsAndSkipsUnknownChunks() throws IOException {
        byte[] alaw = {(byte) 0xD5, (byte) 0x55, (byte) 0xAA};
        assertThat(WavFile.read(new ByteArrayInputStream(wav(6, 1, 8000, 8, alaw, true)), "x"))
                .containsExactly((short) 8, (short) -8, (short) 32256);
        byte[] ulaw = {(byte) 0xFF, (byte) 0x80};
        assertThat(WavFile.read(new ByteArrayInputStream(wav(7, 1, 8000, 8, ulaw, false)), "x"))
                .containsExactly((short) 0, (short) 32124);
    }

    @Test
    void refusesOtherFormatsWithAClearMessage() {
        byte[] data = new byte[8];
        assertThatThrownBy(() -> WavFile.read(new ByteArrayInputStream(wav(1, 1, 44100, 16, data, false)), "hello.wav"))
                .isInstanceOf(UnsupportedAudioFormatException.class)
                .hasMessageContaining("hello.wav").hasMessageContaining("44100 Hz").hasMessageContaining("expected 8000 Hz");
        assertThatThrownBy(() -> WavFile.read(new ByteArrayInputStream(wav(1, 2, 8000, 16, data, false)), "st.wav"))
                .hasMessageContaining("2 channel");
        assertThatThrownBy(() -> WavFile.read(new ByteArrayInputStream(wav(3, 1, 8000, 32, data, false)), "f.wav"))
                .hasMessageContaining("IEEE float");
        assertThatThrownBy(() -> WavFile.read(new ByteArrayInputStream("not a wav at all".getBytes()), "t.txt"))
                .isInstanceOf(UnsupportedAudioFormatException.class).hasMessageContaining("not a RIFF/WAVE");
        assertThatThrownBy(() -> WavFile.read(new ByteArrayInputStream(new byte[3]), "short"))
                .isInstanceOf(UnsupportedAudioFormatException.class);
    }

    /** Builds a WAV by hand, optionally with a LIST chunk of odd length before the data. */
    static byte[] wav(int format, int channels, int rate, int bits, byte[] data, boolean extraChunk) {
        int extra = extraChunk ? 8 + 3 + 1 : 0;
        ByteBuffer b = ByteBuffer.allocate(44 + extra + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + extra + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extraChunk) {
            b.put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0});
        }
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }
}
