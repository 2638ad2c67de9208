package org.kefu.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One try at calling a customer back: numbered per request (unique), so that a job delivered
 * twice never dials the same attempt twice. WAITING in the queue, DIALLING once the agent's desk
 * answered and the customer's phone rings, ENDED with its outcome.
 */
@Entity
@Table(name = "callback_attempt")
public class CallbackAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "attempt_no", nullable = false)
    private int attemptNo;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "agent_job", length = 32)
    private String agentJob;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "dialled_at")
    private Instant dialledAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "outcome", length = 16)
    private String outcome;

    protected CallbackAttempt() {
    }

    CallbackAttempt(Long requestId, int attemptNo, Instant createdAt) {
        this.requestId = requestId;
        this.attemptNo = attemptNo;
        this.status = "WAITING";
        this.createdAt = createdAt;
    }

    void dialling(String callRef, String agentJob, Instant at) {
        this.status = "DIALLING";
        this.callRef = callRef;
        this.agentJob = agentJob;
        this.dialledAt = at;
    }

    void ended(CallbackOutcome outcome, Instant at) {
        this.status = "ENDED";
        this.outcome = outcome.name();
        this.endedAt = at;
    }

    void cancelled(Instant at) {
        this.status = "CANCELLED";
        this.endedAt = at;
    }

    public Long getRequestId() {
        return requestId;
    }

    public int getAttemptNo() {
        return attemptNo;
    }

    public String getStatus() {
        return status;
    }

    public String getAgentJob() {
        return agentJob;
    }

    public String getCallRef() {
        return callRef;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getDialledAt() {
        return dialledAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
