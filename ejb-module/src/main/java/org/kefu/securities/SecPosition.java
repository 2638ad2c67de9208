package org.kefu.securities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Shares of one stock in one account. Internal accounts may go negative (they are the other side). */
@Entity
@Table(name = "sec_position")
@IdClass(PositionId.class)
public class SecPosition {

    @Id
    @Column(name = "account_id", length = 16)
    private String accountId;

    @Id
    @Column(name = "stock_code", length = 6)
    private String stockCode;

    @Column(name = "quantity", nullable = false)
    private long quantity;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SecPosition() {
    }

    SecPosition(String accountId, String stockCode) {
        this.accountId = accountId;
        this.stockCode = stockCode;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getStockCode() {
        return stockCode;
    }

    public long getQuantity() {
        return quantity;
    }

    void add(long delta) {
        quantity += delta;
    }
}
