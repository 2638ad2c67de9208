package org.kefu.securities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

/** A securities order: SUBMITTED to its branch, then FILLED or REJECTED by the branch's answer. */
@Entity
@Table(name = "sec_order")
public class SecOrder {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String FILLED = "FILLED";
    public static final String REJECTED = "REJECTED";

    @Id
    @Column(name = "order_ref", length = 64)
    private String orderRef;

    @Column(name = "account_id", nullable = false, length = 16)
    private String accountId;

    @Column(name = "branch_code", nullable = false, length = 8)
    private String branchCode;

    @Column(name = "protocol", nullable = false, length = 8)
    private String protocol;

    @Column(name = "side", nullable = false, length = 4)
    private String side;

    @Column(name = "stock_code", nullable = false, length = 6)
    private String stockCode;

    @Column(name = "limit_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal limitPrice;

    @Column(name = "quantity", nullable = false)
    private long quantity;

    @Column(name = "frozen_amount", precision = 19, scale = 2)
    private BigDecimal frozenAmount;

    @Column(name = "status", nullable = false, length = 16)
    private String status = SUBMITTED;

    @Column(name = "fill_price", precision = 19, scale = 2)
    private BigDecimal fillPrice;

    @Column(name = "fill_quantity")
    private Long fillQuantity;

    @Column(name = "fee", precision = 19, scale = 2)
    private BigDecimal fee;

    @Column(name = "reject_reason", length = 200)
    private String rejectReason;

    @Column(name = "idempotency_key", nullable = false, length = 64)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SecOrder() {
    }

    SecOrder(String orderRef, SecAccount account, SecBranch branch, Side side, String stockCode, BigDecimal limitPrice,
             long quantity, BigDecimal frozenAmount, String idempotencyKey, Instant at) {
        this.orderRef = orderRef;
        this.accountId = account.getAccountId();
        this.branchCode = branch.getBranchCode();
        this.protocol = branch.getProtocol();
        this.side = side.name();
        this.stockCode = stockCode;
        this.limitPrice = limitPrice;
        this.quantity = quantity;
        this.frozenAmount = frozenAmount;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = at;
    }

    public String getOrderRef() {
        return orderRef;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getBranchCode() {
        return branchCode;
    }

    public String getProtocol() {
        return protocol;
    }

    public Side getSide() {
        return Side.valueOf(side);
    }

    public String getStockCode() {
        return stockCode;
    }

    public BigDecimal getLimitPrice() {
        return limitPrice;
    }

    public long getQuantity() {
        return quantity;
    }

    public BigDecimal getFrozenAmount() {
        return frozenAmount;
    }

    public String getStatus() {
        return status;
    }

    public boolean isOpen() {
        return SUBMITTED.equals(status);
    }

    void filled(BigDecimal price, long qty, BigDecimal fee, Instant at) {
        this.status = FILLED;
        this.fillPrice = price;
        this.fillQuantity = qty;
        this.fee = fee;
        this.closedAt = at;
    }

    void rejected(String reason, Instant at) {
        this.status = REJECTED;
        this.rejectReason = reason == null ? null : reason.length() > 200 ? reason.substring(0, 200) : reason;
        this.closedAt = at;
    }

    OrderView view() {
        return new OrderView(orderRef, accountId, branchCode, getSide(), stockCode, limitPrice, quantity, status, fillPrice,
                fillQuantity, fee, rejectReason, createdAt, closedAt);
    }
}
