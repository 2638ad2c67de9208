package org.kefu.telephony.sip;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Hands application work from SIP threads to the caller's Executor, with a hard cap on new work in
 * flight. Why: SIP threads must never block on application work, and an overloaded switch must say
 * 503 to new requests instead of queueing them without bound — even if the supplied Executor has an
 * unbounded queue. Work of calls in progress ({@link #notify}) is not capped: refusing it would leave
 * a call half-handled, and a call only ever adds a few such tasks. The Executor must not block in
 * {@code execute} (the adapter's {@code WorkerPool} never does).
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

    /** Work of a call in progress, which must not be lost: queued whatever the cap; logged if the executor refuses. */
    void notify(String what, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    LOG.warnf(t, "%s failed", what);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warnf("application executor refused %s (stopping, or saturated): dropped", what);
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
