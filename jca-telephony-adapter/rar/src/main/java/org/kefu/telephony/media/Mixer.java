package org.kefu.telephony.media;

/** Sums 20 ms frames sample by sample with saturation; the arithmetic behind bridges and recordings. */
public final class Mixer {
    private Mixer() {
    }

    /** @return a new frame; null inputs count as silence */
    public static short[] mix(short[]... frames) {
        short[] out = new short[Audio.FRAME_SAMPLES];
        int[] sum = new int[Audio.FRAME_SAMPLES];
        for (short[] f : frames) {
            if (f == null) {
                continue;
            }
            int n = Math.min(f.length, sum.length);
            for (int i = 0; i < n; i++) {
                sum[i] += f[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Audio.clip(sum[i]);
        }
        return out;
    }
}
