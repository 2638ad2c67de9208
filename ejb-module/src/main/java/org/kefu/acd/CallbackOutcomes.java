package org.kefu.acd;

import java.time.Instant;

/**
 * What the ACD tells the outbound side about a callback it could not dial: the ACD owns this
 * question and {@code org.kefu.outbound.CallbackDialer} answers it, so that the ACD depends on
 * nothing above it.
 */
public interface CallbackOutcomes {

    /**
     * The callback {@code ref} ("request:attempt") was not dialled and no longer waits in the ACD:
     * refused for good ({@code retryAt} null; {@code code} says why: DIAL_REFUSED, DO_NOT_CALL), or
     * not before {@code retryAt} (CALLING_HOURS).
     */
    void notDialled(String ref, String code, String why, Instant retryAt);
}
