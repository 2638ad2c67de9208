package org.kefu.telephony.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RTCP (RFC 3550 section 6): builds compound SR or RR + SDES(CNAME) packets, which is what
 * peers and session border controllers expect to see every few seconds, and parses the report blocks
 * of incoming SR/RR so the peer's view of loss and jitter on our stream is known. Other packet types
 * (BYE, APP, XR ...) are skipped.
 */
public final class RtcpPacket {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    /** Seconds between 1900 (NTP epoch) and 1970 (Unix epoch). */
    private static final long NTP_OFFSET_SECONDS = 2_208_988_800L;

    private RtcpPacket() {
    }

    /** One reception report block (RFC 3550 6.4.1). */
    public static final class ReportBlock {
        private final long ssrc;
        private final int fractionLost;
        private final long cumulativeLost;
        private final long extendedHighestSequence;
        private final long jitter;
        private final long lastSr;
        private final long delaySinceLastSr;

        public ReportBlock(long ssrc, int fractionLost, long cumulativeLost, long extendedHighestSequence,
                           long jitter, long lastSr, long delaySinceLastSr) {
            this.ssrc = ssrc;
            this.fractionLost = fractionLost;
            this.cumulativeLost = cumulativeLost;
            this.extendedHighestSequence = extendedHighestSequence;
            this.jitter = jitter;
            this.lastSr = lastSr;
            this.delaySinceLastSr = delaySinceLastSr;
        }

        public long ssrc() {
            return ssrc;
        }

        /** Fraction of packets lost since the previous report, in 1/256. */
        public int fractionLost() {
            return fractionLost;
        }

        public long cumulativeLost() {
            return cumulativeLost;
        }

        public long extendedHighestSequence() {
            return extendedHighestSequence;
        }

        /** Interarrival jitter in RTP timestamp units. */
        public long jitter() {
            return jitter;
        }

        public long lastSr() {
            return lastSr;
        }

        public long delaySinceLastSr() {
            return delaySinceLastSr;
        }

        void write(ByteArrayOutputStream out) {
            writeInt(out, (int) ssrc);
            writeInt(out, (fractionLost << 24) | (int) (cumulativeLost & 0xFFFFFF));
            writeInt(out, (int) extendedHighestSequence);
            writeInt(out, (int) jitter);
            writeInt(out, (int) lastSr);
            writeInt(out, (int) delaySinceLastSr);
        }
    }

    /** What {@link #parse} found in a compound packet. */
    public static final class Parsed {
        private final long senderSsrc;
        private final long ntpMiddle32;
        private final List<ReportBlock> blocks;

        Parsed(long senderSsrc, long ntpMiddle32, List<ReportBlock> blocks) {
            this.senderSsrc = senderSsrc;
            this.ntpMiddle32 = ntpMiddle32;
            this.blocks = blocks;
        }

        public long senderSsrc() {
            return senderSsrc;
        }

        /** Middle 32 bits of the NTP time of the last SR in the packet, or -1 if there was no SR (for LSR). */
        public long ntpMiddle32() {
            return ntpMiddle32;
        }

        public List<ReportBlock> blocks() {
            return blocks;
        }
    }

