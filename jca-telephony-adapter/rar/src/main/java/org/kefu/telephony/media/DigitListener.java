package org.kefu.telephony.media;

/**
 * Told of every DTMF digit a session receives (RFC 4733 or SIP INFO), once per key press. Called on
 * the media clock thread: return quickly. Implementations must not log the digit above DEBUG.
 */
@FunctionalInterface
public interface DigitListener {
    void onDigit(char digit);
}
