package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An account's card: blocked when reported lost; carries the PIN hash and the failure count. */
@Entity
@Table(name = "bank_card")
public class BankCard {

    public static final String ACTIVE = "ACTIVE";
    public static final String BLOCKED = "BLOCKED";

    @Id
    @Column(name = "card_number", length = 32)
    private String cardNumber;

    @Column(name = "account_number", nullable = false, length = 32)
    private String accountNumber;

    @Column(name = "status", nullable = false, length = 16)
    private String status = ACTIVE;

    @Column(name = "pin_hash", nullable = false, length = 64)
    private String pinHash;

    @Column(name = "pin_salt", nullable = false, length = 32)
    private String pinSalt;

    @Column(name = "pin_iterations", nullable = false)
    private int pinIterations;

    @Column(name = "pin_failures", nullable = false)
    private int pinFailures;

    @Column(name = "blocked_at")
    private Instant blockedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected BankCard() {
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public boolean isBlocked() {
        return BLOCKED.equals(status);
    }

    public int getPinFailures() {
        return pinFailures;
    }

    PinHasher.Stored storedPin() {
        return new PinHasher.Stored(pinHash, pinSalt, pinIterations);
    }

    void pinFailed() {
        pinFailures++;
    }

    void pinSucceeded() {
        pinFailures = 0;
    }

    void block(Instant at) {
        if (!isBlocked()) {
            status = BLOCKED;
            blockedAt = at;
        }
    }
}
