package org.kefu.banking;

/**
 * Why a banking request was refused. The IVR maps each to a prompt, the console to a message,
 * the back office sees the name. Every refusal leaves both databases and the queues untouched
 * (except PIN failures, which are counted: that is their point).
 */
public enum BankingError {
    UNKNOWN_ACCOUNT,
    UNKNOWN_PAYEE,
    UNKNOWN_BILL,
    BILL_ALREADY_PAID,
    INSUFFICIENT_FUNDS,
    OVER_LIMIT,
    CARD_BLOCKED,
    ACCOUNT_FROZEN,
    INVALID_AMOUNT,
    INVALID_REQUEST,
    WRONG_PIN,
    PIN_LOCKED,
    /** Reached from a call without the account's PIN verified in that call (issue 14 item 8). */
    NOT_VERIFIED,
    /** The idempotency key was used before for a different request (or concurrently). */
    DUPLICATE_REQUEST
}
