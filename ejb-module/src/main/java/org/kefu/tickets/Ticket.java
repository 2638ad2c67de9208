package org.kefu.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A work order (工单). Its id is the ticket number a caller is told and keys in later, so it comes
 * from a sequence (8 digits) rather than an identity column.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "caller_phone", length = 32)
    private String callerPhone;

    @Column(name = "category", nullable = false, length = 32)
    private String category;

    @Column(name = "subject", nullable = false, length = 200)
    private String subject;

    @Column(name = "description", length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private TicketStatus status = TicketStatus.OPEN;

    @Column(name = "channel", nullable = false, length = 16)
    private String channel;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "created_by", length = 32)
    private String createdBy;

    @Column(name = "assignee", length = 32)
    private String assignee;

    @Column(name = "resolution", length = 1000)
    private String resolution;

    @Column(name = "ticket_type", length = 16, updatable = false)
    private String type;

    /** To be accepted by then; null for tickets without a type. */
    @Column(name = "accept_by")
    private Instant acceptBy;

    /** To be answered by then; null for tickets without a type. */
    @Column(name = "answer_by")
    private Instant answerBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Ticket() {
    }

    Ticket(NewTicket request, Instant now) {
        this.customerId = request.customerId();
        this.callerPhone = request.callerPhone();
        this.category = request.category();
        this.subject = request.subject();
        this.description = request.description();
        this.channel = request.channel();
        this.callRef = request.callRef();
        this.createdBy = request.createdBy();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void deadlines(String typeCode, Instant acceptBy, Instant answerBy) {
        this.type = typeCode;
        this.acceptBy = acceptBy;
        this.answerBy = answerBy;
    }

    void moveTo(TicketStatus next, String resolutionNote, Instant now) {
        this.status = next;
        if (next == TicketStatus.RESOLVED && resolutionNote != null) {
            this.resolution = resolutionNote;
        }
        this.updatedAt = now;
    }

    void assignTo(String jobNumber, Instant now) {
        this.assignee = jobNumber;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public String getCallerPhone() { return callerPhone; }
    public String getCategory() { return category; }
    public String getSubject() { return subject; }
    public String getDescription() { return description; }
    public TicketStatus getStatus() { return status; }
    public String getChannel() { return channel; }
    public String getCallRef() { return callRef; }
    public String getCreatedBy() { return createdBy; }
    public String getAssignee() { return assignee; }
    public String getResolution() { return resolution; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getType() { return type; }
    public Instant getAcceptBy() { return acceptBy; }
    public Instant getAnswerBy() { return answerBy; }

    /** The deadline that matters now: accepting while it is new, answering until it is resolved; none after. */
    public Instant currentDeadline() {
        if (status == TicketStatus.OPEN && acceptBy != null) {
            return acceptBy;
        }
        return status.isOpen() ? answerBy : null;
    }
}
