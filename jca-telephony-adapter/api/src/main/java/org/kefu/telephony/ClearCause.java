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
    NETWORK_FAILURE
}
