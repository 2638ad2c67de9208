package org.kefu.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step in a ticket's history: who moved it from which status to which, with a note. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", length = 32)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    private TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    private TicketStatus toStatus;

    @Column(name = "note", length = 1000)
    private String note;

    /** The action that made the step (null for the opening, a repeat noted, and steps from before actions). */
    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 16)
    private TicketAction action;

    protected TicketEvent() {
    }

    TicketEvent(Long ticketId, Instant occurredAt, String actor, TicketStatus fromStatus, TicketStatus toStatus, String note) {
        this.ticketId = ticketId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note;
    }

    TicketEvent(Long ticketId, Instant occurredAt, String actor, TicketAction action, TicketStatus fromStatus, TicketStatus toStatus,
                String note) {
        this(ticketId, occurredAt, actor, fromStatus, toStatus, note);
        this.action = action;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public TicketStatus getFromStatus() { return fromStatus; }
    public TicketStatus getToStatus() { return toStatus; }
    public String getNote() { return note; }
    public TicketAction getAction() { return action; }
}
