package org.kefu.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A waiting call's effective priority: its base priority (the customer's VIP level) plus one point
 * for every {@code step} it has waited, at most {@code maxAging} points. The aging is what keeps
 * ordinary callers from starving behind a steady stream of VIPs: after {@code step × k} seconds a
 * level-0 call ranks with a fresh level-k call, and being older it then goes first.
 *
 * @param step     waiting time worth one priority point; {@code null} or zero disables aging
 * @param maxAging the most points aging may add (so VIPs keep some edge over very old calls)
 */
public record PriorityRule(Duration step, int maxAging) {

    public PriorityRule {
        if (step != null && step.isNegative()) {
            throw new IllegalArgumentException("step must not be negative");
        }
        if (maxAging < 0) {
            throw new IllegalArgumentException("maxAging must not be negative");
        }
    }

    /** Priority is the VIP level only; ties go to the longest waiting. */
    public static PriorityRule none() {
        return new PriorityRule(null, 0);
    }

    /** +1 per {@code step} waited, capped at {@code maxAging}. */
    public static PriorityRule plusOneEvery(Duration step, int maxAging) {
        return new PriorityRule(Objects.requireNonNull(step, "step"), maxAging);
    }

    /** The effective priority of a call with {@code base} priority, enqueued at {@code enqueuedAt}. */
    public int effective(int base, Instant enqueuedAt, Instant now) {
        if (step == null || step.isZero() || maxAging == 0) {
            return base;
        }
        long waitedMillis = Math.max(0, now.toEpochMilli() - enqueuedAt.toEpochMilli());
        long points = waitedMillis / step.toMillis();
        return base + (int) Math.min(maxAging, points);
    }
}
