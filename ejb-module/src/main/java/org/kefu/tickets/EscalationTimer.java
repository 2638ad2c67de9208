package org.kefu.tickets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Scans for tickets running late every {@code kefu.tickets.escalationSeconds} (60). The timer is
 * not persistent on purpose: what is due is computed from the tickets' deadlines and escalation
 * levels in the database, so the first scan after a restart raises whatever fell due while the
 * server was down, and a persistent timer would add nothing but a second copy per restart.
 */
@Singleton
@Startup
@PermitAll
public class EscalationTimer {

    private static final Logger LOG = Logger.getLogger(EscalationTimer.class);

    static final long INTERVAL_SECONDS = Long.getLong("kefu.tickets.escalationSeconds", 60);

    @Resource
    private TimerService timers;

    @EJB
    private TicketEscalations escalations;

    @PostConstruct
    void start() {
        long ms = Math.max(1, INTERVAL_SECONDS) * 1000;
        timers.createIntervalTimer(Math.min(ms, 10_000), ms, new TimerConfig("ticket-escalation", false));
    }

    @Timeout
    void scan() {
        try {
            int raised = escalations.escalate(Instant.now());
            if (raised > 0) {
                LOG.infof("%d ticket escalation(s) raised", raised);
            }
        } catch (RuntimeException e) {
            LOG.warnf("The ticket escalation scan failed (the next one tries again): %s", e.getMessage());
        }
    }
}
