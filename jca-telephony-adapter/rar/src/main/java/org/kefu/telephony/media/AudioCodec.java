package org.kefu.telephony.media;

/**
 * The two G.711 codecs every SIP phone and gateway speaks, with their static RTP payload types
 * (RFC 3551). Conversion is table-driven: one 64 KiB table per law for encoding and 256 entries for
 * decoding, computed once, so the per-frame cost is one array lookup per sample.
 */
public enum AudioCodec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    private final int payloadType;
    private final String encodingName;

    AudioCodec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The name used in SDP {@code a=rtpmap}. */
    public String encodingName() {
        return encodingName;
    }

    public byte encode(short sample) {
        return this == PCMU ? MuLaw.encode(sample) : ALaw.encode(sample);
    }

    public short decode(byte code) {
        return this == PCMU ? MuLaw.decode(code) : ALaw.decode(code);
    }

    public byte[] encode(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = encode(samples[i]);
        }
        return out;
    }

    public short[] decode(byte[] data, int offset, int length) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = decode(data[offset + i]);
        }
        return out;
    }

    /** @return the codec for a static payload type, or null if it is not G.711. */
    public static AudioCodec forPayloadType(int pt) {
        for (AudioCodec c : values()) {
            if (c.payloadType == pt) {
                return c;
            }
        }
        return null;
    }

    public static AudioCodec forEncodingName(String name) {
        for (AudioCodec c : values()) {
            if (c.encodingName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
