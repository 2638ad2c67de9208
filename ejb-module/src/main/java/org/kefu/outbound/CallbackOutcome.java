package org.kefu.outbound;

import org.kefu.telephony.ClearCause;

/** How an attempt to call a customer back ended, from the switch's cause. */
public enum CallbackOutcome {
    ANSWERED, BUSY, NO_ANSWER, REJECTED, INVALID_NUMBER, FAILED,
    /** The dial policy or the switch's ceiling refused the number: never dialled. */
    DIAL_REFUSED,
    /** The number, or its customer, is on the do-not-call list: never dialled. */
    DO_NOT_CALL;

    /** The customer's phone failed with {@code cause}. */
    public static CallbackOutcome of(ClearCause cause) {
        return switch (cause) {
            case BUSY -> BUSY;
            case NO_ANSWER -> NO_ANSWER;
            case REJECTED -> REJECTED;
            case UNREACHABLE -> INVALID_NUMBER;
            default -> FAILED;
        };
    }

    /** Whether another attempt may reach the customer later. */
    public boolean worthRetrying() {
        return this == BUSY || this == NO_ANSWER || this == FAILED;
    }
}
