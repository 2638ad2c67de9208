package org.kefu.acd;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers who answered each caller number, one row per number, so that the arrival of a call
 * finds the caller's last agent with one primary-key read.
 */
@Stateless
@PermitAll // local only
public class StickyAgents {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private RecentAnswers recent;

    /**
     * In a transaction of its own: two first answers for the same new number at the same moment
     * collide on the primary key, and that must not undo the answer itself.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remember(String ani, String jobNumber, Instant at) {
        if (!isCallerNumber(ani)) {
            return;
        }
        CallerLastAgent row = em.find(CallerLastAgent.class, ani);
        if (row == null) {
            em.persist(new CallerLastAgent(ani, jobNumber, at));
        } else {
            row.answeredBy(jobNumber, at);
        }
        recent.answered(ani, jobNumber, at);
    }

    /**
     * The agent who last answered this number at or after {@code since}; from this node's memory
     * when it is fresh, so that an arriving call usually costs no database read nor transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> lastAgentOf(String ani, Instant since) {
        if (!isCallerNumber(ani)) {
            return Optional.empty();
        }
        RecentAnswers.Known known = recent.lookup(ani);
        if (known == null) {
            Optional<CallerLastAgent> row = Optional.ofNullable(em.find(CallerLastAgent.class, ani));
            known = recent.put(ani, row);
        }
        return known.jobNumber() == null || known.answeredAt().isBefore(since)
                ? Optional.empty() : Optional.of(known.jobNumber());
    }

    private static boolean isCallerNumber(String ani) {
        return ani != null && !ani.isBlank() && !"anonymous".equals(ani) && ani.length() <= 32;
    }
}
