package org.kefu.telephony.ra;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.TimerTask;

/**
 * Sees work of the switch that waits or runs longer than a few seconds (a call event not delivered,
 * a delivery that never returns, SIP work not started) and says so: once in the log, with what each
 * busy thread is doing, and in the link status, which turns the telephony part of {@code /api/health}
 * DOWN until the work moves again. It never unblocks anything itself: a stuck thread is a defect to
 * be seen, not hidden.
 */
final class Watchdog extends TimerTask {

    private static final Logger LOG = Logger.getLogger(Watchdog.class);

    private final List<WorkerPool> pools;
    private final long limitMillis;
    private volatile String problem;
    private long stuckSince;

    Watchdog(List<WorkerPool> pools, long limitMillis) {
        this.pools = List.copyOf(pools);
        this.limitMillis = limitMillis;
    }

    /** What is stuck, or null when the switch's work moves. */
    String problem() {
        return problem;
    }

    @Override
    public void run() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("watchdog check failed", e);
        }
    }

    synchronized void check() {
        StringBuilder stuck = new StringBuilder();
        for (WorkerPool pool : pools) {
            long waited = pool.oldestWaitMillis();
            long running = pool.longestRunMillis();
            if (waited > limitMillis || running > limitMillis) {
                if (!stuck.isEmpty()) {
                    stuck.append("; ");
                }
                stuck.append(pool.name()).append(": ").append(pool.waiting()).append(" task(s) waiting, the oldest for ")
                        .append(waited).append(" ms, the longest running for ").append(running).append(" ms");
            }
        }
        if (!stuck.isEmpty()) {
            if (problem == null) {
                stuckSince = System.currentTimeMillis();
                problem = "switch work stuck: " + stuck;
                StringBuilder threads = new StringBuilder();
                for (WorkerPool pool : pools) {
                    threads.append(pool.describeBusyThreads(12));
                }
                LOG.errorf("%s (limit %d ms); telephony health is DOWN until it moves. Busy threads:%s",
                        problem, limitMillis, threads);
            } else {
                problem = "switch work stuck: " + stuck;
            }
        } else if (problem != null) {
            LOG.infof("Switch work moves again after %d s; telephony health is UP",
                    (System.currentTimeMillis() - stuckSince) / 1000);
            problem = null;
        }
    }
}
