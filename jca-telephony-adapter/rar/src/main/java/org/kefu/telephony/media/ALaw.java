package org.kefu.telephony.media;

/** ITU-T G.711 A-law (Europe/China, RTP payload type 8), table-driven. */
public final class ALaw {
    private static final int[] SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
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

    private ALaw() {
    }

    public static byte encode(short sample) {
        return ENCODE[sample & 0xFFFF];
    }

    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    // Reference algorithm (as in the public-domain Sun g711.c); only used to fill the tables.
    private static byte computeEncode(int pcm) {
        pcm >>= 3; // A-law works on 13-bit magnitudes
        int mask;
        if (pcm >= 0) {
            mask = 0xD5; // sign bit set, even bits inverted
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int seg = 0;
        while (seg < 8 && pcm > SEGMENT_END[seg]) {
            seg++;
        }
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (pcm >> 1) & 0x0F : (pcm >> seg) & 0x0F;
        return (byte) (aval ^ mask);
    }

    private static short computeDecode(byte code) {
        int a = (code & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= seg - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
