package org.kefu.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many refusals of one kind (per key, for example an action and a login) go on the audit trail
 * one by one in a window; the rest are counted and told with the first one recorded in the next
 * window. A client refused thousands of times a minute costs a few rows, not thousands.
 */
final class AuditAllowance {

    /** Whether to record this one, and how many before it were left out. */
    record Verdict(boolean record, long leftOutBefore) {
    }

    private final Clock clock;
    private final int perWindow;
    private final long windowMillis;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>(); // key → {start, recorded, leftOut}

    AuditAllowance(Clock clock, int perWindow, Duration window) {
        this.clock = clock;
        this.perWindow = perWindow;
        this.windowMillis = window.toMillis();
    }

    Verdict next(String key) {
        long now = clock.millis();
        long[] w = windows.computeIfAbsent(key, k -> new long[] {now, 0, 0});
        synchronized (w) {
            long leftOut = 0;
            if (now - w[0] >= windowMillis) {
                leftOut = w[2];
                w[0] = now;
                w[1] = 0;
                w[2] = 0;
            }
            if (w[1] < perWindow) {
                w[1]++;
                return new Verdict(true, leftOut);
            }
            w[2]++;
            return new Verdict(false, 0);
        }
    }

    /** Keys idle for a whole window and with nothing left to tell are forgotten. */
    void sweep() {
        long now = clock.millis();
        windows.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return now - e.getValue()[0] >= windowMillis && e.getValue()[2] == 0;
            }
        });
    }
}
