package org.kefu.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The call detail record (CDR): one row per call, completed as the call ends. */
@Entity
@Table(name = "call_record")
public class CallRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_ref", nullable = false, length = 64, updatable = false)
    private String callRef;

    @Column(name = "direction", nullable = false, length = 16)
    private String direction;

    @Column(name = "ani", length = 32)
    private String ani;

    @Column(name = "dnis", length = 32)
    private String dnis;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "queue_code", length = 32)
    private String queueCode;

    @Column(name = "agent_job_number", length = 32)
    private String agentJobNumber;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_cause", length = 32)
    private String endCause;

    /** Rows are written by {@link CdrWriter} with JDBC; the entity is for reading. */
    protected CallRecord() {
    }

    public String getQueueCode() {
        return queueCode;
    }

    public String getAgentJobNumber() {
        return agentJobNumber;
    }

    public String getCallRef() {
        return callRef;
    }

    public String getAni() {
        return ani;
    }

    public String getDnis() {
        return dnis;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndCause() {
        return endCause;
    }
}
