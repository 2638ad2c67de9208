package org.kefu.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** The audit trail: who did what to what, when, from where, and how it ended. */
@Stateless
@PermitAll
public class AuditLog {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    /** Part of the caller's transaction: a rolled-back action leaves no "success" behind. */
    public void record(String actor, String action, String target, AuditOutcome outcome, String detail,
                       String sourceAddress) {
        em.persist(new AuditEvent(Instant.now(), actor, action, target, outcome, detail, sourceAddress));
    }

    /** Survives the caller's rollback: for refusals and failures, which must stay on record. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(String actor, String action, String target, AuditOutcome outcome,
                                    String detail, String sourceAddress) {
        record(actor, action, target, outcome, detail, sourceAddress);
    }

    public List<AuditEvent> latest(String actor, int max) {
        return em.createQuery("select e from AuditEvent e where e.actor = :actor order by e.id desc", AuditEvent.class)
                .setParameter("actor", actor)
                .setMaxResults(max)
                .getResultList();
    }
}
