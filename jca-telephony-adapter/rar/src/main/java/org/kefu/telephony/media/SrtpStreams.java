package org.kefu.telephony.media;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;

/**
 * SRTP and SRTCP (RFC 3711, AES_CM_128_HMAC_SHA1_80) of one call leg: what we send is protected
 * with our key, what we receive is checked and decrypted with the peer's key from its SDES
 * attribute. A received packet whose tag does not verify, or that was seen before, is dropped and
 * counted ({@link RtpStats#authFailures()}, {@link RtpStats#replays()}); it never reaches the
 * jitter buffer, the DTMF decoder or the latch, so nobody without the key can speak into a call
 * or steer its audio elsewhere.
 * <p>
 * Threads: protecting runs on the media clock thread, unprotecting on the receive thread; the
 * library's contexts are synchronized, and each direction has its own.
 */
public final class SrtpStreams implements AutoCloseable {
    /**
     * The peer's streams kept at once: a phone may change SSRC (hold and retrieve, a restart), so
     * the oldest is forgotten to make room. Only a stream whose packet authenticated is kept, so
     * nobody without the key can fill this or push a real stream out.
     */
    private static final int MAX_REMOTE_SSRCS = 4;

    static {
        // The JDK's AES (SunJCE, on the CPU's AES instructions), chosen outright: left to itself the
        // library loads a native OpenSSL binding into the application server and times every
        // provider for seconds on each deployment.
        org.jitsi.srtp.crypto.Aes.setFactoryClassName("org.jitsi.srtp.crypto.Aes$SunJCECipherFactory");
    }

    private final SrtpKey localKey;
    private final SrtpKey remoteKey;
    private final SrtpContextFactory sender;
    private final SrtpContextFactory receiver;
    private final Map<Long, SrtpCryptoContext> outboundRtp = new HashMap<>(2);
    private final Map<Long, SrtcpCryptoContext> outboundRtcp = new HashMap<>(2);
    private final Map<Long, SrtpCryptoContext> inboundRtp = new java.util.LinkedHashMap<>(8);
    private final Map<Long, SrtcpCryptoContext> inboundRtcp = new java.util.LinkedHashMap<>(8);

    public SrtpStreams(SrtpKey localKey, SrtpKey remoteKey) {
        this.localKey = localKey;
        this.remoteKey = remoteKey;
        this.sender = new SrtpContextFactory(true, localKey.masterKey(), localKey.masterSalt(), policy(), policy(),
                SrtpLibraryLog.INSTANCE);
        this.receiver = new SrtpContextFactory(false, remoteKey.masterKey(), remoteKey.masterSalt(), policy(),
                policy(), SrtpLibraryLog.INSTANCE);
    }