    /** Compound SR + SDES. {@code block} may be null when nothing has been received yet. */
    public static byte[] senderReport(long ssrc, long wallClockMillis, long rtpTimestamp, long packets,
                                      long octets, ReportBlock block, String cname) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(80);
        int rc = block == null ? 0 : 1;
        writeHeader(out, rc, SR, 6 + rc * 6);
        writeInt(out, (int) ssrc);
        long ntp = toNtp(wallClockMillis);
        writeInt(out, (int) (ntp >>> 32));
        writeInt(out, (int) ntp);
        writeInt(out, (int) rtpTimestamp);
        writeInt(out, (int) packets);
        writeInt(out, (int) octets);
        if (block != null) {
            block.write(out);
        }
        writeSdes(out, ssrc, cname);
        return out.toByteArray();
    }

    /** Compound RR + SDES. */
    public static byte[] receiverReport(long ssrc, ReportBlock block, String cname) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        int rc = block == null ? 0 : 1;
        writeHeader(out, rc, RR, 1 + rc * 6);
        writeInt(out, (int) ssrc);
        if (block != null) {
            block.write(out);
        }
        writeSdes(out, ssrc, cname);
        return out.toByteArray();
    }

    /** @return the parsed reports, or null if the data is not a valid RTCP compound packet */
    public static Parsed parse(byte[] data, int length) {
        if (length < 8 || length > data.length) {
            return null;
        }
        List<ReportBlock> blocks = new ArrayList<>();
        long sender = -1;
        long ntpMiddle = -1;
        int pos = 0;
        while (pos + 4 <= length) {
            int b0 = data[pos] & 0xFF;
            if ((b0 >> 6) != 2) {
                return null;
            }
            int count = b0 & 0x1F;
            int type = data[pos + 1] & 0xFF;
            int words = ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
            int end = pos + 4 + words * 4;
            if (end > length) {
                return null;
            }
            if (type == SR || type == RR) {
                int p = pos + 4;
                if (p + 4 > end) {
                    return null;
                }
                sender = RtpPacket.readInt(data, p) & 0xFFFFFFFFL;
                p += 4;
                if (type == SR) {
                    if (p + 20 > end) {
                        return null;
                    }
                    long msw = RtpPacket.readInt(data, p) & 0xFFFFFFFFL;
                    long lsw = RtpPacket.readInt(data, p + 4) & 0xFFFFFFFFL;
                    ntpMiddle = ((msw & 0xFFFF) << 16) | (lsw >>> 16);
                    p += 20;
                }
                for (int i = 0; i < count; i++) {
                    if (p + 24 > end) {
                        return null;
                    }
                    int lostWord = RtpPacket.readInt(data, p + 4);
                    int cumulative = (lostWord << 8) >> 8; // sign-extend 24 bits
                    blocks.add(new ReportBlock(RtpPacket.readInt(data, p) & 0xFFFFFFFFL, (lostWord >>> 24) & 0xFF,
                            cumulative, RtpPacket.readInt(data, p + 8) & 0xFFFFFFFFL,
                            RtpPacket.readInt(data, p + 12) & 0xFFFFFFFFL,
                            RtpPacket.readInt(data, p + 16) & 0xFFFFFFFFL,
                            RtpPacket.readInt(data, p + 20) & 0xFFFFFFFFL));
                    p += 24;
                }
            }
            pos = end;
        }
        return pos == length ? new Parsed(sender, ntpMiddle, blocks) : null;
    }

    /** 64-bit NTP timestamp (seconds since 1900 in the high word, binary fraction in the low word). */
    static long toNtp(long unixMillis) {
        long seconds = unixMillis / 1000 + NTP_OFFSET_SECONDS;
        long fraction = ((unixMillis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    static long ntpMiddle32(long unixMillis) {
        return (toNtp(unixMillis) >>> 16) & 0xFFFFFFFFL;
    }

    private static void writeSdes(ByteArrayOutputStream out, long ssrc, String cname) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(name.length, 255);
        int chunk = 4 + 2 + len + 1; // ssrc, CNAME item, END item
        int padded = (chunk + 3) & ~3;
        writeHeader(out, 1, SDES, padded / 4);
        writeInt(out, (int) ssrc);
        out.write(1); // CNAME
        out.write(len);
        out.write(name, 0, len);
        for (int i = 4 + 2 + len; i < padded; i++) {
            out.write(0); // END plus padding to a 32-bit boundary
        }
    }

    private static void writeHeader(ByteArrayOutputStream out, int count, int type, int lengthWords) {
        out.write(0x80 | count);
        out.write(type);
        out.write(lengthWords >> 8);
        out.write(lengthWords);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
