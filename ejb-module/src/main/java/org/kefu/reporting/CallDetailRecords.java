package org.kefu.reporting;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Writes the CDR as a call goes: opened on arrival, answered, ended with its cause. */
@Stateless
@PermitAll
public class CallDetailRecords {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    public void opened(String callRef, String direction, String ani, String dnis, Instant at) {
        if (find(callRef).isPresent()) {
            return;
        }
        Long customer = em.createQuery("select c.id from Customer c join c.phones p where p.phone = :phone", Long.class)
                .setParameter("phone", ani)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        em.persist(new CallRecord(callRef, direction, ani, dnis, customer, at));
    }

    public void answered(String callRef, Instant at) {
        find(callRef).ifPresent(r -> r.answered(at));
    }

    /** The queue the call waited in and the agent who took it (the latest, after transfers). */
    public void assigned(String callRef, String queueCode, String agentJobNumber) {
        find(callRef).ifPresent(r -> r.assigned(queueCode, agentJobNumber));
    }

    public void ended(String callRef, Instant at, String cause) {
        find(callRef).ifPresent(r -> r.ended(at, cause));
    }

    public Optional<CallRecord> find(String callRef) {
        return em.createQuery("select r from CallRecord r where r.callRef = :ref", CallRecord.class)
                .setParameter("ref", callRef)
                .getResultStream().findFirst();
    }

    public List<CallRecord> latestFrom(String ani, int max) {
        return em.createQuery("select r from CallRecord r where r.ani = :ani order by r.id desc", CallRecord.class)
                .setParameter("ani", ani)
                .setMaxResults(max)
                .getResultList();
    }
}
