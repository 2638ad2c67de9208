package org.kefu.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One satisfaction visit (回访) of an answered ticket: what the customer said. */
@Entity
@Table(name = "ticket_visit")
public class TicketVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "visited_at", nullable = false)
    private Instant visitedAt;

    @Column(name = "visitor", nullable = false, length = 32)
    private String visitor;

    @Column(name = "solved", nullable = false, length = 1)
    private String solved;

    @Column(name = "attitude", nullable = false)
    private int attitude;

    @Column(name = "charged", nullable = false, length = 1)
    private String charged;

    @Column(name = "score", nullable = false)
    private int score;

    @Column(name = "comment_text", length = 500)
    private String comment;

    protected TicketVisit() {
    }

    TicketVisit(long ticketId, Instant visitedAt, String visitor, Satisfaction said) {
        this.ticketId = ticketId;
        this.visitedAt = visitedAt;
        this.visitor = visitor;
        this.solved = said.solved() ? "Y" : "N";
        this.attitude = said.attitude();
        this.charged = said.charged() ? "Y" : "N";
        this.score = said.score();
        this.comment = said.comment();
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public Instant getVisitedAt() { return visitedAt; }
    public String getVisitor() { return visitor; }
    public boolean isSolved() { return "Y".equals(solved); }
    public int getAttitude() { return attitude; }
    public boolean isCharged() { return "Y".equals(charged); }
    public int getScore() { return score; }
    public String getComment() { return comment; }
}
