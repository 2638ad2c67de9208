package org.kefu.telephony.media;

/**
 * The outcome of collecting digits. The digits may be a PIN or an account number: toString shows
 * only how many there were, so logging a result can never leak them.
 */
public final class DigitResult {
    /** Why collection ended. */
    public enum Reason {
        /** The maximum number of digits was entered. */
        MAX_DIGITS,
        /** The terminator key was pressed (it is not part of the digits). */
        TERMINATOR,
        /** No (further) digit came in time; the digits so far are returned, possibly none. */
        TIMEOUT,
        /** Collection was cancelled (stop, a new collection, or the session closed). */
        CANCELLED
    }

    private final String digits;
    private final Reason reason;

    public DigitResult(String digits, Reason reason) {
        this.digits = digits;
        this.reason = reason;
    }

    public String digits() {
        return digits;
    }

    public Reason reason() {
        return reason;
    }

    public boolean isEmpty() {
        return digits.isEmpty();
    }

    @Override
    public String toString() {
        return "DigitResult[reason=" + reason + ", digitCount=" + digits.length() + "]";
    }
}
