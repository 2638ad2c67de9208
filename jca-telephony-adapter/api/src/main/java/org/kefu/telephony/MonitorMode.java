package org.kefu.telephony;

/** How a supervisor joins a call. */
public enum MonitorMode {
    /** Hears both parties; nobody hears the supervisor. */
    SILENT,
    /** Hears both; only the agent hears the supervisor (coaching). */
    WHISPER,
    /** Everyone hears everyone. */
    BARGE
}
