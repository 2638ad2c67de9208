package org.kefu.telephony;

/** Why a call or connection ended, or why it was refused: switch-neutral causes. */
public enum ClearCause {
    NORMAL,
    /** The caller hung up before anyone answered. */
    ABANDONED,
    BUSY,
    NO_ANSWER,
    REJECTED,
    /** Destination unknown or not registered. */
    UNREACHABLE,
    /** No common codec or other media failure. */
    MEDIA_FAILURE,
    /** Switch overloaded. */
    OVERLOAD,
    /** Taken away by a transfer. */
    TRANSFERRED,
    /** Ended by a supervisor (强拆). */
    FORCED,
    NETWORK_FAILURE,
    /** Ended by the switch after the longest a call may last (a leg left up forever costs a trunk channel, or money). */
    MAX_DURATION,
    /** Ended by the switch: a leg that should send audio sent none for the inactivity timeout. */
    MEDIA_TIMEOUT,
    /** Ended by the switch: the peer stopped refreshing the session (RFC 4028 session timer). */
    SESSION_EXPIRED
}
