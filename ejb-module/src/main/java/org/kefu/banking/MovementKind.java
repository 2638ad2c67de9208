package org.kefu.banking;

/** Why money moved; the customer-initiated kinds count against the daily limit. */
public enum MovementKind {
    OPENING, TRANSFER, BILL_PAYMENT, SETTLEMENT, ADJUSTMENT,
    /** Commissions and stamp duty of a securities trade. */
    FEE;

    boolean countsAgainstDailyLimit() {
        return this == TRANSFER || this == BILL_PAYMENT;
    }
}
