package org.kefu.telephony.media;

/** ITU-T G.711 µ-law (North America/Japan, RTP payload type 0), table-driven. */
public final class MuLaw {
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final byte[] ENCODE = new byte[65536];
    private static final short[] DECODE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            DECODE[i] = computeDecode((byte) i);
        }
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            ENCODE[s & 0xFFFF] = computeEncode(s);
        }
    }

    private MuLaw() {
    }

    public static byte encode(short sample) {
        return ENCODE[sample & 0xFFFF];
    }

    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    // Reference algorithm (as in the public-domain Sun g711.c); only used to fill the tables.
    private static byte computeEncode(int pcm) {
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > CLIP) {
            pcm = CLIP;
        }
        pcm += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static short computeDecode(byte code) {
        int u = ~code & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int sample = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return (short) (sign != 0 ? -sample : sample);
    }
}
