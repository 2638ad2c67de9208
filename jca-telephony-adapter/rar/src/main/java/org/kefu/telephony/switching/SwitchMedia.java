package org.kefu.telephony.switching;

import org.kefu.telephony.media.MediaClock;

import org.jboss.logging.Logger;
import org.kefu.telephony.media.AudioCodec;
import org.kefu.telephony.media.MediaEngine;
import org.kefu.telephony.media.MediaSession;
import org.kefu.telephony.media.SdpMedia;
import org.kefu.telephony.sip.MediaDirection;
import org.kefu.telephony.sip.MediaNegotiator;
import org.kefu.telephony.sip.SdpAnswer;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SDP offer/answer for the SIP legs, backed by one media session per leg (keyed by SIP Call-ID):
 * Kefu anchors all media, which is what lets it play prompts, collect digits, record and mix.
 */
final class SwitchMedia implements MediaNegotiator {

    private static final Logger LOG = Logger.getLogger(SwitchMedia.class);
    private static final List<AudioCodec> CODECS = List.of(AudioCodec.PCMU, AudioCodec.PCMA);

    private final MediaEngine engine;
    private final String advertisedHost;
    private final Map<String, MediaSession> sessions = new ConcurrentHashMap<>();
    // Totals of ended sessions, for the status line and the media benchmark.
    private final java.util.concurrent.atomic.LongAdder packetsIn = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder packetsLate = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder packetsLost = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder packetsOut = new java.util.concurrent.atomic.LongAdder();

    SwitchMedia(MediaEngine engine, String advertisedHost) {
        this.engine = engine;
        this.advertisedHost = advertisedHost;
    }

    MediaSession session(String sipCallId) {
        return sessions.get(sipCallId);
    }

    int activeSessions() {
        return sessions.size();
    }

    /**
     * One line on media health: sessions now, packets in (late and lost as a share), packets out
     * (the share sent late: in a 20 ms tick that started over 10 ms behind its time), and how many
     * ticks with sessions to serve ran late.
     */
    String summary() {
        long in = packetsIn.sum();
        MediaClock clock = engine.clock();
        long ticks = clock.timedTicks();
        long sends = clock.timedSends();
        return String.format(java.util.Locale.ROOT,
                "media: %d session(s), %d packets in (%.3f%% late, %.3f%% lost), %d out (%.3f%% sent late: %d of %d), %.3f%% ticks late (%d of %d), slowest tick %d us",
                sessions.size(), in, in == 0 ? 0.0 : 100.0 * packetsLate.sum() / in,
                in == 0 ? 0.0 : 100.0 * packetsLost.sum() / in, packetsOut.sum(),
                sends == 0 ? 0.0 : 100.0 * clock.lateSends() / sends, clock.lateSends(), sends,
                ticks == 0 ? 0.0 : 100.0 * clock.lateTicks() / ticks, clock.lateTicks(), ticks, clock.maxTickMicros());
    }

    @Override
    public boolean digit(String sipCallId, char digit) {
        MediaSession s = sessions.get(sipCallId);
        if (s == null) {
            return false;
        }
        s.injectDigit(digit);
        return true;
    }

    @Override
    public SdpAnswer answer(String sipCallId, String remoteOffer) {
        SdpMedia.Negotiated n;
        try {
            n = SdpMedia.negotiate(remoteOffer, CODECS);
        } catch (SdpMedia.NotAcceptableException e) {
            return SdpAnswer.reject(e.getMessage());
        } catch (RuntimeException e) {
            return SdpAnswer.reject("unreadable SDP");
        }
        try {
            MediaSession session = sessions.get(sipCallId);
            if (session == null) {
                session = engine.createSession();
                sessions.put(sipCallId, session);
            }
            session.connect(n.remoteHost(), n.remotePort(), n.codec().payloadType(), n.dtmfPayloadType(), peerSends(n));
            return SdpAnswer.accept(SdpMedia.answerSdp(n, advertisedHost, session.localPort()));
        } catch (IOException e) {
            LOG.warnf("No media port for call %s: %s", sipCallId, e.getMessage());
            return SdpAnswer.reject("no media resources");
        }
    }

    @Override
    public String offer(String sipCallId, MediaDirection direction) {
        try {
            MediaSession session = sessions.get(sipCallId);
            if (session == null) {
                session = engine.createSession();
                sessions.put(sipCallId, session);
            }
            String sdp = SdpMedia.offer(advertisedHost, session.localPort(), CODECS, SdpMedia.DEFAULT_DTMF_PAYLOAD_TYPE);
            return direction == MediaDirection.SENDRECV ? sdp : sdp.replace("a=sendrecv", "a=" + direction.attribute());
        } catch (IOException e) {
            throw new IllegalStateException("no media resources: " + e.getMessage(), e);
        }
    }

    @Override
    public void answered(String sipCallId, String remoteAnswer) {
        MediaSession session = sessions.get(sipCallId);
        if (session == null) {
            return;
        }
        try {
            SdpMedia.Negotiated n = SdpMedia.negotiate(remoteAnswer, CODECS);
            session.connect(n.remoteHost(), n.remotePort(), n.codec().payloadType(), n.dtmfPayloadType(), peerSends(n));
        } catch (RuntimeException e) {
            LOG.warnf("Unusable SDP answer on call %s: %s", sipCallId, e.getMessage());
        }
    }

    /**
     * Whether the peer's silence means it is gone: only when its SDP says sendrecv. A phone holding
     * a call offers sendonly and often sends nothing at all.
     */
    private static boolean peerSends(SdpMedia.Negotiated n) {
        return n.direction().equals("sendrecv");
    }

    @Override
    public long silentMillis(String sipCallId) {
        MediaSession s = sessions.get(sipCallId);
        return s == null ? -1 : s.silentMillis();
    }

    @Override
    public void released(String sipCallId) {
        MediaSession session = sessions.remove(sipCallId);
        if (session != null) {
            session.close();
            var stats = session.stats();
            packetsIn.add(stats.packetsReceived());
            packetsLate.add(stats.late());
            packetsLost.add(stats.lost());
            packetsOut.add(stats.packetsSent());
        }
    }
}
