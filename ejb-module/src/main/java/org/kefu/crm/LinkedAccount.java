package org.kefu.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An account of the customer in another system (the ledger, a utility, a securities branch). */
@Embeddable
public class LinkedAccount {

    @Column(name = "account_number", nullable = false, length = 32)
    private String accountNumber;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "branch_code", length = 16)
    private String branchCode;

    protected LinkedAccount() {
    }

    public LinkedAccount(String accountNumber, String kind, String branchCode) {
        this.accountNumber = accountNumber;
        this.kind = kind;
        this.branchCode = branchCode;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getKind() {
        return kind;
    }

    public String getBranchCode() {
        return branchCode;
    }
}
