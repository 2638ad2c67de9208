package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.kefu.acd.routing.AgentStateChange;

import java.time.Instant;

/** One row of an agent's state history, as the router reported it. */
@Entity
@Table(name = "agent_state_history")
public class AgentStateRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_number", nullable = false, length = 32)
    private String jobNumber;

    @Column(name = "extension", length = 32)
    private String extension;

    @Column(name = "from_state", nullable = false, length = 16)
    private String fromState;

    @Column(name = "to_state", nullable = false, length = 16)
    private String toState;

    @Column(name = "reason", length = 32)
    private String reason;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AgentStateRecord() {
    }

    AgentStateRecord(AgentStateChange change) {
        this.jobNumber = change.jobNumber();
        this.extension = change.extension();
        this.fromState = change.from().name();
        this.toState = change.to().name();
        this.reason = change.reason();
        this.callRef = change.callId();
        this.occurredAt = change.at();
    }

    public String getJobNumber() {
        return jobNumber;
    }

    public String getFromState() {
        return fromState;
    }

    public String getToState() {
        return toState;
    }

    public String getReason() {
        return reason;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
