package org.kefu.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.jboss.logging.Logger;

/**
 * At start: callback attempts that waited in a queue when the server stopped wait again, and one
 * that was being dialled counts as failed, so that the next attempt follows ({@link CallbackDialer#recover}).
 */
@Startup
@Singleton
@DependsOn({"SchemaMigrator", "RoutingState"})
@PermitAll
public class CallbackRecovery {

    private static final Logger LOG = Logger.getLogger(CallbackRecovery.class);

    @EJB
    private CallbackDialer dialer;

    @PostConstruct
    void resume() {
        try {
            int resumed = dialer.recover();
            if (resumed > 0) {
                LOG.infof("%d callback attempt(s) resumed after the restart", resumed);
            }
        } catch (RuntimeException e) {
            // Kefu starts anyway: the requests stay in the database, QUEUED, for a supervisor to see.
            LOG.errorf(e, "Callback attempts not resumed after the restart");
        }
    }
}
