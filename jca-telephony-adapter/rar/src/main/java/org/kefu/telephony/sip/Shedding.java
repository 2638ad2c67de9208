package org.kefu.telephony.sip;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Counts the new calls refused under overload and says when shedding starts (with why) and when it
 * ends (with how many were refused): two log lines per episode, not one per refused call, however
 * large the flood. An episode ends only when a call is admitted after {@link #QUIET_MILLIS} without
 * a refusal: near capacity admission flips between yes and no every few milliseconds, and an
 * operator needs one episode, not hundreds of start/end pairs.
 */
final class Shedding {

    private static final Logger LOG = Logger.getLogger(Shedding.class);
    static final long QUIET_MILLIS = 2000;

    private final AtomicLong refused = new AtomicLong();
    private final LongSupplier clock;
    private volatile boolean shedding;
    private volatile long lastRefusal;
    private long episodeStart;
    private long refusedAtStart;
    private String why;

    Shedding() {
        this(System::currentTimeMillis);
    }

    Shedding(LongSupplier clock) {
        this.clock = clock;
    }

    void refused(String why) {
        refused.incrementAndGet();
        lastRefusal = clock.getAsLong();
        if (!shedding) {
            synchronized (this) {
                if (!shedding) {
                    shedding = true;
                    episodeStart = lastRefusal;
                    refusedAtStart = refused.get() - 1;
                    this.why = why;
                    LOG.warnf("Overload: refusing new calls with 503 (%s); calls in progress go on", why);
                }
            }
        }
    }

    void admitted() {
        if (shedding && clock.getAsLong() - lastRefusal >= QUIET_MILLIS) {
            synchronized (this) {
                if (shedding) {
                    shedding = false;
                    LOG.infof("Overload over: taking new calls again after %d ms, %d call(s) refused meanwhile"
                            + " (first cause: %s)", lastRefusal - episodeStart, refused.get() - refusedAtStart, why);
                }
            }
        }
    }

    /** Whether an overload episode is going on (refusals within the last {@link #QUIET_MILLIS}). */
    boolean isShedding() {
        return shedding;
    }

    /** New calls refused because of overload since the link started. */
    long refusedCalls() {
        return refused.get();
    }
}
