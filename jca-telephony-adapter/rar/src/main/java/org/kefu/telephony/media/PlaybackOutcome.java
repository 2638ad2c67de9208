package org.kefu.telephony.media;

/** How a prompt playback ended. */
public enum PlaybackOutcome {
    /** Every prompt was played to the end. */
    COMPLETED,
    /** The caller pressed a key and barge-in was allowed. */
    BARGED_IN,
    /** Stopped by the application, replaced by another playback, or the session closed. */
    STOPPED
}
