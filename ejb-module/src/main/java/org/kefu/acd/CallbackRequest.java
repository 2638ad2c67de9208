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