    /** AES-CM with a 128-bit key, HMAC-SHA1 with a 160-bit key and an 80-bit tag, 112-bit salt (RFC 3711 section 5). */
    private static SrtpPolicy policy() {
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, SrtpKey.KEY_BYTES, SrtpPolicy.HMACSHA1_AUTHENTICATION,
                20, 10, SrtpKey.SALT_BYTES);
    }

    /**
     * Makes the library choose its AES implementation now (it loads its OpenSSL binding and times
     * the JDK's, OpenSSL's and BouncyCastle's AES for about a second and a half, once per class
     * loader) by protecting and checking one packet. Called when the switch starts: done by the
     * first call instead, it stalled the single media receive or clock thread, and so every call's
     * audio, for that long.
     *
     * @return how long it took, in milliseconds
     */
    public static long prepare() {
        long start = System.nanoTime();
        SrtpKey a = SrtpKey.random();
        SrtpKey b = SrtpKey.random();
        try (SrtpStreams sender = new SrtpStreams(a, b); SrtpStreams receiver = new SrtpStreams(b, a)) {
            byte[] packet = new byte[64];
            packet[0] = (byte) 0x80;
            int len = sender.protectRtp(packet, 12 + 20);
            if (len < 0 || receiver.unprotectRtp(packet, len, new RtpStats()) < 0) {
                throw new IllegalStateException("SRTP self-test failed: a protected packet did not verify");
            }
            byte[] report = java.util.Arrays.copyOf(RtcpPacket.receiverReport(1, null, "kefu"), 128);
            int rlen = sender.protectRtcp(report, RtcpPacket.receiverReport(1, null, "kefu").length);
            if (rlen < 0 || receiver.unprotectRtcp(report, rlen, new RtpStats()) < 0) {
                throw new IllegalStateException("SRTCP self-test failed: a protected report did not verify");
            }
        }
        return (System.nanoTime() - start) / 1_000_000L;
    }

    public SrtpKey localKey() {
        return localKey;
    }

    public SrtpKey remoteKey() {
        return remoteKey;
    }

    /**
     * Encrypts and tags the RTP packet of {@code length} bytes at the start of {@code packet}, in place.
     *
     * @return the SRTP packet's length (10 bytes more), or -1 when it could not be protected (then send nothing)
     */
    public int protectRtp(byte[] packet, int length) {
        if (length < 12) {
            return -1;
        }
        long ssrc = readInt(packet, 8);
        PacketBuffer b = new PacketBuffer(packet).packet(length);
        try {
            SrtpCryptoContext c;
            synchronized (outboundRtp) {
                c = outboundRtp.get(ssrc);
                if (c == null) {
                    c = sender.deriveContext((int) ssrc, 0);
                    outboundRtp.put(ssrc, c);
                }
            }
            return c.transformPacket(b) == SrtpErrorStatus.OK ? b.getLength() : -1;
        } catch (GeneralSecurityException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Checks and decrypts the SRTP packet at the start of {@code packet}, in place.
     *
     * @return the plain RTP packet's length, or -1 when it is dropped (counted in {@code stats})
     */
    public int unprotectRtp(byte[] packet, int length, RtpStats stats) {
        if (length < 12 + 10 || (packet[0] & 0xC0) != 0x80) {
            stats.recordMalformed();
            return -1;
        }
        long ssrc = readInt(packet, 8);
        PacketBuffer b = new PacketBuffer(packet).packet(length);
        try {
            SrtpCryptoContext c;
            boolean fresh = false;
            synchronized (inboundRtp) {
                c = inboundRtp.get(ssrc);
                if (c == null) {
                    c = receiver.deriveContext((int) ssrc, 0);
                    fresh = true;
                }
            }
            SrtpErrorStatus status = c.reverseTransformPacket(b, false);
            if (status == SrtpErrorStatus.OK) {
                if (fresh) {
                    synchronized (inboundRtp) {
                        keep(inboundRtp, ssrc, c); // only a stream that proved it has the key is kept
                    }
                }
                return b.getLength();
            }
            count(status, stats);
            return -1;
        } catch (GeneralSecurityException | RuntimeException e) {
            stats.recordMalformed();
            return -1;
        }
    }

    /** Encrypts and tags an RTCP compound packet in place (E flag and index appended, RFC 3711 section 3.4). */
    public int protectRtcp(byte[] packet, int length) {
        if (length < 8) {
            return -1;
        }
        long ssrc = readInt(packet, 4);
        PacketBuffer b = new PacketBuffer(packet).packet(length);
        try {
            SrtcpCryptoContext c;
            synchronized (outboundRtcp) {
                c = outboundRtcp.get(ssrc);
                if (c == null) {
                    c = sender.deriveControlContext((int) ssrc);
                    outboundRtcp.put(ssrc, c);
                }
            }
            return c.transformPacket(b) == SrtpErrorStatus.OK ? b.getLength() : -1;
        } catch (GeneralSecurityException | RuntimeException e) {
            return -1;
        }
    }

    /** Checks and decrypts an SRTCP packet in place; -1 when dropped (counted in {@code stats}). */
    public int unprotectRtcp(byte[] packet, int length, RtpStats stats) {
        if (length < 8 + 4 + 10 || (packet[0] & 0xC0) != 0x80) {
            stats.recordMalformed();
            return -1;
        }
        long ssrc = readInt(packet, 4);
        PacketBuffer b = new PacketBuffer(packet).packet(length);
        try {
            SrtcpCryptoContext c;
            boolean fresh = false;
            synchronized (inboundRtcp) {
                c = inboundRtcp.get(ssrc);
                if (c == null) {
                    c = receiver.deriveControlContext((int) ssrc);
                    fresh = true;
                }
            }
            SrtpErrorStatus status = c.reverseTransformPacket(b);
            if (status == SrtpErrorStatus.OK) {
                if (fresh) {
                    synchronized (inboundRtcp) {
                        keep(inboundRtcp, ssrc, c);
                    }
                }
                return b.getLength();
            }
            count(status, stats);
            return -1;
        } catch (GeneralSecurityException | RuntimeException e) {
            stats.recordMalformed();
            return -1;
        }
    }

    private static <C> void keep(Map<Long, C> streams, long ssrc, C context) {
        if (streams.putIfAbsent(ssrc, context) == null && streams.size() > MAX_REMOTE_SSRCS) {
            var oldest = streams.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static void count(SrtpErrorStatus status, RtpStats stats) {
        switch (status) {
            case REPLAY_FAIL, REPLAY_OLD -> stats.recordReplay();
            case AUTH_FAIL -> stats.recordAuthFailure();
            default -> stats.recordMalformed();
        }
    }

    private static long readInt(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }
}
