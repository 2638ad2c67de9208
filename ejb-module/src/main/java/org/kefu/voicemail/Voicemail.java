package org.kefu.voicemail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A message a caller left (the hotline out of hours, a routing rule's voicemail target, a queue's
 * overflow): who called (number, and the customer if the number is known), for which queue, and
 * the recording's file name in the switch's recording folder. RECORDING while the caller speaks,
 * NEW once the WAV exists, until somebody listens to it and calls back.
 */
@Entity
@Table(name = "voicemail")
public class Voicemail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "caller_phone", length = 32)
    private String callerPhone;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "queue_code", length = 32)
    private String queueCode;

    @Column(name = "recording_ref", length = 200)
    private String recordingRef;

    @Column(name = "duration_millis")
    private Long durationMillis;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Voicemail() {
    }

    /** A message whose recording is still running. */
    static Voicemail recording(String callRef, String callerPhone, Long customerId, String queueCode, Instant now) {
        Voicemail v = new Voicemail();
        v.callRef = callRef;
        v.callerPhone = callerPhone;
        v.customerId = customerId;
        v.queueCode = queueCode;
        v.status = "RECORDING";
        v.createdAt = now;
        return v;
    }

    /** A message whose recording is already written. */
    static Voicemail recorded(String callRef, String callerPhone, Long customerId, String queueCode, String recordingRef, Instant now) {
        Voicemail v = recording(callRef, callerPhone, customerId, queueCode, now);
        v.recordingRef = recordingRef;
        v.status = "NEW";
        return v;
    }

    void recorded(String ref, long millis) {
        recordingRef = ref;
        durationMillis = millis;
        status = "NEW";
    }

    public Long getId() { return id; }
    public String getCallRef() { return callRef; }
    public String getCallerPhone() { return callerPhone; }
    public Long getCustomerId() { return customerId; }
    public String getQueueCode() { return queueCode; }
    public String getRecordingRef() { return recordingRef; }
    public Long getDurationMillis() { return durationMillis; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
}
