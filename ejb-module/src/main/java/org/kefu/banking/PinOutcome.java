package org.kefu.banking;

/** The result of one PIN attempt, as {@link PinVerifier} committed it. */
enum PinOutcome {
    VERIFIED, WRONG, NOW_LOCKED, LOCKED, CARD_BLOCKED, NO_CARD
}
