package org.kefu.outbound.informing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Telling a customer the answer to their ticket (回复告知): one per ticket and round (its reopen
 * count). An SMS or e-mail is QUEUED, claimed (SENDING, committed before the provider is asked:
 * sent at most once), then SENT, FAILED, REFUSED (do-not-call) or UNCERTAIN (a crash hid its fate);
 * a call back is CALLBACK until an agent reached the customer (SENT).
 */
@Entity
@Table(name = "ticket_answer_notice")
public class AnswerNotice {

    static final String QUEUED = "QUEUED";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String REFUSED = "REFUSED";
    static final String UNCERTAIN = "UNCERTAIN";
    static final String CALLBACK = "CALLBACK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private long ticketId;

    @Column(name = "round", nullable = false, updatable = false)
    private int round;

    @Column(name = "customer_id", updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 8, updatable = false)
    private AnswerChannel channel;

    @Column(name = "address", nullable = false, length = 254, updatable = false)
    private String address;

    @Column(name = "language", length = 16, updatable = false)
    private String language;

    @Column(name = "status", nullable = false, length = 16)
    private String status = QUEUED;

    @Column(name = "reason", length = 200)
    private String reason;

    @Column(name = "tries", nullable = false)
    private int tries;

    @Column(name = "provider_ref", length = 200)
    private String providerRef;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AnswerNotice() {
    }

    AnswerNotice(long ticketId, int round, Long customerId, AnswerChannel.Address to, String language, Instant now) {
        this.ticketId = ticketId;
        this.round = round;
        this.customerId = customerId;
        this.channel = to.channel();
        this.address = to.to();
        this.language = language;
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

    public Long getId() { return id; }
    public long getTicketId() { return ticketId; }
    public int getRound() { return round; }
    public Long getCustomerId() { return customerId; }
    public AnswerChannel getChannel() { return channel; }
    public String getAddress() { return address; }
    public String getLanguage() { return language; }
    public String getStatus() { return status; }
    public String getReason() { return reason; }
    public int getTries() { return tries; }
    public String getProviderRef() { return providerRef; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
