package org.kefu.banking;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contact center's journal (KefuDS) and the idempotency guard. A request whose key is
 * already journaled is answered from the journal and does nothing; a key reused for something
 * else is refused. Two concurrent requests with one key both pass the lookup; the unique key
 * then stops the second at {@link #record} (PostgreSQL makes it wait for the first to commit),
 * and its whole transaction rolls back.
 */
@Stateless
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OperationJournal {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    /** The earlier execution of this very request, if any; amount null means "whatever it was". */
    public Optional<Receipt> replay(OperationContext ctx, Operation operation, String account, String counterparty,
                                    BigDecimal amount) throws BankingException {
        List<JournalEntry> found = em.createQuery("SELECT j FROM JournalEntry j WHERE j.idempotencyKey = :k", JournalEntry.class)
                .setParameter("k", ctx.idempotencyKey()).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JournalEntry first = found.get(0);
        if (!first.sameRequest(operation, account, counterparty, amount)) {
            throw new BankingException(BankingError.DUPLICATE_REQUEST, "idempotency key already used for another request");
        }
        return Optional.of(new Receipt(first.getReference(), operation, first.getIdempotencyKey(), first.getAmount(), true));
    }

    public void record(OperationContext ctx, Operation operation, String account, String counterparty, BigDecimal amount,
                       String reference) throws BankingException {
        em.persist(new JournalEntry(ctx, operation, account, counterparty, amount, "COMPLETED", reference, Instant.now()));
        try {
            // Now, not at commit: a concurrent duplicate must fail here, as a BankingException.
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new BankingException(BankingError.DUPLICATE_REQUEST, "the same request is being executed concurrently");
            }
            throw e;
        }
    }

    public List<JournalEntry> forReference(String reference) {
        return em.createQuery("SELECT j FROM JournalEntry j WHERE j.reference = :r", JournalEntry.class)
                .setParameter("r", reference).getResultList();
    }

    /** SQLSTATE class 23 (integrity constraint violation) on the unique key. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
