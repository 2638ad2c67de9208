package org.kefu.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One call whose caller was asked to rate it: its agent and queue, and the score (1 to 5) if the caller gave one. */
@Entity
@Table(name = "satisfaction_survey")
public class SatisfactionSurvey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_ref", nullable = false, length = 64, updatable = false)
    private String callRef;

    @Column(name = "agent_job", nullable = false, length = 32, updatable = false)
    private String agentJob;

    @Column(name = "queue_code", length = 32, updatable = false)
    private String queueCode;

    @Column(name = "score")
    private Integer score;

    @Column(name = "offered_at", nullable = false, updatable = false)
    private Instant offeredAt;

    @Column(name = "scored_at")
    private Instant scoredAt;

    protected SatisfactionSurvey() {
    }

    SatisfactionSurvey(String callRef, String agentJob, String queueCode, Instant offeredAt) {
        this.callRef = callRef;
        this.agentJob = agentJob;
        this.queueCode = queueCode;
        this.offeredAt = offeredAt;
    }

    void scored(int value, Instant at) {
        score = value;
        scoredAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getCallRef() {
        return callRef;
    }

    public String getAgentJob() {
        return agentJob;
    }

    public String getQueueCode() {
        return queueCode;
    }

    public Integer getScore() {
        return score;
    }

    public Instant getOfferedAt() {
        return offeredAt;
    }

    public Instant getScoredAt() {
        return scoredAt;
    }
}
