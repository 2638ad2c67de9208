package org.kefu.telephony.switching;

import org.kefu.telephony.media.MediaClock;

import org.jboss.logging.Logger;
import org.kefu.telephony.media.AudioCodec;
import org.kefu.telephony.media.MediaEngine;
import org.kefu.telephony.media.MediaSession;
import org.kefu.telephony.media.SdpMedia;
import org.kefu.telephony.media.SdesCrypto;
import org.kefu.telephony.media.SrtpStreams;
import org.kefu.telephony.sip.MediaDirection;
import org.kefu.telephony.sip.MediaSecurity;
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
    /** The legs whose last offer from us was RTP/SAVP: their answer must be SRTP too (RFC 4568 section 7.1.3). */
    private final Map<String, Boolean> offeredSrtp = new ConcurrentHashMap<>();
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
        return answer(sipCallId, remoteOffer, MediaSecurity.CLEAR_ONLY);
    }

    /**
     * RTP/SAVP with a usable a=crypto is answered RTP/SAVP with this leg's own key when the leg may
     * carry keys; RTP/AVP is answered in clear unless the leg must be SRTP.
     */
    @Override
    public SdpAnswer answer(String sipCallId, String remoteOffer, MediaSecurity security) {
        if (security == MediaSecurity.REFUSED) {
            return SdpAnswer.refuse("SIP over TLS and SRTP required for extensions");
        }
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
            if (!n.secure()) {
                if (security == MediaSecurity.SRTP_ONLY) {
                    return SdpAnswer.refuse("SRTP required (RTP/SAVP with a=crypto " + SdesCrypto.SUITE + ")");
                }
                session.connect(n.remoteHost(), n.remotePort(), n.codec().payloadType(), n.dtmfPayloadType(), peerSends(n));
                return SdpAnswer.accept(SdpMedia.answerSdp(n, advertisedHost, session.localPort()));
            }
            if (!security.offersSrtp()) {
                // The offer's key crossed the network in clear (or SRTP is off): using it would only
                // pretend to protect the call, and RTP/SAVP cannot be answered with plain RTP.
                return SdpAnswer.refuse("SRTP offered where keys may not travel (signalling not TLS, or SrtpPolicy=off)");
            }
            if (n.cryptos().isEmpty()) {
                return SdpAnswer.reject("no supported SRTP crypto suite (only " + SdesCrypto.SUITE + " without MKI)");
            }
            SdesCrypto theirs = n.cryptos().get(0); // the offerer's preference
            session.connect(n.remoteHost(), n.remotePort(), n.codec().payloadType(), n.dtmfPayloadType(), peerSends(n),
                    session.srtpFor(theirs.key()));
            return SdpAnswer.accept(SdpMedia.answerSdp(n, advertisedHost, session.localPort(),
                    new SdesCrypto(theirs.tag(), session.localSrtpKey())));
        } catch (IOException e) {
            LOG.warnf("No media port for call %s: %s", sipCallId, e.getMessage());
            return SdpAnswer.reject("no media resources");
        }
    }

    @Override
    public String offer(String sipCallId, MediaDirection direction) {
        return offer(sipCallId, direction, MediaSecurity.CLEAR_ONLY);
    }

    @Override
    public String offer(String sipCallId, MediaDirection direction, MediaSecurity security) {
        try {
            MediaSession session = sessions.get(sipCallId);
            if (session == null) {
                session = engine.createSession();
                sessions.put(sipCallId, session);
            }
            boolean srtp = security.offersSrtp();
            offeredSrtp.put(sipCallId, srtp);
            String sdp = SdpMedia.offer(advertisedHost, session.localPort(), CODECS, SdpMedia.DEFAULT_DTMF_PAYLOAD_TYPE,
                    srtp ? new SdesCrypto(1, session.localSrtpKey()) : null);
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
            boolean offered = offeredSrtp.getOrDefault(sipCallId, false);
            if (offered != n.secure()) {
                // An answer must keep the offer's transport: SRTP offered and plain answered (or the
                // reverse) would send audio in clear or garbage. No media rather than either.
                LOG.warnf("SDP answer on call %s is %s to our %s offer: media not started", sipCallId,
                        n.secure() ? "RTP/SAVP" : "RTP/AVP", offered ? "RTP/SAVP" : "RTP/AVP");
                return;
            }
            SrtpStreams srtp = null;
            if (offered) {
                SdesCrypto theirs = n.cryptos().stream().filter(c -> c.tag() == 1).findFirst().orElse(null);
                if (theirs == null) {
                    LOG.warnf("SDP answer on call %s has no usable a=crypto for our tag 1: media not started", sipCallId);
                    return;
                }
                srtp = session.srtpFor(theirs.key());
            }
            session.connect(n.remoteHost(), n.remotePort(), n.codec().payloadType(), n.dtmfPayloadType(), peerSends(n), srtp);
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
        offeredSrtp.remove(sipCallId);
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
