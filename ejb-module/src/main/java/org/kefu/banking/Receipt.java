package org.kefu.banking;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The outcome of a completed operation: its reference (the ledger movement and the JMS
 * correlation id), the key it was asked with, and whether this answer is a replay of an earlier
 * execution of the same request (then nothing happened this time).
 */
public record Receipt(String reference, Operation operation, String idempotencyKey, BigDecimal amount, boolean replayed)
        implements Serializable {
}
