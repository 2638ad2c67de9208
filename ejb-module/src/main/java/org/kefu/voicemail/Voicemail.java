package org.kefu.voicemail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A message a caller left: linked to the caller's number, the customer when known, and the
 * queue it was for. RECORDING until the switch reports the WAV ({@code recordingRef}), then NEW.
 */
@Entity
@Table(name = "voicemail")
public class Voicemail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_ref", nullable = false, length = 64)
    private String callRef;

    @Column(name = "caller_number", length = 32)
    private String callerNumber;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "queue_code", length = 32)
    private String queueCode;

    @Column(name = "recording_ref", length = 200)
    private String recordingRef;

    @Column(name = "duration_millis")
    private Long durationMillis;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "RECORDING";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Voicemail() {
    }

    public Voicemail(String callRef, String callerNumber, Long customerId, String queueCode, Instant createdAt) {
        this.callRef = callRef;
        this.callerNumber = callerNumber;
        this.customerId = customerId;
        this.queueCode = queueCode;
        this.createdAt = createdAt;
    }

    public void recorded(String ref, long millis) {
        recordingRef = ref;
        durationMillis = millis;
        status = "NEW";
    }

    public Long getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }
}
