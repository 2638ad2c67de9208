package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;

/**
 * An account in the bank's core ledger (LedgerDS, a different database from Kefu's own). The
 * balance is the sum of the account's postings: only {@link Ledger} changes it, together with
 * the postings, in the same transaction.
 */
@Entity
@Table(name = "ledger_account")
public class LedgerAccount {

    public static final String ACTIVE = "ACTIVE";
    public static final String FROZEN = "FROZEN";

    @Id
    @Column(name = "account_number", length = 32)
    private String accountNumber;

    @Column(name = "holder_name", nullable = false, length = 100)
    private String holderName;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind = "CUSTOMER";

    @Column(name = "currency", nullable = false, length = 3)
    private String currency = "CNY";

    @Column(name = "balance", nullable = false, precision = 19, scale = 2)
    private BigDecimal balance = BigDecimal.ZERO;

    @Column(name = "status", nullable = false, length = 16)
    private String status = ACTIVE;

    @Column(name = "per_transfer_limit", nullable = false, precision = 19, scale = 2)
    private BigDecimal perTransferLimit = new BigDecimal("50000.00");

    @Column(name = "daily_limit", nullable = false, precision = 19, scale = 2)
    private BigDecimal dailyLimit = new BigDecimal("100000.00");

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected LedgerAccount() {
    }

    public LedgerAccount(String accountNumber, String holderName, BigDecimal balance) {
        this.accountNumber = accountNumber;
        this.holderName = holderName;
        this.balance = balance;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getKind() {
        return kind;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public String getStatus() {
        return status;
    }

    public boolean isFrozen() {
        return FROZEN.equals(status);
    }

    public BigDecimal getPerTransferLimit() {
        return perTransferLimit;
    }

    public BigDecimal getDailyLimit() {
        return dailyLimit;
    }

    void post(BigDecimal amount) {
        balance = balance.add(amount);
    }

    void setStatus(String status) {
        this.status = status;
    }
}
