package org.kefu.crm;

import java.io.Serializable;
import java.math.BigDecimal;

/** One of the customer's accounts in the screen pop; bank accounts with their balance. */
public class AccountLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accountNumber;
    private final String kind;
    private final BigDecimal balance;
    private final String currency;

    public AccountLine(String accountNumber, String kind, BigDecimal balance, String currency) {
        this.accountNumber = accountNumber;
        this.kind = kind;
        this.balance = balance;
        this.currency = currency;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    /** BANK, UTILITY or SECURITIES. */
    public String getKind() {
        return kind;
    }

    /** Null when not a bank account or the ledger did not answer. */
    public BigDecimal getBalance() {
        return balance;
    }

    public String getCurrency() {
        return currency == null ? "" : currency;
    }
}
