package org.kefu.telephony.sip;

/**
 * How many new calls a second the switch lets in, adapted to its overload signal (AIMD, as in SIP
 * overload control, RFC 7339): while the switch says it is overloaded, the rate is cut to three
 * quarters of what was admitted in the last second (at most once every 500 ms, never below a floor);
 * while it is not, the rate grows by a step every 100 ms until it is no limit at all. Between the
 * two a token bucket lets calls through at the rate, in bursts of at most a fifth of a second.
 *
 * <p>Why not simply refuse everything while overloaded: the overload signals (events waiting, the
 * media clock's lag) trail the load by a second or so, so all-or-nothing admission swings between
 * letting a burst in and refusing everyone, and a storm's goodput fell to a fraction of what the
 * switch can carry. Time is passed in, so that tests drive it.
 */
final class AdmissionRate {

    static final double UNLIMITED = Double.POSITIVE_INFINITY;

    private final double floor;
    private final double step;
    private final double ceiling;
    private double rate = UNLIMITED;
    private double tokens;
    private long lastRefill;
    private long lastDecrease;
    private long lastIncrease;
    private long windowStart;
    private int admittedInWindow;
    private double admittedLastSecond;

    /**
     * @param floor   calls a second let in even in the worst overload (some calls always complete)
     * @param step    calls a second added every 100 ms while not overloaded
     * @param ceiling above this rate the limit is lifted
     */
    AdmissionRate(double floor, double step, double ceiling) {
        this.floor = floor;
        this.step = step;
        this.ceiling = ceiling;
    }

    static AdmissionRate standard() {
        return new AdmissionRate(20, 50, 5_000);
    }

    /** Whether to let one new call in now. */
    synchronized boolean admit(boolean overloaded, long nowNanos) {
        if (nowNanos - windowStart >= 1_000_000_000L) {
            admittedLastSecond = admittedInWindow * 1e9 / Math.max(1, nowNanos - windowStart);
            admittedInWindow = 0;
            windowStart = nowNanos;
        }
        if (overloaded) {
            if (nowNanos - lastDecrease >= 500_000_000L) {
                double base = rate == UNLIMITED ? Math.max(admittedLastSecond, admittedInWindow) : Math.min(rate, Math.max(admittedLastSecond, floor));
                rate = Math.max(floor, base * 0.75);
                lastDecrease = nowNanos;
                lastIncrease = nowNanos;
                tokens = Math.min(tokens, rate / 5);
            }
        } else if (rate != UNLIMITED && nowNanos - lastIncrease >= 100_000_000L) {
            rate += step;
            lastIncrease = nowNanos;
            if (rate >= ceiling) {
                rate = UNLIMITED;
            }
        }
        if (rate == UNLIMITED) {
            lastRefill = nowNanos;
            admittedInWindow++;
            return true;
        }
        tokens = Math.min(rate / 5, tokens + rate * (nowNanos - lastRefill) / 1e9);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            admittedInWindow++;
            return true;
        }
        return false;
    }

    /** The current limit in calls a second ({@link #UNLIMITED} when none). */
    synchronized double rate() {
        return rate;
    }
}
