package org.kefu.telephony;

/** CSTA connection states, as far as a contact center needs them. */
public enum ConnectionState {
    /** Being set up towards the device (outbound, not yet ringing). */
    INITIATED,
    /** Ringing at the device. */
    ALERTING,
    /** Talking (or listening to the IVR). */
    CONNECTED,
    /** Put on hold. */
    HELD,
    /** Gone. */
    CLEARED,
    /** Could not be completed (busy, rejected, unreachable). */
    FAILED
}
