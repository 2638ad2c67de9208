package org.kefu.reporting;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a batch of pending CDR changes in one transaction: new rows, then updates. */
@Stateless
@PermitAll // local only
public class CdrWriter {

    /** Oracle accepts at most 1,000 values in an IN list. */
    private static final int IN_LIMIT = 500;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(Collection<PendingCdr> batch) {
        Map<String, PendingCdr> byRef = new HashMap<>();
        for (PendingCdr p : batch) {
            byRef.put(p.callRef, p);
        }
        Map<String, CallRecord> existing = existingRows(byRef.keySet());
        List<PendingCdr> fresh = new ArrayList<>();
        for (PendingCdr p : batch) {
            CallRecord row = existing.get(p.callRef);
            if (row != null) {
                p.applyTo(row);
            } else if (p.opening) {
                fresh.add(p);
            }
            // neither: a call opened before this node started (or not by the inbound path): no row to complete
        }
        Map<String, Long> customers = customersByPhone(fresh);
        for (PendingCdr p : fresh) {
            CallRecord row = new CallRecord(p.callRef, p.direction, p.ani, p.dnis, customers.get(p.ani), p.startedAt);
            p.applyTo(row);
            em.persist(row);
        }
    }

    private Map<String, CallRecord> existingRows(Set<String> refs) {
        Map<String, CallRecord> rows = new HashMap<>();
        for (List<String> chunk : chunks(refs)) {
            for (CallRecord r : em.createQuery("select r from CallRecord r where r.callRef in :refs", CallRecord.class)
                    .setParameter("refs", chunk).getResultList()) {
                rows.put(r.getCallRef(), r);
            }
        }
        return rows;
    }

    private Map<String, Long> customersByPhone(List<PendingCdr> fresh) {
        Set<String> phones = new HashSet<>();
        for (PendingCdr p : fresh) {
            if (p.ani != null && !p.ani.isBlank()) {
                phones.add(p.ani);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(phones)) {
            for (Object[] row : em.createQuery("select p.phone, c.id from Customer c join c.phones p where p.phone in :phones", Object[].class)
                    .setParameter("phones", chunk).getResultList()) {
                ids.putIfAbsent((String) row[0], (Long) row[1]);
            }
        }
        return ids;
    }

    private static List<List<String>> chunks(Set<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += IN_LIMIT) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIMIT)));
        }
        return chunks;
    }
}
