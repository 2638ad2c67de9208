package org.kefu.telephony.sip;

/** Why a call ended (completes {@link SipCall#ended()}). */
public enum CallEnd {
    /** the far end sent BYE */
    REMOTE_HANGUP,
    /** we sent BYE */
    LOCAL_HANGUP,
    /** the caller cancelled before answer (inbound) or we cancelled (outbound) */
    CANCELLED,
    /** a final non-2xx response ended the INVITE */
    REJECTED,
    /** no final response / no ACK in time */
    TIMEOUT,
    /** we sent BYE: the call reached its maximum duration */
    MAX_DURATION,
    /** we sent BYE: no RTP from a peer that should be sending, for the inactivity timeout */
    MEDIA_TIMEOUT,
    /** we sent BYE: the session timer (RFC 4028) ran out without a refresh */
    SESSION_EXPIRED
}
