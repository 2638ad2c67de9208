package org.kefu.callflow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import org.jboss.logging.Logger;
import org.kefu.acd.AcdClock;
import org.kefu.acd.QueueOverflow;
import org.kefu.calls.CallSessions;

import java.time.Instant;

/**
 * The calls' one-second clock: the ACD's tick (wrap-ups, RONA, overflows, announcements), then
 * the overflows it decided, carried out by the number plan; once a minute, sessions whose call's
 * end never came are dropped. One interval timer; each tick is one transaction.
 */
@Startup
@Singleton
@DependsOn({"RoutingState", "AcdClock", "CallSessions"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // no view used by others: the timer service calls it
public class CallClock {

    private static final Logger LOG = Logger.getLogger(CallClock.class);

    @Resource
    TimerService timers;

    @EJB
    AcdClock acdClock;

    @EJB
    InboundCalls entry;

    @EJB
    CallSessions calls;

    private long ticks;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(1000, 1000, new TimerConfig("call-clock", false));
    }

    @Timeout
    void tick() {
        for (QueueOverflow overflow : acdClock.tick()) {
            try {
                entry.overflowed(overflow);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Call %s: overflow to %s not carried out", overflow.call(), overflow.kind());
            }
        }
        if (++ticks % 60 == 0) {
            calls.dropStale(Instant.now());
        }
    }
}
