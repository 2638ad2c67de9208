package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One entry of the ACD's event log: ENQUEUE, OFFER, ANSWER, RONA, ABANDON, END, TRANSFER,
 * OVERFLOW, CALLBACK, STATE. Live figures (service level, ASA, AHT, abandon rate) are computed
 * from it, so they survive a restart and agree between cluster nodes.
 */
@Entity
@Table(name = "acd_event")
public class AcdEvent {

    public static final String ENQUEUE = "ENQUEUE";
    public static final String OFFER = "OFFER";
    public static final String ANSWER = "ANSWER";
    public static final String RONA = "RONA";
    public static final String ABANDON = "ABANDON";
    public static final String END = "END";
    public static final String TRANSFER = "TRANSFER";
    public static final String OVERFLOW = "OVERFLOW";
    public static final String CALLBACK = "CALLBACK";
    public static final String STATE = "STATE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "event_type", nullable = false, length = 16)
    private String type;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "queue_code", length = 32)
    private String queueCode;

    @Column(name = "job_number", length = 32)
    private String jobNumber;

    @Column(name = "wait_millis")
    private Long waitMillis;

    @Column(name = "duration_millis")
    private Long durationMillis;

    @Column(name = "detail", length = 200)
    private String detail;

    protected AcdEvent() {
    }

    AcdEvent(Instant at, String type, String callRef, String queueCode, String jobNumber, Long waitMillis,
             Long durationMillis, String detail) {
        this.occurredAt = at;
        this.type = type;
        this.callRef = callRef;
        this.queueCode = queueCode;
        this.jobNumber = jobNumber;
        this.waitMillis = waitMillis;
        this.durationMillis = durationMillis;
        this.detail = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
    }

    public String getType() {
        return type;
    }

    public String getCallRef() {
        return callRef;
    }

    public String getQueueCode() {
        return queueCode;
    }

    public String getJobNumber() {
        return jobNumber;
    }

    public Long getWaitMillis() {
        return waitMillis;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
