package org.kefu.voicemail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** Stores callers' messages, linked to the caller's number and, when it is known, the customer. */
@Stateless
@PermitAll // local only
public class Voicemails {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    /**
     * @param recordingRef the file name the switch gave the recording (no folders)
     * @throws IllegalArgumentException for a missing caller number or a recording name with a path
     */
    public Voicemail store(String callerPhone, String queueCode, String recordingRef, String callRef) {
        if (callerPhone == null || callerPhone.isBlank() || callerPhone.length() > 32) {
            throw new IllegalArgumentException("a voicemail needs the caller's number");
        }
        if (recordingRef == null || recordingRef.isBlank() || recordingRef.length() > 200
                || recordingRef.contains("/") || recordingRef.contains("\\")) {
            throw new IllegalArgumentException("a voicemail needs the recording's file name");
        }
        Voicemail v = new Voicemail(callerPhone, customerOf(callerPhone), queueCode,
                recordingRef, callRef == null || callRef.length() > 64 ? null : callRef, Instant.now());
        em.persist(v);
        return v;
    }

    /** The customer whose phone this is, if exactly one. */
    public Long customerOf(String phone) {
        List<?> ids = em.createNativeQuery("SELECT customer_id FROM customer_phone WHERE phone = ?")
                .setParameter(1, phone).getResultList();
        return ids.size() == 1 ? ((Number) ids.get(0)).longValue() : null;
    }
}
