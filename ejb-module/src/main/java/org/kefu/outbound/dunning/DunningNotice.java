package org.kefu.outbound.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One reminder of an overdue bill, to one customer on one channel. QUEUED until its job
 * is taken; SENDING while the SMSC or mail server is asked, or while the customer's phone rings
 * (committed first, so that it is never sent twice); then SENT (with the provider's message id;
 * for a call: answered, with the call's id), FAILED (the channel stayed down),
 * REFUSED (do-not-call), CANCELLED (paid meanwhile) or UNCERTAIN (found SENDING after a crash:
 * perhaps sent, not sent again).
 */
@Entity
@Table(name = "dunning_notice")
public class DunningNotice {

    public static final String QUEUED = "QUEUED";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String REFUSED = "REFUSED";
    public static final String CANCELLED = "CANCELLED";
    public static final String UNCERTAIN = "UNCERTAIN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notice_key", nullable = false, length = 80, updatable = false)
    private String noticeKey;

    @Column(name = "bill_number", nullable = false, length = 32, updatable = false)
    private String billNumber;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 8, updatable = false)
    private NoticeChannel channel;

    @Column(name = "address", nullable = false, length = 254, updatable = false)
    private String address;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "period", nullable = false, length = 7, updatable = false)
    private String period;

    @Column(name = "status", nullable = false, length = 16)
    private String status = QUEUED;

    @Column(name = "reason", length = 200)
    private String reason;

    @Column(name = "tries", nullable = false)
    private int tries;

    @Column(name = "provider_ref", length = 200)
    private String providerRef;

    /** A voice reminder's result: PAID, PROMISED (see {@link #promisedOn}) or AGENT; null otherwise. */
    @Column(name = "outcome", length = 16)
    private String outcome;

    @Column(name = "promised_on")
    private LocalDate promisedOn;

    @Column(name = "run_by", nullable = false, length = 64, updatable = false)
    private String runBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DunningNotice() {
    }

    DunningNotice(OverdueBill bill, long customerId, NoticeChannel.Address to, LocalDate day, String runBy, Instant now) {
        this.noticeKey = bill.billNumber() + "@" + day;
        this.billNumber = bill.billNumber();
        this.customerId = customerId;
        this.channel = to.channel();
        this.address = to.to();
        this.amount = bill.amount();
        this.dueDate = bill.dueDate();
        this.period = bill.period();
        this.runBy = runBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void claim(Instant now) {
        status = SENDING;
        tries++;
        updatedAt = now;
    }

    void settle(String newStatus, String why, String reference, Instant now) {
        status = newStatus;
        reason = why == null || why.length() <= 200 ? why : why.substring(0, 199) + "…";
        if (reference != null) {
            providerRef = reference.length() > 200 ? reference.substring(0, 200) : reference;
        }
        updatedAt = now;
    }

    /** What the customer did in the reminder's call; a promise carries its date. */
    void outcome(String what, LocalDate promised, Instant now) {
        outcome = what;
        promisedOn = promised;
        updatedAt = now;
    }

    public String getOutcome() {
        return outcome;
    }

    public LocalDate getPromisedOn() {
        return promisedOn;
    }

    public Long getId() {
        return id;
    }

    public String getBillNumber() {
        return billNumber;
    }

    public long getCustomerId() {
        return customerId;
    }

    public NoticeChannel getChannel() {
        return channel;
    }

    public String getAddress() {
        return address;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getPeriod() {
        return period;
    }

    public String getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public int getTries() {
        return tries;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public String getRunBy() {
        return runBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
