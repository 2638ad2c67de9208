package org.kefu.securities;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Securities accounts, positions, share holds, quotes and orders in LedgerDS. Shares move only
 * through {@link #moveShares}, from one position to another, so the quantities of every stock
 * over all accounts keep summing to zero.
 */
@Stateless
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SecuritiesBook {

    @PersistenceContext(unitName = "ledger")
    private EntityManager em;

    public Optional<SecAccount> customerAccount(String accountId) {
        if (accountId == null || accountId.isBlank() || accountId.length() > 16) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SecAccount.class, accountId)).filter(SecAccount::isCustomer);
    }

    public SecBranch branch(String code) {
        return em.find(SecBranch.class, code);
    }

    public Optional<SecQuote> quote(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SecQuote.class, code));
    }

    public List<SecQuote> quotes() {
        return em.createQuery("SELECT q FROM SecQuote q ORDER BY q.stockCode", SecQuote.class).getResultList();
    }

    /** Inserts or refreshes a quote; a new code needs a name and a previous close. */
    public boolean upsertQuote(String code, String name, java.math.BigDecimal prevClose, java.math.BigDecimal last) {
        SecQuote quote = em.find(SecQuote.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (quote == null) {
            if (name == null || prevClose == null) {
                return false;
            }
            em.persist(new SecQuote(code, name, prevClose, last, Instant.now()));
        } else {
            quote.update(name, prevClose, last, Instant.now());
        }
        return true;
    }

    public List<SecPosition> positions(String accountId) {
        return em.createQuery("SELECT p FROM SecPosition p WHERE p.accountId = :a AND p.quantity <> 0 ORDER BY p.stockCode",
                SecPosition.class).setParameter("a", accountId).getResultList();
    }

    public long quantity(String accountId, String code) {
        SecPosition p = em.find(SecPosition.class, new PositionId(accountId, code));
        return p == null ? 0 : p.getQuantity();
    }

    public long frozenShares(String accountId, String code) {
        Long sum = em.createQuery("SELECT SUM(h.quantity) FROM SecShareHold h WHERE h.accountId = :a AND h.stockCode = :c "
                        + "AND h.status = 'ACTIVE'", Long.class)
                .setParameter("a", accountId).setParameter("c", code).getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** Locks (creating it empty when missing) the position of one stock in one account. */
    public SecPosition lockPosition(String accountId, String code) {
        SecPosition p = em.find(SecPosition.class, new PositionId(accountId, code), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            p = new SecPosition(accountId, code);
            em.persist(p);
            em.flush();
        }
        return p;
    }

    /** Moves shares from one account's position to another's, both locked in account order. */
    public void moveShares(String from, String to, String code, long quantity) {
        SecPosition a;
        SecPosition b;
        if (from.compareTo(to) < 0) {
            a = lockPosition(from, code);
            b = lockPosition(to, code);
        } else {
            b = lockPosition(to, code);
            a = lockPosition(from, code);
        }
        a.add(-quantity);
        b.add(quantity);
    }

    public void holdShares(String accountId, String code, long quantity, String reference) {
        em.persist(new SecShareHold(accountId, code, quantity, reference, Instant.now()));
    }

    public List<SecShareHold> activeShareHolds(String reference) {
        return em.createQuery("SELECT h FROM SecShareHold h WHERE h.reference = :r AND h.status = 'ACTIVE'", SecShareHold.class)
                .setParameter("r", reference).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public Optional<SecOrder> order(String orderRef) {
        if (orderRef == null || orderRef.isBlank() || orderRef.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SecOrder.class, orderRef));
    }

    public Optional<SecOrder> lockOrder(String orderRef) {
        if (orderRef == null || orderRef.isBlank() || orderRef.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SecOrder.class, orderRef, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<SecOrder> orders(String accountId, int max) {
        return em.createQuery("SELECT o FROM SecOrder o WHERE o.accountId = :a ORDER BY o.createdAt DESC", SecOrder.class)
                .setParameter("a", accountId).setMaxResults(max).getResultList();
    }
}
