package org.kefu.voicemail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Stores callers' messages, linked to the caller's number and, when it is known, the customer.
 * Two ways in: an IVR flow stores a message whose recording is done ({@link #store}); the
 * callflow opens a row when a message starts and completes it when the switch reports the WAV
 * ({@link #started}, {@link #recorded}).
 */
@Stateless
@PermitAll // local only
public class Voicemails {

    private static final Logger LOG = Logger.getLogger(Voicemails.class);

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
        Voicemail v = Voicemail.recorded(callRef == null || callRef.length() > 64 ? null : callRef, callerPhone,
                customerOf(callerPhone), queueCode, recordingRef, Instant.now());
        em.persist(v);
        return v;
    }

    /** A caller starts leaving a message; returns the row's id. */
    public long started(String callRef, String callerPhone, Long customerId, String queueCode) {
        String phone = callerPhone == null || callerPhone.length() > 32 ? null : callerPhone;
        Voicemail v = Voicemail.recording(callRef, phone, customerId, queueCode, Instant.now());
        em.persist(v);
        em.flush();
        return v.getId();
    }

    /** The recording of a call's message finished; false when the call left no message row. */
    public boolean recorded(String callRef, String recordingRef, long millis) {
        List<Voicemail> rows = em.createQuery("select v from Voicemail v where v.callRef = :c and v.status = 'RECORDING'", Voicemail.class)
                .setParameter("c", callRef).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        rows.forEach(v -> v.recorded(recordingRef, millis));
        LOG.infof("Call %s left a message of %d ms (%s)", callRef, millis, recordingRef);
        return true;
    }

    /** The customer whose phone this is, if exactly one. */
    public Long customerOf(String phone) {
        List<?> ids = em.createNativeQuery("SELECT customer_id FROM customer_phone WHERE phone = ?")
                .setParameter(1, phone).getResultList();
        return ids.size() == 1 ? ((Number) ids.get(0)).longValue() : null;
    }
}
