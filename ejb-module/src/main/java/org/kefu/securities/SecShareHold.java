package org.kefu.securities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Shares frozen for a pending sell: still in the position, no longer available. */
@Entity
@Table(name = "sec_share_hold")
public class SecShareHold {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, length = 16)
    private String accountId;

    @Column(name = "stock_code", nullable = false, length = 6)
    private String stockCode;

    @Column(name = "quantity", nullable = false)
    private long quantity;

    @Column(name = "reference", nullable = false, length = 64)
    private String reference;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "ACTIVE";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected SecShareHold() {
    }

    SecShareHold(String accountId, String stockCode, long quantity, String reference, Instant at) {
        this.accountId = accountId;
        this.stockCode = stockCode;
        this.quantity = quantity;
        this.reference = reference;
        this.createdAt = at;
    }

    public long getQuantity() {
        return quantity;
    }

    void close(boolean settled, Instant at) {
        status = settled ? "SETTLED" : "RELEASED";
        closedAt = at;
    }
}
