package org.kefu.voicemail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A message a caller left (out of hours on the hotline): who called (number, and the customer if
 * the number is known), for which queue, and the recording's file name in the switch's recording
 * folder. NEW until somebody listens to it and calls back.
 */
@Entity
@Table(name = "voicemail")
public class Voicemail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "caller_phone", nullable = false, length = 32)
    private String callerPhone;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "queue_code", length = 32)
    private String queueCode;

    @Column(name = "recording_ref", nullable = false, length = 200)
    private String recordingRef;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "NEW";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Voicemail() {
    }

    Voicemail(String callerPhone, Long customerId, String queueCode, String recordingRef, String callRef, Instant now) {
        this.callerPhone = callerPhone;
        this.customerId = customerId;
        this.queueCode = queueCode;
        this.recordingRef = recordingRef;
        this.callRef = callRef;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public String getCallerPhone() { return callerPhone; }
    public Long getCustomerId() { return customerId; }
    public String getQueueCode() { return queueCode; }
    public String getRecordingRef() { return recordingRef; }
    public String getCallRef() { return callRef; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
}
