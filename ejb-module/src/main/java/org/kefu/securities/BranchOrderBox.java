package org.kefu.securities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of the order table of the second trading-system protocol (branches GZ04–GZ06): Kefu
 * writes it NEW, the branch's system answers in place (FILLED or REJECTED), Kefu settles the
 * answer and marks the row settled.
 */
@Entity
@Table(name = "branch_order_box")
public class BranchOrderBox {

    @Id
    @Column(name = "order_ref", length = 64)
    private String orderRef;

    @Column(name = "branch_code", nullable = false, length = 8)
    private String branchCode;

    @Column(name = "account_id", nullable = false, length = 16)
    private String accountId;

    @Column(name = "side", nullable = false, length = 4)
    private String side;

    @Column(name = "stock_code", nullable = false, length = 6)
    private String stockCode;

    @Column(name = "limit_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal limitPrice;

    @Column(name = "quantity", nullable = false)
    private long quantity;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "NEW";

    @Column(name = "fill_price", precision = 19, scale = 2)
    private BigDecimal fillPrice;

    @Column(name = "fill_quantity")
    private Long fillQuantity;

    @Column(name = "reject_reason", length = 200)
    private String rejectReason;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected BranchOrderBox() {
    }

    BranchOrderBox(BranchOrder order, Instant at) {
        this.orderRef = order.orderRef();
        this.branchCode = order.branchCode();
        this.accountId = order.accountId();
        this.side = order.side().name();
        this.stockCode = order.code();
        this.limitPrice = order.price();
        this.quantity = order.quantity();
        this.submittedAt = at;
    }

    public String getOrderRef() {
        return orderRef;
    }

    public String getStatus() {
        return status;
    }

    public BigDecimal getFillPrice() {
        return fillPrice;
    }

    public Long getFillQuantity() {
        return fillQuantity;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    void settled(Instant at) {
        settledAt = at;
    }

    public String getBranchCode() {
        return branchCode;
    }
}
