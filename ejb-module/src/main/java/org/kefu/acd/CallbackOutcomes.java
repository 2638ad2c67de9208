package org.kefu.acd;

/**
 * What the ACD tells the outbound side about a callback it could not dial: the ACD owns this
 * question and {@code org.kefu.outbound.CallbackDialer} answers it, so that the ACD depends on
 * nothing above it.
 */
public interface CallbackOutcomes {

    /** The switch refused to place the callback {@code ref} ("request:attempt"); it no longer waits in the ACD. */
    void notDialled(String ref, String why);
}
