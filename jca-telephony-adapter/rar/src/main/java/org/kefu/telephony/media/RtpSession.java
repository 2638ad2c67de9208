package org.kefu.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * The RTP transport of one call leg: a bound RTP/RTCP port pair, the remote address, packetising
 * and sending of 20 ms G.711 frames and RFC 4733 events, and the receive path (validation,
 * symmetric-RTP latching, jitter buffer, DTMF decoding). It owns no thread: receive callbacks come
 * from the shared {@link RtpReceiver}, sends from the shared {@link MediaClock}.
 * <p>
 * Latching: the first valid RTP packet from the host the SDP named fixes the peer (any port on that
 * host, for a NAT that rewrites ports; "symmetric RTP", RFC 4961); afterwards packets from any other
 * address are dropped and counted, and we send to the latched address. Packets from other hosts are
 * never latched to: whoever could send first from anywhere would otherwise take over the call's audio
 * (hear the caller, or speak into a PIN prompt).
 */
public final class RtpSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RtpSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RTCP_INTERVAL_MILLIS = 5000;

    private final PortAllocator.Lease ports;
    private final RtpStats stats = new RtpStats();
    private final JitterBuffer jitterBuffer;
    private final DtmfDecoder dtmfDecoder = new DtmfDecoder();
    private final long ssrc = RANDOM.nextInt() & 0xFFFFFFFFL;
    private final String cname;
    private final long startNanos = System.nanoTime();
    private final IntConsumer digitSink;

    private volatile InetSocketAddress remote;
    private volatile InetSocketAddress latched;
    private volatile AudioCodec codec;
    private volatile int dtmfPayloadType = -1;
    private volatile long remoteSsrc;
    private volatile long lastSrMiddle = 0;
    private volatile long lastSrArrivalNanos;
    private volatile boolean closed;
    /** Whether the peer's SDP says it sends (sendrecv/sendonly), and when we last heard it (or connected). */
    private volatile boolean peerSends;
    private volatile long lastHeardNanos = System.nanoTime();
    /** SRTP keys of this leg when its SDP negotiated RTP/SAVP, else null (plain RTP). */
    private volatile SrtpStreams srtp;

    // send state, clock thread only
    private int sequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xFFFFFFFFL;
    private boolean firstPacket = true;
    private long nextRtcpMillis = -1;
    /**
     * Direct, so a send is one copy-free system call; audio packets are written straight into it
     * (header, then each sample encoded), so a 20 ms packet allocates nothing: with 1,000 calls
     * that is 50,000 packets a second, and the garbage they made used to cost GC pauses that
     * delayed whole ticks.
     */
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(1500);
    /** Where SRTP packets are protected (the library works on arrays): room for the packet and its tag. Clock thread. */
    private final byte[] protectBytes = new byte[1500 + 64];
    private final ByteBuffer protectBuffer = ByteBuffer.wrap(protectBytes);

    /**
     * @param digitSink receives each new DTMF digit (as a char) on the receive thread; must not block
     */
    RtpSession(PortAllocator.Lease ports, int jitterDepth, IntConsumer digitSink) {
        this.ports = ports;
        this.jitterBuffer = new JitterBuffer(jitterDepth, stats);
        this.digitSink = digitSink;
        this.cname = "kefu-" + Long.toHexString(ssrc) + "@" + ports.rtpPort();
    }

    void register(RtpReceiver receiver) throws IOException {
        ports.attach(receiver, this::onRtp, this::onRtcp);
    }

    /**
     * Sets the peer from SDP. Re-connecting (re-INVITE) clears the latch so the new address is used.
     *
     * @param dtmfPayloadType negotiated telephone-event payload type, or -1 for none
     */
    public void connect(InetSocketAddress remote, AudioCodec codec, int dtmfPayloadType) {
        connect(remote, codec, dtmfPayloadType, true);
    }

    /** @param peerSends whether the peer's SDP direction has it send audio (sendrecv or sendonly) */
    public void connect(InetSocketAddress remote, AudioCodec codec, int dtmfPayloadType, boolean peerSends) {
        connect(remote, codec, dtmfPayloadType, peerSends, null);
    }

    /**
     * @param srtp the leg's SRTP keys when the SDP negotiated RTP/SAVP; null for plain RTP. Set before
     *             the address, so no packet leaves unprotected once the peer is known.
     */
    public void connect(InetSocketAddress remote, AudioCodec codec, int dtmfPayloadType, boolean peerSends,
                        SrtpStreams srtp) {
        SrtpStreams previous = this.srtp;
        this.srtp = srtp;
        if (previous != null && previous != srtp) {
            previous.close();
        }
        this.lastHeardNanos = System.nanoTime(); // the silence timer starts now, and again at each new SDP
        this.peerSends = peerSends && !remote.getAddress().isAnyLocalAddress();
        this.codec = codec;
        this.dtmfPayloadType = dtmfPayloadType;
        this.latched = null;
        this.remote = remote;
    }

    public boolean isConnected() {
        return remote != null;
    }

    public int localPort() {
        return ports.rtpPort();
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) ports.rtp().getLocalAddress();
    }

    /** Milliseconds since the peer last sent valid RTP (or since connect), or -1 if it is not expected to send. */
    public long silentMillis() {
        if (closed || remote == null || !peerSends) {
            return -1;
        }
        return (System.nanoTime() - lastHeardNanos) / 1_000_000L;
    }

    public RtpStats stats() {
        return stats;
    }

    /** Whether this leg's media is SRTP. */
    public boolean isSecure() {
        return srtp != null;
    }

    /** The leg's SRTP keys, or null for plain RTP. */
    SrtpStreams srtp() {
        return srtp;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The address we send to: the latched source if any, else the SDP address. */
    public InetSocketAddress peer() {
        InetSocketAddress l = latched;
        return l != null ? l : remote;
    }

    // ---------------------------------------------------------------- receive (receiver thread)

    private void onRtp(byte[] data, int length, InetSocketAddress from) {
        AudioCodec c = codec;
        if (closed || c == null) {
            return; // not negotiated yet: nothing can be played anyway
        }
        InetSocketAddress l = latched;
        if (l != null ? !l.equals(from) : !fromSdpHost(from)) {
            stats.recordWrongSource();
            return;
        }
        SrtpStreams keys = srtp;
        if (keys != null) {
            // Before anything else looks at it: a packet that does not authenticate is not heard,
            // does not latch, and does not count as the peer being there.
            length = keys.unprotectRtp(data, length, stats);
            if (length < 0) {
                return;
            }
        }
        RtpPacket packet = RtpPacket.decode(data, 0, length);
        if (packet == null) {
            stats.recordMalformed();
            return;
        }
        int pt = packet.payloadType();
        if (pt >= 72 && pt <= 76) {
            stats.recordMalformed(); // RTCP multiplexed or garbage: RTP pt 72-76 collide with RTCP
            return;
        }
        lastHeardNanos = System.nanoTime(); // comfort noise (PT 13) and the like also say the peer is there
        boolean audio = pt == c.payloadType();
        boolean dtmf = pt == dtmfPayloadType;
        if (!audio && !dtmf) {
            stats.recordUnknownPayloadType();
            return;
        }
        if (l == null) {
            latched = from; // symmetric RTP: from now on only this source counts
        }
        remoteSsrc = packet.ssrc();
        stats.recordReceived(packet.sequence(), packet.timestamp(), arrivalTimestamp(), packet.payload().length);
        if (audio) {
            byte[] p = packet.payload();
            jitterBuffer.offer(packet.sequence(), c.decode(p, 0, p.length));
        } else {
            char digit = dtmfDecoder.onPacket(packet.timestamp(), TelephoneEvent.decode(packet.payload()));
            if (digit != 0) {
                digitSink.accept(digit);
            }
        }
    }

    /** Whether a packet comes from the host the peer's SDP named (the only host we latch to). */
    private boolean fromSdpHost(InetSocketAddress from) {
        InetSocketAddress r = remote;
        return r != null && r.getAddress().equals(from.getAddress());
    }

    private void onRtcp(byte[] data, int length, InetSocketAddress from) {
        InetSocketAddress l = latched;
        if (closed || (l != null ? !l.getAddress().equals(from.getAddress()) : !fromSdpHost(from))) {
            return;
        }
        SrtpStreams keys = srtp;
        if (keys != null) {
            length = keys.unprotectRtcp(data, length, stats);
            if (length < 0) {
                return;
            }
        }
        RtcpPacket.Parsed parsed = RtcpPacket.parse(data, length);
        if (parsed == null) {
            return;
        }
        if (parsed.ntpMiddle32() >= 0) {
            lastSrMiddle = parsed.ntpMiddle32();
            lastSrArrivalNanos = System.nanoTime();
        }
        for (RtcpPacket.ReportBlock b : parsed.blocks()) {
            if (b.ssrc() == ssrc) {
                stats.recordRemoteReport(b);
            }
        }
    }

    private long arrivalTimestamp() {
        return (System.nanoTime() - startNanos) / 125_000L; // 8 kHz units
    }

    /** The next 20 ms of received audio (silence or concealment if nothing arrived). Clock thread. */
    short[] receiveFrame() {
        return jitterBuffer.poll();
    }

    // ---------------------------------------------------------------- send (clock thread)

    /** The RTP timestamp the current tick's packet carries. */
    long currentTimestamp() {
        return timestamp;
    }

    /** Ends the tick: the next packet is 20 ms later, whether or not anything was sent. */
    void advance(long nowMillis) {
        timestamp = (timestamp + Audio.FRAME_SAMPLES) & 0xFFFFFFFFL;
        if (nextRtcpMillis < 0) {
            nextRtcpMillis = nowMillis + RTCP_INTERVAL_MILLIS;
        } else if (nowMillis >= nextRtcpMillis) {
            nextRtcpMillis = nowMillis + RTCP_INTERVAL_MILLIS;
            sendRtcp();
        }
    }

    void sendAudio(short[] frame) {
        AudioCodec c = codec;
        InetSocketAddress to = peer();
        if (c == null || to == null || closed || to.getAddress().isAnyLocalAddress()) {
            return;
        }
        ByteBuffer b = sendBuffer;
        b.clear();
        b.put((byte) 0x80).put((byte) ((firstPacket ? 0x80 : 0) | c.payloadType()))
                .putShort((short) sequence).putInt((int) timestamp).putInt((int) ssrc);
        for (short sample : frame) {
            b.put(c.encode(sample));
        }
        b.flip();
        transmit(b, to, frame.length);
    }

    void sendEvent(DtmfSender.Step step) {
        if (dtmfPayloadType < 0) {
            return; // peer did not negotiate telephone-event: nothing we can do in-band here
        }
        send(new RtpPacket(step.marker(), dtmfPayloadType, sequence, step.timestamp(), ssrc, step.event().encode()));
    }

    boolean canSendDtmf() {
        return dtmfPayloadType >= 0;
    }

    private void send(RtpPacket packet) {
        InetSocketAddress to = peer();
        if (to == null || closed || to.getAddress().isAnyLocalAddress()) {
            return;
        }
        sendBuffer.clear();
        sendBuffer.put(packet.encode()).flip();
        transmit(sendBuffer, to, packet.payload().length);
    }

    /** Sends one packet built in {@code b}; the sequence number moves on whether or not the send worked. */
    private void transmit(ByteBuffer b, InetSocketAddress to, int payloadLength) {
        sequence = (sequence + 1) & 0xFFFF;
        firstPacket = false;
        SrtpStreams keys = srtp;
        if (keys != null) {
            int plain = b.remaining();
            b.get(protectBytes, 0, plain);
            int protectedLength = keys.protectRtp(protectBytes, plain);
            if (protectedLength < 0) {
                return; // never in clear
            }
            protectBuffer.clear().limit(protectedLength);
            b = protectBuffer;
        }
        try {
            if (ports.rtp().send(b, to) > 0) {
                stats.recordSent(payloadLength);
            }
        } catch (IOException e) {
            LOG.debugf("RTP send to %s failed: %s", to, e.getMessage());
        }
    }

    private void sendRtcp() {
        InetSocketAddress to = peer();
        if (to == null || closed || to.getAddress().isAnyLocalAddress()) {
            return;
        }
        long lsr = lastSrMiddle;
        long dlsr = lsr == 0 ? 0 : (System.nanoTime() - lastSrArrivalNanos) * 65536L / 1_000_000_000L;
        RtcpPacket.ReportBlock block = stats.packetsReceived() > 0 ? stats.reportBlock(remoteSsrc, lsr, dlsr) : null;
        byte[] bytes = stats.packetsSent() > 0
                ? RtcpPacket.senderReport(ssrc, System.currentTimeMillis(), timestamp, stats.packetsSent(),
                        stats.octetsSent(), block, cname)
                : RtcpPacket.receiverReport(ssrc, block, cname);
        int length = bytes.length;
        SrtpStreams keys = srtp;
        if (keys != null) {
            bytes = java.util.Arrays.copyOf(bytes, length + 32); // room for the SRTCP index and tag
            length = keys.protectRtcp(bytes, length);
            if (length < 0) {
                return;
            }
        }
        try {
            ports.rtcp().send(ByteBuffer.wrap(bytes, 0, length), new InetSocketAddress(to.getAddress(), to.getPort() + 1));
        } catch (IOException e) {
            LOG.debugf("RTCP send failed: %s", e.getMessage());
        }
    }

    /** Sends one RTCP report now (normally every 5 s from the clock). */
    void sendRtcpNow() {
        sendRtcp();
    }

    /** The peer's media address from SDP: an IP literal (never a DNS lookup) of a unicast or unspecified host. */
    static InetSocketAddress resolve(String host, int port) {
        return new InetSocketAddress(SdpMedia.mediaAddress(host), port);
    }

    @Override
    public void close() {
        closed = true;
        SrtpStreams keys = srtp;
        if (keys != null) {
            keys.close();
        }
        ports.close(); // back to the pool, or closed; nothing more reaches this session
    }
}
