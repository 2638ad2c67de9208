package org.kefu.telephony.media;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The single 20 ms heartbeat of the whole media engine. One timer thread serves every session and
 * bridge, so 1,000 calls cost 1,000 small method calls per tick instead of 1,000 sleeping threads.
 * Each tick runs three phases in order, which makes mixing deterministic: {@link Phase#INPUT}
 * (sessions pull a frame from their jitter buffer and handle received digits), {@link Phase#MIX}
 * (bridges compute what each leg hears) and {@link Phase#OUTPUT} (sessions send one RTP packet).
 * <p>
 * With many calls the per-leg phases ({@code INPUT} and {@code OUTPUT}: one socket read or send per
 * leg) are split across {@link #parallelism} threads, the clock thread taking one share and waiting
 * for the others before the next phase: 1,000 legs mean 1,000 {@code send} system calls per tick,
 * more than one core does comfortably in 20 ms. Sessions lock themselves, so two of them running at
 * once is safe; {@code MIX} stays on the clock thread (a bridge reads several sessions).
 * <p>
 * Time inside the engine is {@link #nowMillis()} = ticks x 20 ms, so timeouts measured against it
 * are exact and tests can drive the clock by hand with {@link #tick()} instead of sleeping.
 */
public final class MediaClock implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MediaClock.class);

    public enum Phase { INPUT, MIX, OUTPUT }

    /** Work done on every tick. Must not block: it runs on the one media thread. */
    @FunctionalInterface
    public interface Task {
        void onTick(long nowMillis);
    }

    /** Below this many tasks a phase runs on the clock thread alone: handing work over costs more. */
    static final int PARALLEL_MIN_TASKS = 64;

    private final Tasks input = new Tasks();
    private final Tasks mix = new Tasks();
    private final Tasks output = new Tasks();
    private final AtomicLong ticks = new AtomicLong();
    private final Object tickLock = new Object();
    private ScheduledExecutorService timer;
    /** Threads that take the other shares of a phase (parallelism - 1 of them), while the timer runs. */
    private ExecutorService workers;
    private final int parallelism;
    private volatile long lastTickNanos;
    private volatile long maxTickNanos;
    /** When the real-time timer started, so each tick's lateness can be measured against its due time. */
    private volatile long timerStartNanos = -1;
    private final AtomicLong lateTicks = new AtomicLong();
    private final AtomicLong timedTicks = new AtomicLong();
    /** How far behind schedule the recent ticks started (moving average; written by the timer thread only). */
    private volatile long lagAverageNanos;

    /** Session sends (one packet each) in real-time ticks, and those made in a late tick. */
    private final AtomicLong timedSends = new AtomicLong();
    private final AtomicLong lateSends = new AtomicLong();

    /** A clock whose per-leg phases use up to as many threads as the machine has processors (at most 8). */
    public MediaClock() {
        this(Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    public MediaClock(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Starts the real-time 20 ms timer. Without this call the clock only moves through {@link #tick()}. */
    public synchronized void start(ThreadFactory threadFactory) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(threadFactory);
        if (parallelism > 1) {
            workers = Executors.newFixedThreadPool(parallelism - 1, threadFactory);
        }
        long base = ticks.get();
        timerStartNanos = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            // A tick that starts more than half a frame after its due time sends its packets late.
            long due = timerStartNanos + (ticks.get() - base + 1) * Audio.FRAME_MILLIS * 1_000_000L;
            long lag = Math.max(0, System.nanoTime() - due);
            boolean late = lag > Audio.FRAME_MILLIS * 500_000L;
            // Moving average over about 16 ticks (a third of a second): overload admission reads it.
            lagAverageNanos += (lag - lagAverageNanos) / 16;
            // Only ticks with sessions count: an idle engine's punctual ticks would dilute the figure.
            int sending = output.size();
            if (sending > 0) {
                timedTicks.incrementAndGet();
                timedSends.addAndGet(sending);
                if (late) {
                    lateTicks.incrementAndGet();
                    lateSends.addAndGet(sending);
                }
            }
            tick();
        }, Audio.FRAME_MILLIS, Audio.FRAME_MILLIS, TimeUnit.MILLISECONDS);
    }

    public synchronized void start() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        start(r -> {
            Thread t = new Thread(r, "kefu-media-clock-" + made.getAndIncrement());
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY); // late ticks are audible
            return t;
        });
    }

    /** How far behind its schedule the real-time timer has recently started its ticks, in milliseconds. */
    public double recentLagMillis() {
        return lagAverageNanos / 1e6;
    }

    /** Registers a task; the returned handle removes it. */
    public AutoCloseable register(Phase phase, Task task) {
        Tasks list = list(phase);
        Object handle = list.add(task);
        return () -> list.remove(handle);
    }

    /** Runs one tick now (the timer calls this; tests may too, when the timer is not started). */
    public void tick() {
        synchronized (tickLock) {
            long start = System.nanoTime();
            long now = ticks.incrementAndGet() * Audio.FRAME_MILLIS;
            Object[] in = input.snapshot();
            runShared(in, input.snapshotSize(), now);
            Object[] mixing = mix.snapshot();
            runRange(mixing, 0, mix.snapshotSize(), now);
            Object[] out = output.snapshot();
            runShared(out, output.snapshotSize(), now);
            lastTickNanos = System.nanoTime() - start;
            maxTickNanos = Math.max(maxTickNanos, lastTickNanos);
        }
    }

    private static void runOne(Task t, long now) {
        try {
            t.onTick(now);
        } catch (RuntimeException | Error e) {
            // A broken session must never stop the clock for every other call.
            LOG.warnf(e, "media task %s failed", t);
        }
    }

    /** One phase, in shares over the worker threads when there are enough tasks; returns when all are done. */
    private void runShared(Object[] all, int count, long now) {
        ExecutorService pool = workers;
        if (pool == null || count < PARALLEL_MIN_TASKS) {
            runRange(all, 0, count, now);
            return;
        }
        int share = (count + parallelism - 1) / parallelism;
        Future<?>[] others = new Future<?>[parallelism - 1];
        for (int i = 1; i < parallelism; i++) {
            int from = Math.min(count, i * share);
            int to = Math.min(count, from + share);
            try {
                others[i - 1] = pool.submit(() -> runRange(all, from, to, now));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                runRange(all, from, to, now);
            }
        }
        runRange(all, 0, Math.min(count, share), now);
        boolean interrupted = false;
        for (Future<?> f : others) {
            while (f != null) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the phase must finish before the next one reads its results
                } catch (ExecutionException e) {
                    LOG.warnf(e.getCause(), "media tick share failed");
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runRange(Object[] tasks, int from, int to, long now) {
        for (int i = from; i < to; i++) {
            runOne((Task) tasks[i], now);
        }
    }

    /** Threads a phase may use at once. */
    public int parallelism() {
        return parallelism;
    }

    public long nowMillis() {
        return ticks.get() * Audio.FRAME_MILLIS;
    }

    public int taskCount() {
        return input.size() + mix.size() + output.size();
    }

    /**
     * Sessions' sending turns in real-time ticks so far (one packet each), and how many fell in a
     * tick that started over half a frame late: the share of outgoing packets sent late.
     */
    public long timedSends() {
        return timedSends.get();
    }

    public long lateSends() {
        return lateSends.get();
    }

    /** Real-time ticks that had sessions to serve, and how many of them started over half a frame late. */
    public long timedTicks() {
        return timedTicks.get();
    }

    public long lateTicks() {
        return lateTicks.get();
    }

    /** How long the slowest tick took; above 20 ms the engine is overloaded. */
    public long maxTickMicros() {
        return maxTickNanos / 1000;
    }

    private Tasks list(Phase phase) {
        switch (phase) {
            case INPUT: return input;
            case MIX: return mix;
            default: return output;
        }
    }

    /**
     * The tasks of one phase. A call adds and removes a task per phase, so with 1,500 calls a second
     * and 1,500 in progress a copy-on-write list copied megabytes a second for nothing; here both
     * are constant time (swap with the last slot), and each tick copies the tasks into an array it
     * keeps ({@link #snapshot()}, under the tick lock) so that tasks may come and go during the tick.
     */
    private static final class Tasks {
        /** A registered task and its current slot. */
        private static final class Slot {
            final Task task;
            int index;

            Slot(Task task) {
                this.task = task;
            }
        }

        private Slot[] slots = new Slot[64];
        private volatile int size;
        private Object[] snapshot = new Object[64];
        private int snapshotSize;

        synchronized Object add(Task task) {
            if (size == slots.length) {
                slots = java.util.Arrays.copyOf(slots, size * 2);
            }
            Slot slot = new Slot(task);
            slot.index = size;
            slots[size] = slot;
            size = size + 1;
            return slot;
        }

        synchronized void remove(Object handle) {
            Slot slot = (Slot) handle;
            int i = slot.index;
            if (i < 0 || i >= size || slots[i] != slot) {
                return; // removed already
            }
            int last = size - 1;
            slots[i] = slots[last];
            slots[i].index = i;
            slots[last] = null;
            slot.index = -1;
            size = last;
        }

        int size() {
            return size;
        }

        /** The tasks now, in an array reused from tick to tick: valid until the next snapshot. */
        synchronized Object[] snapshot() {
            if (snapshot.length < size) {
                snapshot = new Object[slots.length];
            }
            for (int i = 0; i < size; i++) {
                snapshot[i] = slots[i].task;
            }
            for (int i = size; i < snapshotSize; i++) {
                snapshot[i] = null; // no stale references to ended calls
            }
            snapshotSize = size;
            return snapshot;
        }

        synchronized int snapshotSize() {
            return snapshotSize;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }
}
