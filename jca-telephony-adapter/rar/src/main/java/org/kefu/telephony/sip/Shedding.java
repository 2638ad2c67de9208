package org.kefu.telephony.sip;

import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Counts the new calls refused under overload and says when shedding starts (with why) and when it
 * ends (with how many were refused): two log lines per episode, not one per refused call, however
 * large the flood.
 */
final class Shedding {

    private static final Logger LOG = Logger.getLogger(Shedding.class);

    private final AtomicLong refused = new AtomicLong();
    private volatile boolean shedding;
    private long episodeStart;
    private long refusedAtStart;

    void refused(String why) {
        refused.incrementAndGet();
        if (!shedding) {
            synchronized (this) {
                if (!shedding) {
                    shedding = true;
                    episodeStart = System.currentTimeMillis();
                    refusedAtStart = refused.get() - 1;
                    LOG.warnf("Overload: refusing new calls with 503 (%s); calls in progress go on", why);
                }
            }
        }
    }

    void admitted() {
        if (shedding) {
            synchronized (this) {
                if (shedding) {
                    shedding = false;
                    LOG.infof("Overload over: taking new calls again after %d ms, %d call(s) refused meanwhile",
                            System.currentTimeMillis() - episodeStart, refused.get() - refusedAtStart);
                }
            }
        }
    }

    /** New calls refused because of overload since the link started. */
    long refusedCalls() {
        return refused.get();
    }
}
