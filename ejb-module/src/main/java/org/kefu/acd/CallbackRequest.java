package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A waiting caller's request to be called back (issue 4 §3). {@code enqueuedAt} is when the
 * caller started waiting: the dialer serves requests in that order, so the caller keeps its place.
 */
@Entity
@Table(name = "callback_request")
public class CallbackRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "phone", nullable = false, length = 32)
    private String phone;

    @Column(name = "queue_code", length = 32)
    private String queueCode;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "enqueued_at", nullable = false)
    private Instant enqueuedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "QUEUED";

    /** Who asked, for requests from outside the ACD ("bo:" + the back office's id): unique. */
    @Column(name = "request_key", length = 80)
    private String requestKey;

    @Column(name = "reason", length = 200)
    private String reason;

    @Column(name = "not_before")
    private Instant notBefore;

    /** How many attempts have been started (the number of the latest). */
    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_outcome", length = 16)
    private String lastOutcome;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CallbackRequest() {
    }

    CallbackRequest(String callRef, String phone, String queueCode, Long customerId, Instant enqueuedAt, Instant createdAt) {
        this.callRef = callRef;
        this.phone = phone;
        this.queueCode = queueCode;
        this.customerId = customerId;
        this.enqueuedAt = enqueuedAt;
        this.createdAt = createdAt;
    }

    /** A request from outside the ACD (the back office, later tickets and the web form). */
    public static CallbackRequest external(String requestKey, String phone, String queueCode, Long customerId, String reason,
                                           Instant requestedAt, Instant notBefore) {
        CallbackRequest r = new CallbackRequest(null, phone, queueCode, customerId, requestedAt, requestedAt);
        r.requestKey = requestKey;
        r.reason = reason;
        r.notBefore = notBefore;
        return r;
    }

    /** The outcome of an attempt, and where the request stands after it. */
    public void outcome(String status, String outcome, Instant at) {
        this.status = status;
        this.lastOutcome = outcome;
        this.updatedAt = at;
    }

    /** Attempt {@code n} starts (waits in the queue, then is dialled). */
    public void attemptStarted(int n, Instant at) {
        this.attempts = Math.max(attempts, n);
        this.status = "QUEUED";
        this.updatedAt = at;
    }

    public String getCallRef() {
        return callRef;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public String getReason() {
        return reason;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastOutcome() {
        return lastOutcome;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isFinished() {
        return "DONE".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status);
    }

    public Long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public String getQueueCode() {
        return queueCode;
    }

    public Instant getEnqueuedAt() {
        return enqueuedAt;
    }

    public String getStatus() {
        return status;
    }
}
