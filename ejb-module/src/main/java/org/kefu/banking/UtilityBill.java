package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A utility's receivable: paid once, into the utility's collection account. */
@Entity
@Table(name = "utility_bill")
public class UtilityBill {

    @Id
    @Column(name = "bill_number", length = 32)
    private String billNumber;

    @Column(name = "utility_customer", nullable = false, length = 32)
    private String utilityCustomer;

    @Column(name = "biller_account", nullable = false, length = 32)
    private String billerAccount;

    @Column(name = "billing_period", nullable = false, length = 7)
    private String billingPeriod;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "UNPAID";

    @Column(name = "paid_from", length = 32)
    private String paidFrom;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "payment_ref", length = 64)
    private String paymentRef;

    /** When it falls due; null for bills from before due dates were kept (never dunned). */
    @Column(name = "due_date")
    private LocalDate dueDate;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UtilityBill() {
    }

    public String getBillNumber() {
        return billNumber;
    }

    public String getUtilityCustomer() {
        return utilityCustomer;
    }

    public String getBillerAccount() {
        return billerAccount;
    }

    public String getBillingPeriod() {
        return billingPeriod;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    /** When it was paid; null while unpaid. */
    public Instant getPaidAt() {
        return paidAt;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public boolean isPaid() {
        return "PAID".equals(status);
    }

    void markPaid(String fromAccount, String reference, Instant at) {
        status = "PAID";
        paidFrom = fromAccount;
        paymentRef = reference;
        paidAt = at;
    }
}
