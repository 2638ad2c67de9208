package org.kefu.telephony.sip;

/**
 * The seam between signalling and the media engine (package org.kefu.telephony.media, another team).
 * Signalling only moves SDP strings; the media side owns ports, codecs and RTP.
 * Called on application executor threads. Offers and answers are the media part of a body (c=, m=
 * and a= lines); the SIP layer adds the session lines (v=, o=, s=, t=) of the leg ({@code SdpSessions}).
 */
public interface MediaNegotiator {

    /** Answer a remote offer (initial INVITE or re-INVITE) for the call; reject → 488 Not Acceptable Here. */
    SdpAnswer answer(String callId, String remoteOffer);

    /** A local offer for an outgoing INVITE, or for a re-INVITE putting the call on hold / retrieving it. */
    String offer(String callId, MediaDirection direction);

    /**
     * Answer a remote offer under the leg's SRTP rules: an RTP/SAVP offer is answered with SRTP
     * only when {@code security} allows keys on this leg. A negotiator without SRTP refuses what
     * it cannot honour.
     */
    default SdpAnswer answer(String callId, String remoteOffer, MediaSecurity security) {
        if (security == MediaSecurity.REFUSED || security == MediaSecurity.SRTP_ONLY) {
            return SdpAnswer.refuse("SRTP required, and not supported by this media engine");
        }
        return answer(callId, remoteOffer);
    }

    /** A local offer under the leg's SRTP rules: RTP/SAVP with our key only when {@code security} offers SRTP. */
    default String offer(String callId, MediaDirection direction, MediaSecurity security) {
        return offer(callId, direction);
    }

    /** The remote side's answer to our last offer. */
    void answered(String callId, String remoteAnswer);

    /** The call is over: free ports and streams. */
    void released(String callId);

    /**
     * A DTMF digit the far end sent out of band (SIP INFO, application/dtmf-relay), to be heard
     * exactly as an RFC 4733 one.
     *
     * @return false when the call has no media session (the INFO is then answered 481)
     */
    default boolean digit(String callId, char digit) {
        return false;
    }

    /**
     * How long the far end of this call has sent no RTP although its last SDP says it sends
     * (sendrecv), in milliseconds; -1 when it is not expected to send (it holds the
     * call, we hold it, no media yet) or the call has no media session.
     */
    default long silentMillis(String callId) {
        return -1;
    }
}
