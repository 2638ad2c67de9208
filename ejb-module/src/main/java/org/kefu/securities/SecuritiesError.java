package org.kefu.securities;

/**
 * Why a securities request was refused. Every refusal leaves the ledger, the positions, the
 * orders, the journal and the queues exactly as they were.
 */
public enum SecuritiesError {
    /** No such securities account (or not a customer's). */
    UNKNOWN_ACCOUNT,
    /** No quote for this stock code: Kefu does not know it. */
    UNKNOWN_STOCK,
    /** No such order for this account. */
    UNKNOWN_ORDER,
    /** The limit price is outside the day's band (±10% of the previous close). */
    PRICE_OUT_OF_BAND,
    /** Not a price: missing, not positive, or more than two decimals. */
    INVALID_PRICE,
    /** Not a multiple of the board lot (100 shares), not positive, or above the maximum per order. */
    INVALID_QUANTITY,
    /** Available cash is short of price x quantity + fee. */
    INSUFFICIENT_FUNDS,
    /** Available shares (position less those frozen by pending sells) are short. */
    INSUFFICIENT_SHARES,
    /** The securities account or its cash account is frozen. */
    ACCOUNT_FROZEN,
    /** Malformed request: missing side, bad idempotency key, bad channel. */
    INVALID_REQUEST,
    /** Reached from a call without the PIN of the account's linked bank card verified in that call (issue 14 item 8). */
    NOT_VERIFIED,
    /** The idempotency key was used before for a different request (or concurrently). */
    DUPLICATE_REQUEST
}
