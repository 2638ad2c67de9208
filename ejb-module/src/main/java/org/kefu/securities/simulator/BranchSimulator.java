package org.kefu.securities.simulator;

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
import org.kefu.platform.DemoCenter;

import java.util.List;

/**
 * SIMULATOR — stands in for the six branches' trading systems, for the demo center and the
 * tests; production runs with {@code -Dkefu.branchSimulator=false} (the default when the demo
 * center is off). When on, it answers every order at its limit price: it consumes the JMS
 * branch queues (GZ01–GZ03) and answers on kefu.securities.replies, and it polls the order
 * table for NEW rows of GZ04–GZ06 and answers them in place. One deliberate exception, so that
 * tests and demos can see a rejection: an order of exactly {@value #REJECTED_QUANTITY} shares is
 * rejected ("simulated rejection").
 */
@Singleton
@Startup
@PermitAll
public class BranchSimulator {

    private static final Logger LOG = Logger.getLogger(BranchSimulator.class);

    public static final long REJECTED_QUANTITY = 99_900;
    static final List<String> JMS_BRANCHES = List.of("GZ01", "GZ02", "GZ03");

    @Resource
    private TimerService timers;

    @EJB
    private SimulatedBranchDesk desk;

    private long every;

    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("kefu.branchSimulator", String.valueOf(DemoCenter.enabled())));
    }

    @PostConstruct
    void start() {
        if (!enabled()) {
            LOG.info("Branch simulator off (-Dkefu.branchSimulator=false): orders wait for the real branches");
            return;
        }
        every = Long.getLong("kefu.branchSimulator.pollMillis", 300L);
        next();
        LOG.info("Branch SIMULATOR on: GZ01-GZ06 orders are answered by Kefu itself (fills at the limit price)");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            for (String branch : JMS_BRANCHES) {
                while (desk.answerOneJmsOrder(branch)) {
                    // until the queue is empty
                }
            }
            for (String ref : desk.newTableOrders(100)) {
                desk.answerTableOrder(ref);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Branch simulator tick failed: %s", e.getMessage());
        } finally {
            next();
        }
    }

    /** One tick after the other (a single-action timer each time), so ticks never overlap. */
    private void next() {
        try {
            timers.createSingleActionTimer(every, new TimerConfig("branch-simulator", false));
        } catch (IllegalStateException e) {
            LOG.debugf("Branch simulator stopping: %s", e.getMessage());
        }
    }
}
