package org.kefu.telephony.sip;

/**
 * What one call leg's media may and must be, from the {@link SrtpPolicy}, whether the leg's
 * signalling is TLS and whether its far end is an extension (a desk phone) rather than a trunk.
 * The SIP layer decides this (it knows the transport and who the peer is); the
 * {@link MediaNegotiator} applies it to the SDP.
 */
public enum MediaSecurity {
    /** Plain RTP only: keys may not travel here (signalling in clear) or SRTP is off. An RTP/SAVP offer is refused. */
    CLEAR_ONLY,
    /** A TLS leg: SRTP is offered, and accepted when offered; plain RTP is accepted too. */
    SRTP_PREFERRED,
    /** SRTP or nothing: an extension's TLS leg under {@link SrtpPolicy#REQUIRED}. */
    SRTP_ONLY,
    /** No media at all: an extension under {@link SrtpPolicy#REQUIRED} signalling without TLS (488). */
    REFUSED;

    public static MediaSecurity forLeg(SrtpPolicy policy, boolean tls, boolean extension) {
        if (policy == SrtpPolicy.OFF) {
            return CLEAR_ONLY;
        }
        if (policy == SrtpPolicy.REQUIRED && extension) {
            return tls ? SRTP_ONLY : REFUSED;
        }
        return tls ? SRTP_PREFERRED : CLEAR_ONLY;
    }

    /** Whether our offers on this leg carry a key (RTP/SAVP with a=crypto). */
    public boolean offersSrtp() {
        return this == SRTP_PREFERRED || this == SRTP_ONLY;
    }
}
