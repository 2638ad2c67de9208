package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** Funds frozen for a pending operation: not moved, but no longer available. */
@Entity
@Table(name = "account_hold")
public class AccountHold {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_number", nullable = false, length = 32)
    private String accountNumber;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "reason", nullable = false, length = 32)
    private String reason;

    @Column(name = "reference", nullable = false, length = 64)
    private String reference;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "ACTIVE";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected AccountHold() {
    }

    AccountHold(String accountNumber, BigDecimal amount, String reason, String reference, Instant at) {
        this.accountNumber = accountNumber;
        this.amount = amount;
        this.reason = reason;
        this.reference = reference;
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getStatus() {
        return status;
    }

    public String getReference() {
        return reference;
    }

    void close(String finalStatus, Instant at) {
        this.status = finalStatus;
        this.closedAt = at;
    }
}
