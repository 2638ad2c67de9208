package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One leg of a money movement: a signed amount on one account. A movement's legs sum to zero. */
@Entity
@Table(name = "posting")
public class Posting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "movement_ref", nullable = false, length = 64)
    private String movementRef;

    @Column(name = "account_number", nullable = false, length = 32)
    private String accountNumber;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "movement_kind", nullable = false, length = 16)
    private String movementKind;

    @Column(name = "description", length = 200)
    private String description;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    protected Posting() {
    }

    Posting(String movementRef, String accountNumber, BigDecimal amount, MovementKind kind, String description, Instant at) {
        this.movementRef = movementRef;
        this.accountNumber = accountNumber;
        this.amount = amount;
        this.movementKind = kind.name();
        this.description = description;
        this.postedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getMovementRef() {
        return movementRef;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getMovementKind() {
        return movementKind;
    }

    public String getDescription() {
        return description;
    }

    public Instant getPostedAt() {
        return postedAt;
    }
}
