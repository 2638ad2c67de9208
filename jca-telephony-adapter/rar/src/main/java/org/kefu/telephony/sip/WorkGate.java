package org.kefu.telephony.sip;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Hands application work from SIP threads to the caller's Executor, with a hard cap on work in flight.
 * Why: SIP threads must never block on application work, and an overloaded switch must say 503 instead
 * of queueing without bound — even if the supplied Executor has an unbounded queue.
 */
final class WorkGate {

    private static final Logger LOG = Logger.getLogger(WorkGate.class);

    private final Executor executor;
    private final Semaphore permits;

    WorkGate(Executor executor, int maxPending) {
        this.executor = executor;
        this.permits = new Semaphore(maxPending);
    }

    /** @return false when saturated (the caller answers 503); the task then never runs */
    boolean submit(Runnable task) {
        if (!permits.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    LOG.warn("application work failed", t);
                } finally {
                    permits.release();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            permits.release();
            return false;
        }
    }

    /** For notifications that must not be lost: dispatch if possible, else log loudly. */
    void notify(String what, Runnable task) {
        if (!submit(task)) {
            LOG.warnf("application executor saturated: dropped notification %s", what);
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
