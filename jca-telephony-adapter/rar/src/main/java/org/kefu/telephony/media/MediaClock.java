package org.kefu.telephony.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
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

    private final List<Task> input = new CopyOnWriteArrayList<>();
    private final List<Task> mix = new CopyOnWriteArrayList<>();
    private final List<Task> output = new CopyOnWriteArrayList<>();
    private final AtomicLong ticks = new AtomicLong();
    private final Object tickLock = new Object();
    private ScheduledExecutorService timer;
    private volatile long lastTickNanos;
    private volatile long maxTickNanos;
    /** When the real-time timer started, so each tick's lateness can be measured against its due time. */
    private volatile long timerStartNanos = -1;
    private final java.util.concurrent.atomic.AtomicLong lateTicks = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong timedTicks = new java.util.concurrent.atomic.AtomicLong();

    /** Starts the real-time 20 ms timer. Without this call the clock only moves through {@link #tick()}. */
    public synchronized void start(ThreadFactory threadFactory) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(threadFactory);
        long base = ticks.get();
        timerStartNanos = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            // A tick that starts more than half a frame after its due time sends its packets late.
            long due = timerStartNanos + (ticks.get() - base + 1) * Audio.FRAME_MILLIS * 1_000_000L;
            if (System.nanoTime() - due > Audio.FRAME_MILLIS * 500_000L) {
                lateTicks.incrementAndGet();
            }
            timedTicks.incrementAndGet();
            tick();
        }, Audio.FRAME_MILLIS, Audio.FRAME_MILLIS, TimeUnit.MILLISECONDS);
    }

    public synchronized void start() {
        start(r -> {
            Thread t = new Thread(r, "kefu-media-clock");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY); // late ticks are audible
            return t;
        });
    }

    /** Registers a task; the returned handle removes it. */
    public AutoCloseable register(Phase phase, Task task) {
        List<Task> list = list(phase);
        list.add(task);
        return () -> list.remove(task);
    }

    /** Runs one tick now (the timer calls this; tests may too, when the timer is not started). */
    public void tick() {
        synchronized (tickLock) {
            long start = System.nanoTime();
            long now = ticks.incrementAndGet() * Audio.FRAME_MILLIS;
            run(input, now);
            run(mix, now);
            run(output, now);
            lastTickNanos = System.nanoTime() - start;
            maxTickNanos = Math.max(maxTickNanos, lastTickNanos);
        }
    }

    private static void run(List<Task> tasks, long now) {
        for (Task t : tasks) {
            try {
                t.onTick(now);
            } catch (RuntimeException | Error e) {
                // A broken session must never stop the clock for every other call.
                LOG.warnf(e, "media task %s failed", t);
            }
        }
    }

    public long nowMillis() {
        return ticks.get() * Audio.FRAME_MILLIS;
    }

    public int taskCount() {
        return input.size() + mix.size() + output.size();
    }

    /** Real-time ticks run so far, and how many of them started over half a frame late. */
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

    private List<Task> list(Phase phase) {
        switch (phase) {
            case INPUT: return input;
            case MIX: return mix;
            default: return output;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
