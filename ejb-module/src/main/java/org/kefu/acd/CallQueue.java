package org.kefu.acd;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.kefu.acd.routing.RoutingStrategy;

import java.util.HashMap;
import java.util.Map;
import jakarta.persistence.MapKeyColumn;

/** A queue's definition: who may serve it (skills with minimum levels) and how it routes. */
@Entity
@Table(name = "call_queue")
public class CallQueue {

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 64)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 64)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "strategy", nullable = false, length = 32)
    private RoutingStrategy strategy;

    @Column(name = "max_wait_seconds")
    private Integer maxWaitSeconds;

    @Column(name = "max_length")
    private Integer maxLength;

    @Column(name = "overflow_queue", length = 32)
    private String overflowQueue;

    @Column(name = "wrap_up_seconds", nullable = false)
    private int wrapUpSeconds;

    /** After max wait: QUEUE (overflow_queue), IVR (overflow_flow) or VOICEMAIL. */
    @Column(name = "overflow_kind", nullable = false, length = 16)
    private String overflowKind = "QUEUE";

    @Column(name = "overflow_flow", length = 64)
    private String overflowFlow;

    /** The IVR flow that asks the caller for a rating when the agent hangs up; null: the call ends with the talk. */
    @Column(name = "survey_flow", length = 64)
    private String surveyFlow;

    @Column(name = "rona_seconds", nullable = false)
    private int ronaSeconds = 10;

    @Column(name = "service_level_seconds", nullable = false)
    private int serviceLevelSeconds = 20;

    @Column(name = "short_abandon_seconds", nullable = false)
    private int shortAbandonSeconds = 5;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "queue_skill_requirement", joinColumns = @JoinColumn(name = "queue_code"))
    @MapKeyColumn(name = "skill_code", length = 32)
    @Column(name = "min_level")
    private Map<String, Integer> requiredSkills = new HashMap<>();

    protected CallQueue() {
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public RoutingStrategy getStrategy() {
        return strategy;
    }

    public Integer getMaxWaitSeconds() {
        return maxWaitSeconds;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public String getOverflowQueue() {
        return overflowQueue;
    }

    public String getOverflowKind() {
        return overflowKind;
    }

    public String getSurveyFlow() {
        return surveyFlow;
    }

    public String getOverflowFlow() {
        return overflowFlow;
    }

    public int getWrapUpSeconds() {
        return wrapUpSeconds;
    }

    /** How long an offered call rings at an agent before it returns to the queue (RONA). */
    public int getRonaSeconds() {
        return ronaSeconds;
    }

    /** Service level: calls answered within this many seconds count as "in service level". */
    public int getServiceLevelSeconds() {
        return serviceLevelSeconds;
    }

    /** Abandons shorter than this are left out of the service level and abandon rate. */
    public int getShortAbandonSeconds() {
        return shortAbandonSeconds;
    }

    public Map<String, Integer> getRequiredSkills() {
        return Map.copyOf(requiredSkills);
    }

    /** True when the agent has every required skill at or above its minimum level. */
    public boolean canBeServedBy(Agent agent) {
        return requiredSkills.entrySet().stream()
                .allMatch(r -> agent.levelOf(r.getKey()).orElse(0) >= r.getValue());
    }
}
