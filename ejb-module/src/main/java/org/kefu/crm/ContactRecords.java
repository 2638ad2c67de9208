package org.kefu.crm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * After-call work: the agent's wrap-up code and notes for a call, one contact_record row
 * per call and agent, written as the signed-in agent. A second save of the same call replaces
 * the agent's first one (a corrected code), so that a call is never counted twice.
 */
@Stateless
@RolesAllowed({"agent", "supervisor"})
public class ContactRecords {

    static final int MAX_NOTES = 2000;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource
    private SessionContext context;

    public List<WrapUpCode> wrapUpCodes() {
        List<WrapUpCode> codes = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT code, name_zh, name_en FROM wrap_up_code ORDER BY sort_order, code").getResultList()) {
            Object[] r = (Object[]) row;
            codes.add(new WrapUpCode((String) r[0], (String) r[1], (String) r[2]));
        }
        return codes;
    }

    /** The contact records of a phone number or of a call, newest first (at most 100). */
    @RolesAllowed({"agent", "supervisor", "admin"})
    public List<ContactRecord> history(String phone, String callRef) {
        if ((phone == null || phone.isBlank()) && (callRef == null || callRef.isBlank())) {
            throw new ContactRecordException("CRITERION_REQUIRED", "a phone or a call reference is required");
        }
        List<ContactRecord> result = new ArrayList<>();
        List<?> rows = em.createNativeQuery("SELECT id, call_ref, customer_id, phone, agent_job_number, wrap_up_code, notes, recorded_at"
                        + " FROM contact_record WHERE " + (phone == null || phone.isBlank() ? "call_ref = ?1" : "phone = ?1")
                        + " ORDER BY recorded_at DESC, id DESC")
                .setParameter(1, phone == null || phone.isBlank() ? callRef : phone)
                .setMaxResults(100).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            result.add(new ContactRecord(((Number) r[0]).longValue(), (String) r[1],
                    r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                    ScreenPops.instant(r[7])));
        }
        return result;
    }

    /** Stores the wrap-up of a call; returns the record's id. */
    public long record(String callRef, Long customerId, String phone, String code, String notes) {
        if (code == null || code.isBlank()) {
            throw new ContactRecordException("CODE_REQUIRED", "a wrap-up code is required");
        }
        Number known = (Number) em.createNativeQuery("SELECT COUNT(*) FROM wrap_up_code WHERE code = ?1")
                .setParameter(1, code).getSingleResult();
        if (known.intValue() == 0) {
            throw new ContactRecordException("UNKNOWN_CODE", code);
        }
        String text = notes == null ? null : notes.strip();
        if (text != null && text.length() > MAX_NOTES) {
            throw new ContactRecordException("NOTES_TOO_LONG", text.length() + " characters");
        }
        if (customerId != null && em.find(Customer.class, customerId) == null) {
            customerId = null; // deleted meanwhile: the record keeps the phone
        }
        String agent = context.getCallerPrincipal().getName();
        if (callRef != null) {
            em.createNativeQuery("DELETE FROM contact_record WHERE call_ref = ?1 AND agent_job_number = ?2")
                    .setParameter(1, callRef).setParameter(2, agent).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO contact_record (call_ref, customer_id, phone, agent_job_number, wrap_up_code, notes, recorded_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, callRef)
                .setParameter(2, customerId)
                .setParameter(3, phone)
                .setParameter(4, agent)
                .setParameter(5, code)
                .setParameter(6, text == null || text.isEmpty() ? null : text)
                .setParameter(7, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .executeUpdate();
        Number id = (Number) em.createNativeQuery("SELECT MAX(id) FROM contact_record WHERE agent_job_number = ?1")
                .setParameter(1, agent).getSingleResult();
        return id.longValue();
    }
}
