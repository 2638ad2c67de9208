package org.kefu.banking;

/** What a customer (or the back office on their behalf) asked for; the journal's operation. */
public enum Operation {
    TRANSFER, BILL_PAYMENT, CARD_LOSS, ACCOUNT_FREEZE, ACCOUNT_UNFREEZE,
    /** A securities order (org.kefu.securities): counterparty is "code/quantity", amount the limit price. */
    SECURITIES_BUY, SECURITIES_SELL;

    /**
     * Whether the journal's counterparty is a card or account number (the payee's account, the
     * lost card): the journal then keeps it masked ({@link CardNumbers#mask}).
     */
    public boolean counterpartyIsCardNumber() {
        return this == TRANSFER || this == CARD_LOSS;
    }
}
