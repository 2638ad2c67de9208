package org.kefu.outbound.dunning;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.jboss.logging.Logger;

/**
 * At start: a voice reminder whose call was ringing or talking when the server stopped is marked
 * UNCERTAIN (its job was taken when the call was placed, so no redelivery will settle it), never
 * called again the same way.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@PermitAll
public class VoiceReminderRecovery {

    private static final Logger LOG = Logger.getLogger(VoiceReminderRecovery.class);

    @EJB
    private NoticeClaims claims;

    @PostConstruct
    void settle() {
        try {
            int cut = claims.callsCutShort();
            if (cut > 0) {
                LOG.warnf("%d voice reminder(s) were in a call when the server stopped: marked UNCERTAIN", cut);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Voice reminders cut short by the restart not settled");
        }
    }
}
