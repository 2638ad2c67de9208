package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One customer-initiated operation in Kefu's own database (KefuDS): channel, call, agent, what
 * and how it ended. Its idempotency key is unique, which is what makes a retry harmless. A card
 * or account number as counterparty is stored masked; a retry is compared on the masked form.
 */
@Entity
@Table(name = "operation_journal")
public class JournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false, length = 64)
    private String idempotencyKey;

    @Column(name = "operation", nullable = false, length = 32)
    private String operation;

    @Column(name = "channel", nullable = false, length = 16)
    private String channel;

    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "agent_job_number", length = 32)
    private String agentJobNumber;

    @Column(name = "account_number", length = 32)
    private String accountNumber;

    @Column(name = "counterparty", length = 32)
    private String counterparty;

    @Column(name = "amount", precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "reference", nullable = false, length = 64)
    private String reference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected JournalEntry() {
    }

    JournalEntry(OperationContext ctx, Operation operation, String accountNumber, String counterparty,
                 BigDecimal amount, String status, String reference, Instant at) {
        this.idempotencyKey = ctx.idempotencyKey();
        this.operation = operation.name();
        this.channel = ctx.channel().name();
        this.callRef = ctx.callId();
        this.agentJobNumber = ctx.agent();
        this.accountNumber = accountNumber;
        this.counterparty = stored(operation, counterparty);
        this.amount = amount;
        this.status = status;
        this.reference = reference;
        this.createdAt = at;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getOperation() {
        return operation;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    /**
     * The counterparty as the journal keeps it: card and account numbers masked (issue 14 item
     * 10; the ledger's postings name the accounts), anything else (a bill number, "code/quantity")
     * as given.
     */
    static String stored(Operation operation, String counterparty) {
        return operation.counterpartyIsCardNumber() ? CardNumbers.mask(counterparty) : counterparty;
    }

    /** As stored: masked for card and account numbers, see {@link #stored}. */
    public String getCounterparty() {
        return counterparty;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getStatus() {
        return status;
    }

    public String getReference() {
        return reference;
    }

    /**
     * Whether a retry with the same key asks for the same thing (otherwise the key was reused).
     * A null amount asks "whatever it was" (a bill's amount comes from the bill).
     */
    boolean sameRequest(Operation op, String account, String other, BigDecimal amt) {
        return operation.equals(op.name())
                && java.util.Objects.equals(accountNumber, account)
                && java.util.Objects.equals(counterparty, stored(op, other))
                && (amt == null || amount != null && amount.compareTo(amt) == 0);
    }
}
