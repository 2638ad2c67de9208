package org.kefu.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A number, or every number of a customer, that Kefu must not dial on the listed outbound paths. */
@Entity
@Table(name = "do_not_call")
public class DoNotCallEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "phone", length = 20)
    private String phone;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "reason", nullable = false, length = 200)
    private String reason;

    @Column(name = "added_by", nullable = false, length = 64)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected DoNotCallEntry() {
    }

    DoNotCallEntry(String phone, Long customerId, String reason, String addedBy, Instant addedAt, Instant expiresAt) {
        this.phone = phone;
        this.customerId = customerId;
        this.reason = reason;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
        this.expiresAt = expiresAt;
    }

    void renew(String reason, String addedBy, Instant addedAt, Instant expiresAt) {
        this.reason = reason;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
        this.expiresAt = expiresAt;
    }

    public boolean inForceAt(Instant at) {
        return expiresAt == null || expiresAt.isAfter(at);
    }

    public Long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getReason() {
        return reason;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
