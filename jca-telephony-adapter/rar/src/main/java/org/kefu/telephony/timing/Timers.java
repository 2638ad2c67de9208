package org.kefu.telephony.timing;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the switch and the SIP link run their housekeeping (sweeps of dead calls, registrations,
 * nonces, call limits) and their few timed actions of seconds (a recording's time limit, DTMF by SIP
 * INFO at 160 ms a key, the warm-up's hang-ups). In WildFly it is a {@link java.util.Timer} the
 * resource adapter gets from its {@code BootstrapContext} ({@link #on(java.util.Timer)}), so that the
 * server owns the thread and cancels it at undeployment; a link or switch used on its own (the unit
 * tests) runs them on a plain thread of its own ({@link #ownThread(String)}).
 *
 * <p>Not for the media clock (20 ms, {@code MediaClock}), the SIP stack's threads or the adapter's
 * event and SIP workers: those are latency-critical and stay private (issue 13).
 */
public interface Timers {

    /** A scheduled task; cancelling one that already ran or was cancelled does nothing. */
    interface Task {
        /** @return true if this stopped the task from running (again) */
        boolean cancel();
    }

    /** Runs {@code task} after {@code delay}, once. */
    Task after(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, the first time after one period (fixed delay). */
    Task every(Duration period, Runnable task);

    /**
     * The server's timer (from {@code BootstrapContext#createTimer()}). A task that throws is logged
     * and the timer goes on: an exception out of a {@link TimerTask} would cancel the whole timer,
     * and every sweep with it.
     */
    static Timers on(java.util.Timer timer) {
        return new Timers() {
            @Override
            public Task after(Duration delay, Runnable task) {
                TimerTask t = guarded(task);
                timer.schedule(t, Math.max(0, delay.toMillis()));
                return t::cancel;
            }

            @Override
            public Task every(Duration period, Runnable task) {
                TimerTask t = guarded(task);
                timer.schedule(t, period.toMillis(), period.toMillis());
                return t::cancel;
            }
        };
    }

    private static TimerTask guarded(Runnable task) {
        return new TimerTask() {
            @Override
            public void run() {
                try {
                    task.run();
                } catch (RuntimeException | Error e) { // NOPMD: a dead timer would stop every sweep
                    Logger.getLogger(Timers.class).warnf(e, "timed task %s failed", task);
                }
            }
        };
    }

    /** A daemon thread of its own, for a switch or link outside the resource adapter; {@link Own#close()} ends it. */
    static Own ownThread(String name) {
        return new Own(name);
    }

    /**
     * The tasks scheduled through these timers, cancelled together by {@link Scope#close()} while the
     * underlying timer goes on: a switch or link that stops leaves nothing behind on the server's timer.
     */
    static Scope scope(Timers timers) {
        return new Scope(timers);
    }

    /** Timers on a private scheduler thread. */
    final class Own implements Timers, AutoCloseable {

        private final ScheduledExecutorService scheduler;

        private Own(String name) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public Task after(Duration delay, Runnable task) {
            ScheduledFuture<?> f = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public Task every(Duration period, Runnable task) {
            ScheduledFuture<?> f = scheduler.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
        }
    }

    /** See {@link #scope(Timers)}. */
    final class Scope implements Timers, AutoCloseable {

        private final Timers timers;
        private final Set<Task> pending = ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        private Scope(Timers timers) {
            this.timers = timers;
        }

        @Override
        public Task after(Duration delay, Runnable task) {
            Tracked t = track();
            if (t.cancelled) {
                return t; // the scope is closed: nothing more goes on the timer
            }
            t.scheduled = timers.after(delay, () -> {
                pending.remove(t);
                if (!t.cancelled) {
                    task.run();
                }
            });
            return t.settle();
        }

        @Override
        public Task every(Duration period, Runnable task) {
            Tracked t = track();
            if (t.cancelled) {
                return t; // the scope is closed: nothing more goes on the timer
            }
            t.scheduled = timers.every(period, () -> {
                if (!t.cancelled) {
                    task.run();
                }
            });
            return t.settle();
        }

        private Tracked track() {
            Tracked t = new Tracked();
            pending.add(t);
            if (closed) {
                t.cancel();
            }
            return t;
        }

        /** A task of this scope; cancelled before it was even scheduled, it never runs. */
        private final class Tracked implements Task {
            volatile Task scheduled;
            volatile boolean cancelled;

            /** Cancelled while it was being scheduled (the scope closed meanwhile): off the timer too. */
            Tracked settle() {
                if (cancelled) {
                    scheduled.cancel();
                }
                return this;
            }

            @Override
            public boolean cancel() {
                boolean was = cancelled;
                cancelled = true;
                pending.remove(this);
                Task s = scheduled;
                return s != null ? s.cancel() && !was : !was;
            }
        }

        @Override
        public void close() {
            closed = true;
            for (Task t : Set.copyOf(pending)) {
                t.cancel();
            }
        }
    }
}
