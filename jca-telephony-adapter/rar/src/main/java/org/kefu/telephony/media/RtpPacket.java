package org.kefu.telephony.media;

import java.util.Arrays;

/**
 * One RTP packet (RFC 3550 section 5.1). {@link #decode} is strict about the layout (version 2,
 * CSRC list, header extension and padding must fit) and returns null rather than throwing, because
 * malformed packets from the network are expected and must cost as little as possible. Header
 * extensions are skipped, not interpreted.
 */
public final class RtpPacket {
    public static final int HEADER_SIZE = 12;

    private final boolean marker;
    private final int payloadType;
    private final int sequence;
    private final long timestamp;
    private final long ssrc;
    private final int[] csrcs;
    private final byte[] payload;

    public RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
                     int[] csrcs, byte[] payload) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        if (csrcs != null && csrcs.length > 15) {
            throw new IllegalArgumentException("at most 15 CSRCs");
        }
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequence = sequence & 0xFFFF;
        this.timestamp = timestamp & 0xFFFFFFFFL;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.csrcs = csrcs == null ? new int[0] : csrcs.clone();
        this.payload = payload;
    }

    public RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
        this(marker, payloadType, sequence, timestamp, ssrc, null, payload);
    }

    /** @return the packet, or null if the bytes are not a well-formed RTP version 2 packet */
    public static RtpPacket decode(byte[] data, int offset, int length) {
        if (length < HEADER_SIZE || offset < 0 || offset + length > data.length) {
            return null;
        }
        int b0 = data[offset] & 0xFF;
        if ((b0 >> 6) != 2) {
            return null;
        }
        boolean padding = (b0 & 0x20) != 0;
        boolean extension = (b0 & 0x10) != 0;
        int cc = b0 & 0x0F;
        int b1 = data[offset + 1] & 0xFF;
        int pos = HEADER_SIZE + cc * 4;
        if (pos > length) {
            return null;
        }
        int[] csrcs = new int[cc];
        for (int i = 0; i < cc; i++) {
            csrcs[i] = readInt(data, offset + HEADER_SIZE + i * 4);
        }
        if (extension) {
            if (pos + 4 > length) {
                return null;
            }
            int words = ((data[offset + pos + 2] & 0xFF) << 8) | (data[offset + pos + 3] & 0xFF);
            pos += 4 + words * 4;
            if (pos > length) {
                return null;
            }
        }
        int end = length;
        if (padding) {
            int pad = data[offset + length - 1] & 0xFF;
            if (pad == 0 || pos + pad > length) {
                return null;
            }
            end -= pad;
        }
        return new RtpPacket((b1 & 0x80) != 0, b1 & 0x7F,
                ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF),
                readInt(data, offset + 4) & 0xFFFFFFFFL,
                readInt(data, offset + 8) & 0xFFFFFFFFL,
                csrcs, Arrays.copyOfRange(data, offset + pos, offset + end));
    }

    /** Serialises without padding or extension. */
    public byte[] encode() {
        byte[] out = new byte[HEADER_SIZE + csrcs.length * 4 + payload.length];
        out[0] = (byte) (0x80 | csrcs.length);
        out[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        out[2] = (byte) (sequence >> 8);
        out[3] = (byte) sequence;
        writeInt(out, 4, (int) timestamp);
        writeInt(out, 8, (int) ssrc);
        for (int i = 0; i < csrcs.length; i++) {
            writeInt(out, HEADER_SIZE + i * 4, csrcs[i]);
        }
        System.arraycopy(payload, 0, out, HEADER_SIZE + csrcs.length * 4, payload.length);
        return out;
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public boolean marker() {
        return marker;
    }

    public int payloadType() {
        return payloadType;
    }

    public int sequence() {
        return sequence;
    }

    public long timestamp() {
        return timestamp;
    }

    public long ssrc() {
        return ssrc;
    }

    public int[] csrcs() {
        return csrcs.clone();
    }

    public byte[] payload() {
        return payload;
    }

    /** Deliberately without payload: payloads may carry DTMF (PINs). */
    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequence + ", ts=" + timestamp + ", ssrc="
                + Long.toHexString(ssrc) + (marker ? ", M" : "") + ", " + payload.length + " bytes]";
    }
}
