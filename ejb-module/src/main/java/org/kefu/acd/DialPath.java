package org.kefu.acd;

/** Which way someone asked Kefu to dial out: recorded with every refusal. */
public enum DialPath {
    CLICK_TO_DIAL, TRANSFER, CONSULTATION, FOLLOW_ME,
    /** Kefu dials a caller back from an agent's desk (a callback request). */
    CALLBACK,
    /** Kefu calls a customer with a reminder that an IVR flow speaks (dunning by voice). */
    DUNNING,
    /** Kefu calls a customer whose ticket was answered: the satisfaction visit an IVR flow asks. */
    VISIT
}
