package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void muLawKnownValues() {
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0xF0)).isEqualTo((short) 120); // first step above zero
    }

    @Test
    void aLawKnownValues() {
        assertThat(ALaw.encode((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(ALaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(ALaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everyCodeRoundTrips() {
        for (int b = 0; b < 256; b++) {
            byte code = (byte) b;
            assertThat(ALaw.encode(ALaw.decode(code))).as("A-law %02x", b).isEqualTo(code);
            if (b != 0x7F) { // µ-law has two zeros; 0x7F (-0) re-encodes as 0xFF (+0)
                assertThat(MuLaw.encode(MuLaw.decode(code))).as("µ-law %02x", b).isEqualTo(code);
            }
        }
    }

    @Test
    void quantisationErrorIsSmallRelativeToTheSignal() {
        for (AudioCodec codec : AudioCodec.values()) {
            for (int s = -32000; s <= 32000; s += 7) {
                int back = codec.decode(codec.encode((short) s));
                int tolerance = Math.max(16, Math.abs(s) / 16); // G.711 keeps ~4 mantissa bits
                assertThat(Math.abs(back - s)).as("%s %d -> %d", codec, s, back).isLessThanOrEqualTo(tolerance);
                assertThat(Integer.signum(back)).as("sign of %d", s).isIn(Integer.signum(s), 0);
            }
        }
    }

    @Test
    void encodingIsMonotonic() {
        for (AudioCodec codec : AudioCodec.values()) {
            int previous = Integer.MIN_VALUE;
            for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s += 3) {
                int back = codec.decode(codec.encode((short) s));
                assertThat(back).isGreaterThanOrEqualTo(previous);
                previous = back;
            }
        }
    }

    @Test
    void frameConversionAndPayloadTypes() {
        short[] frame = sine(1000, 8000);
        for (AudioCodec codec : AudioCodec.values()) {
            short[] back = codec.decode(codec.encode(frame), 0, frame.length);
            assertThat(Audio.rms(back)).isCloseTo(Audio.rms(frame), org.assertj.core.data.Percentage.withPercentage(3));
        }
        assertThat(AudioCodec.forPayloadType(0)).isEqualTo(AudioCodec.PCMU);
        assertThat(AudioCodec.forPayloadType(8)).isEqualTo(AudioCodec.PCMA);
        assertThat(AudioCodec.forPayloadType(18)).isNull();
        assertThat(AudioCodec.forEncodingName("pcma")).isEqualTo(AudioCodec.PCMA);
    }

    static short[] sine(double hz, int amplitude) {
        short[] s = new short[Audio.FRAME_SAMPLES];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / Audio.SAMPLE_RATE));
        }
        return s;
    }
}
