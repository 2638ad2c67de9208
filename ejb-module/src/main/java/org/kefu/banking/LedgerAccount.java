package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;

/** An account in the bank's core ledger (LedgerDS, a different database from Kefu's own). */
@Entity
@Table(name = "ledger_account")
public class LedgerAccount {

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
    private String status = "ACTIVE";

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

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public String getStatus() {
        return status;
    }
}
