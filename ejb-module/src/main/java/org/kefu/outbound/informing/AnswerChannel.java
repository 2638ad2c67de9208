package org.kefu.outbound.informing;

import java.util.Optional;

/** How a customer is told a ticket's answer: SMS, e-mail, or an agent calls back. */
public enum AnswerChannel {
    SMS, EMAIL, CALL;

    /**
     * By the customer's choice where it can be carried out; else an SMS to a mobile, an e-mail,
     * and last a call back to the number they called from. Empty: no way to reach them (the centre
     * informs by hand).
     *
     * @param chosen       the customer's notice channel (SMS, EMAIL, CALL) or null
     * @param mobile       the customer's mobile, or the caller's number when it is a mobile
     * @param email        the customer's e-mail address
     * @param callBackTo   a number that may be called back (the caller's, else the customer's)
     */
    static Optional<Address> choose(String chosen, String mobile, String email, String callBackTo) {
        boolean hasMobile = present(mobile);
        boolean hasEmail = present(email);
        boolean canCall = present(callBackTo);
        if ("CALL".equals(chosen) && canCall) {
            return Optional.of(new Address(CALL, callBackTo.strip()));
        }
        if ("EMAIL".equals(chosen) && hasEmail) {
            return Optional.of(new Address(EMAIL, email.strip()));
        }
        if (hasMobile) {
            return Optional.of(new Address(SMS, mobile.strip()));
        }
        if (hasEmail) {
            return Optional.of(new Address(EMAIL, email.strip()));
        }
        return canCall ? Optional.of(new Address(CALL, callBackTo.strip())) : Optional.empty();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** A channel and the number or address on it. */
    record Address(AnswerChannel channel, String to) {
    }
}
