package org.kefu.voicemail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Callers' messages: a row when recording starts, completed when the switch reports the WAV. */
@Stateless
@PermitAll // local only: the callflow
public class Voicemails {

    private static final Logger LOG = Logger.getLogger(Voicemails.class);

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    public long started(String callRef, String callerNumber, Long customerId, String queueCode) {
        Voicemail v = new Voicemail(callRef, callerNumber, customerId, queueCode, Instant.now());
        em.persist(v);
        em.flush();
        return v.getId();
    }

    /** The recording of a call's message finished; false when the call left no message row. */
    public boolean recorded(String callRef, String recordingRef, long millis) {
        var rows = em.createQuery("select v from Voicemail v where v.callRef = :c and v.status = 'RECORDING'", Voicemail.class)
                .setParameter("c", callRef).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        rows.forEach(v -> v.recorded(recordingRef, millis));
        LOG.infof("Call %s left a message of %d ms (%s)", callRef, millis, recordingRef);
        return true;
    }
}
