package org.kefu.telephony.sip;

import java.util.Locale;

/**
 * When calls' media must be SRTP (resource-adapter property {@code SrtpPolicy},
 * {@code -Dkefu.media.srtp}). SRTP here is keyed by SDES (RFC 4568): the keys travel in the SDP, so
 * they are only ever sent or accepted on a leg whose signalling is TLS.
 */
public enum SrtpPolicy {
    /** Plain RTP only: an RTP/SAVP offer is refused (488), Kefu never offers SRTP. */
    OFF,
    /** SRTP on TLS legs: accepted when offered over TLS, offered on legs signalled over TLS; plain RTP otherwise. */
    OPTIONAL,
    /**
     * Extensions (registered desk phones) must use TLS and SRTP: their REGISTER over UDP or TCP is
     * refused (403), their INVITE without TLS or without an SRTP offer is refused (488). Trunks as for OPTIONAL.
     */
    REQUIRED;

    /** From the property's text (off, optional, required; any case); blank means the default, OPTIONAL. */
    public static SrtpPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return OPTIONAL;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SrtpPolicy must be off, optional or required, not '" + text + "'");
        }
    }
}
