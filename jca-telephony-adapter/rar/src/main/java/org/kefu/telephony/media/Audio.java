package org.kefu.telephony.media;

/**
 * The one audio format the engine works in internally: 8 kHz, mono, signed 16-bit linear PCM,
 * moved in 20 ms frames of 160 samples. Everything else (G.711, WAV variants) is converted at the edges.
 */
public final class Audio {
    public static final int SAMPLE_RATE = 8000;
    public static final int FRAME_MILLIS = 20;
    public static final int FRAME_SAMPLES = SAMPLE_RATE * FRAME_MILLIS / 1000;

    private Audio() {
    }

    /** One frame of silence shared by every session: frames are never written after they are made. */
    private static final short[] SILENCE = new short[FRAME_SAMPLES];

    /**
     * A frame of silence. The same array every time (a session with nothing to hear or say asks for
     * one 50 times a second; 1,000 such calls made 17 MB of garbage a second): read it, never write it.
     */
    public static short[] silence() {
        return SILENCE;
    }

    /** Root-mean-square level of a frame; 0 for silence. Used by tests and for simple level checks. */
    public static double rms(short[] samples) {
        if (samples == null || samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    /** Saturating conversion: mixing sums ints, the wire wants shorts; wrap-around would be a loud click. */
    public static short clip(int v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
}
