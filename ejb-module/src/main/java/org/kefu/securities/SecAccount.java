package org.kefu.securities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A securities account at one branch: its cash is the ledger account {@code cashAccount}. */
@Entity
@Table(name = "sec_account")
public class SecAccount {

    @Id
    @Column(name = "account_id", length = 16)
    private String accountId;

    @Column(name = "holder_name", nullable = false, length = 100)
    private String holderName;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "branch_code", nullable = false, length = 8)
    private String branchCode;

    @Column(name = "cash_account", nullable = false, length = 32)
    private String cashAccount;

    @Column(name = "bank_account", length = 32)
    private String bankAccount;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    protected SecAccount() {
    }

    public String getAccountId() {
        return accountId;
    }

    public String getHolderName() {
        return holderName;
    }

    public boolean isCustomer() {
        return "CUSTOMER".equals(kind);
    }

    public String getBranchCode() {
        return branchCode;
    }

    public String getCashAccount() {
        return cashAccount;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
