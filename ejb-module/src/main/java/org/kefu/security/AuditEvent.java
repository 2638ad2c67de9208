package org.kefu.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the audit trail. Written once, never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", length = 64, updatable = false)
    private String actor;

    @Column(name = "action", nullable = false, length = 64, updatable = false)
    private String action;

    @Column(name = "target", length = 200, updatable = false)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 16, updatable = false)
    private AuditOutcome outcome;

    @Column(name = "detail", length = 1000, updatable = false)
    private String detail;

    @Column(name = "source_address", length = 64, updatable = false)
    private String sourceAddress;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String target, AuditOutcome outcome,
               String detail, String sourceAddress) {
        this.occurredAt = occurredAt;
        this.actor = AuditText.clip(actor, 64);
        this.action = AuditText.clip(action, 64);
        this.target = AuditText.clip(target, 200);
        this.outcome = outcome;
        this.detail = AuditText.clip(detail, 1000);
        this.sourceAddress = AuditText.clip(sourceAddress, 64);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }
}
