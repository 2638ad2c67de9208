package org.kefu.telephony.ra;

import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of the adapter's own daemon threads behind a FIFO whose {@link #execute} never blocks
 * and never refuses while the pool runs.
 *
 * <p>Why not the container's WorkManager: the switch's threads (SIP, the media clock) and the work
 * that runs on the pool (message-driven beans calling back into the switch) hand work to each other.
 * WildFly's WorkManager blocks the submitter when its queue is full, so under a call storm every pool
 * thread waited for a slot in the same pool and the switch wedged for good (issue 13). Here nobody
 * waits on a submit. What bounds the queue is the work itself: the event pool holds at most one task
 * per call that has events waiting, the SIP pool at most the link's cap on new work plus a few tasks
 * per call in progress, and the switch refuses new calls as soon as the oldest task has waited too
 * long ({@link #oldestWaitMillis()}).
 */
final class WorkerPool implements Executor {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);

    private final String name;
    private final ThreadPoolExecutor pool;
    /** Threads running a task now, with the nanoTime the task started. */
    private final Map<Thread, Long> busySince = new ConcurrentHashMap<>();

    WorkerPool(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": at least one thread");
        }
        this.name = name;
        AtomicInteger made = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.prestartAllCoreThreads();
    }

    /** Queues the task; never blocks. @throws RejectedExecutionException only once the pool is shut down */
    @Override
    public void execute(Runnable task) {
        pool.execute(new Queued(task, System.nanoTime()));
    }

    /** Tasks waiting for a thread. */
    int waiting() {
        return pool.getQueue().size();
    }

    /** How long the oldest waiting task has waited, in milliseconds; 0 when none waits. */
    long oldestWaitMillis() {
        Runnable head = pool.getQueue().peek();
        return head instanceof Queued q ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - q.queuedAt) : 0;
    }

    /** How long the longest-running task has been running, in milliseconds; 0 when all threads are idle. */
    long longestRunMillis() {
        long now = System.nanoTime();
        long longest = 0;
        for (Long since : busySince.values()) {
            longest = Math.max(longest, now - since);
        }
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    /** What each busy thread is doing, for the one log line a stuck pool gets. */
    String describeBusyThreads(int maxFrames) {
        StringBuilder out = new StringBuilder();
        long now = System.nanoTime();
        for (Map.Entry<Thread, Long> e : busySince.entrySet()) {
            Thread t = e.getKey();
            out.append("\n  ").append(t.getName()).append(" busy for ")
                    .append(Math.max(0, TimeUnit.NANOSECONDS.toMillis(now - e.getValue()))).append(" ms, ").append(t.getState());
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(maxFrames, stack.length); i++) {
                out.append("\n      at ").append(stack[i]);
            }
        }
        return out.toString();
    }

    String name() {
        return name;
    }

    /**
     * Stops taking tasks, drops those still waiting and interrupts the running ones after a grace
     * period; returns within about twice the grace, whatever the tasks do.
     */
    void shutdown(long graceMillis) {
        java.util.List<Runnable> notRun = new java.util.ArrayList<>();
        pool.getQueue().drainTo(notRun);
        pool.shutdown();
        int dropped = notRun.size();
        try {
            if (!pool.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                dropped += pool.shutdownNow().size();
                pool.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (dropped > 0) {
            LOG.infof("%s stopped with %d task(s) not run", name, dropped);
        }
    }

    private final class Queued implements Runnable {

        private final Runnable task;
        private final long queuedAt;

        Queued(Runnable task, long queuedAt) {
            this.task = task;
            this.queuedAt = queuedAt;
        }

        @Override
        public void run() {
            Thread me = Thread.currentThread();
            busySince.put(me, System.nanoTime());
            try {
                task.run();
            } catch (Throwable t) {
                // One failing task must not take the thread's next tasks with it.
                LOG.warnf(t, "%s: a task failed", name);
            } finally {
                busySince.remove(me);
            }
        }
    }
}
