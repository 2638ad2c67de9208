package org.kefu.tickets;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

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
    private TicketStatus status = TicketStatus.NEW;

    @Column(name = "channel", nullable = false, length = 16)
    private String channel;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "created_by", length = 32)
    private String createdBy;

    /** The handler: who took it in the department (or was named when it was dispatched). */
    @Column(name = "assignee", length = 32)
    private String assignee;

    /** The answer. */
    @Column(name = "resolution", length = 1000)
    private String resolution;

    /** The lead department it is dispatched to; null while the centre has it. */
    @Column(name = "department_code", length = 32)
    private String departmentCode;

    /** Departments helping the lead one (协办). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ticket_co_department", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "department_code", length = 32)
    private Set<String> coDepartments = new TreeSet<>();

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    /** 0: nobody warned yet; 1: the department's head was; 2: the centre's supervisors were. */
    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    /** Since when it waits for the customer (its clock paused); null otherwise. */
    @Column(name = "paused_at")
    private Instant pausedAt;

    /** When the answer's clock turns yellow and the department's head is to be warned. */
    @Column(name = "warn_at")
    private Instant warnAt;

    @Column(name = "ticket_type", length = 16, updatable = false)
    private String type;

    /** To be accepted by then; null for tickets without a type. */
    @Column(name = "accept_by")
    private Instant acceptBy;

    /** To be answered by then; null for tickets without a type. */
    @Column(name = "answer_by")
    private Instant answerBy;

    /** {@link #currentDeadline()}, kept in a column so that the overdue list is an index range scan. */
    @Column(name = "due_at")
    private Instant dueAt;

    /** {@link #nextEscalation()}, kept in a column so that the escalation scan is an index range scan. */
    @Column(name = "next_escalation_at")
    private Instant nextEscalationAt;

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
        this.warnAt = DeadlineColour.turnsYellowAt(createdAt, answerBy);
    }

    void moveTo(TicketStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    void dispatchTo(String department, String handler) {
        this.departmentCode = department;
        this.assignee = handler;
        if (escalationLevel == 1) {
            escalationLevel = 0; // a new department's head is to hear of it, not the old one's again
        }
    }

    void takenBy(String handler) {
        this.assignee = handler;
    }

    /** Back at the centre (退单): no department, no handler; co-handlers leave with the lead. */
    void returned() {
        this.departmentCode = null;
        this.assignee = null;
        this.coDepartments.clear();
    }

    void answered(String answer) {
        this.resolution = answer;
    }

    void coHandledBy(String department) {
        this.coDepartments.add(department);
    }

    /** Reopened: answered again by a new answer deadline, counted from {@code now}; nobody warned yet. */
    void reopened(Instant now, Instant answerBy) {
        this.reopenCount++;
        this.answerBy = answerBy;
        this.warnAt = answerBy == null ? null : DeadlineColour.turnsYellowAt(now, answerBy);
        this.escalationLevel = 0;
    }

    void paused(Instant now) {
        this.pausedAt = now;
    }

    /** The clock runs again; its deadlines later by what the pause cost. */
    void resumed(Instant answerBy, Instant warnAt) {
        this.pausedAt = null;
        this.answerBy = answerBy;
        this.warnAt = warnAt;
    }

    void escalated(int level) {
        this.escalationLevel = level;
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
    public String getDepartmentCode() { return departmentCode; }
    public Set<String> getCoDepartments() { return new TreeSet<>(coDepartments); }
    public int getReopenCount() { return reopenCount; }
    public int getEscalationLevel() { return escalationLevel; }
    public Instant getWarnAt() { return warnAt; }
    public Instant getPausedAt() { return pausedAt; }

    /** Whether this department leads or helps with the ticket. */
    public boolean involves(String department) {
        return department.equals(departmentCode) || coDepartments.contains(department);
    }

    /**
     * Keeps the two derived columns true on every insert and update: whatever changed the status,
     * the deadlines or the escalation level, the lists that read them see it in the same commit.
     */
    @PrePersist
    @PreUpdate
    void schedule() {
        dueAt = currentDeadline();
        nextEscalationAt = nextEscalation();
    }

    /**
     * When the next warning is due: to the supervisors (level 2) when it is late to accept or to
     * answer, to the department's head (level 1) before that when the answer's clock turns yellow
     * while a department has it; none once both were raised, while paused, or after the answer.
     */
    public Instant nextEscalation() {
        if (!status.clockRuns() || escalationLevel >= 2) {
            return null;
        }
        Instant late = earliest(status == TicketStatus.NEW ? acceptBy : null, answerBy);
        boolean sent = status == TicketStatus.DISPATCHED || status == TicketStatus.IN_PROGRESS;
        return earliest(late, escalationLevel == 0 && sent ? warnAt : null);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    public Instant getDueAt() { return dueAt; }
    public Instant getNextEscalationAt() { return nextEscalationAt; }

    /** The deadline that matters now: accepting while it is new, answering until it is answered; none while paused or after. */
    public Instant currentDeadline() {
        if (status == TicketStatus.NEW && acceptBy != null) {
            return acceptBy;
        }
        return status.clockRuns() ? answerBy : null;
    }
}
