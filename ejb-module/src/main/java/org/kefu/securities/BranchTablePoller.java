package org.kefu.securities;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jboss.logging.Logger;

/**
 * Polls the order table of the TABLE-protocol branches for answers (every
 * {@code kefu.securities.pollMillis}, default 1000 ms) and settles them one by one.
 */
@Singleton
@Startup
@PermitAll
public class BranchTablePoller {

    private static final Logger LOG = Logger.getLogger(BranchTablePoller.class);

    @Resource
    private TimerService timers;

    @EJB
    private BranchTableAnswers answers;

    private long every;

    @PostConstruct
    void start() {
        every = Long.getLong("kefu.securities.pollMillis", 1000L);
        next();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        try {
            for (String ref : answers.answered(100)) {
                answers.settle(ref);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Polling the branch order table failed: %s", e.getMessage());
        } finally {
            next();
        }
    }

    /** One poll after the other (a single-action timer each time), so polls never overlap. */
    private void next() {
        try {
            timers.createSingleActionTimer(every, new TimerConfig("branch-table-poller", false));
        } catch (IllegalStateException e) {
            LOG.debugf("Branch table poller stopping: %s", e.getMessage());
        }
    }
}
