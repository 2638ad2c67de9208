package org.kefu.banking;

/** What a customer (or the back office on their behalf) asked for; the journal's operation. */
public enum Operation {
    TRANSFER, BILL_PAYMENT, CARD_LOSS, ACCOUNT_FREEZE, ACCOUNT_UNFREEZE,
    /** A securities order (org.kefu.securities): counterparty is "code/quantity", amount the limit price. */
    SECURITIES_BUY, SECURITIES_SELL
}
