package org.kefu.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A warning that a ticket runs late: to a department's head (level 1) or the centre's supervisors (level 2). */
@Entity
@Table(name = "ticket_escalation")
public class TicketEscalation {

    /** The recipient that stands for every supervisor of the centre. */
    public static final String SUPERVISORS = "supervisors";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "level_no", nullable = false)
    private int level;

    @Column(name = "recipient", nullable = false, length = 32)
    private String recipient;

    @Column(name = "reason", nullable = false, length = 200)
    private String reason;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    protected TicketEscalation() {
    }

    TicketEscalation(long ticketId, int level, String recipient, String reason, Instant raisedAt) {
        this.ticketId = ticketId;
        this.level = level;
        this.recipient = recipient;
        this.reason = reason;
        this.raisedAt = raisedAt;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public int getLevel() { return level; }
    public String getRecipient() { return recipient; }
    public String getReason() { return reason; }
    public Instant getRaisedAt() { return raisedAt; }
}
