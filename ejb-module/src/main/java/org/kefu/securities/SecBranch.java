package org.kefu.securities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A branch (营业部) and the trading-system protocol that reaches it. */
@Entity
@Table(name = "sec_branch")
public class SecBranch {

    @Id
    @Column(name = "branch_code", length = 8)
    private String branchCode;

    @Column(name = "branch_name", nullable = false, length = 100)
    private String branchName;

    @Column(name = "protocol", nullable = false, length = 8)
    private String protocol;

    @Column(name = "clearing_account", nullable = false, length = 32)
    private String clearingAccount;

    protected SecBranch() {
    }

    public String getBranchCode() {
        return branchCode;
    }

    public String getBranchName() {
        return branchName;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getClearingAccount() {
        return clearingAccount;
    }

    /** The branch's own securities account, which holds its clearing positions. */
    public String clearingPositionAccount() {
        return "CLR-" + branchCode;
    }
}
