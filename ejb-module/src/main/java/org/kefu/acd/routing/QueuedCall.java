package org.kefu.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/**
 * A waiting call with the router's arrival sequence number, which breaks ties between calls
 * enqueued in the same millisecond so that every decision is deterministic. A call refused by an
 * agent (RONA) goes back with the same enqueue time and sequence number: back to its old place at
 * the head, not to the tail.
 */
record QueuedCall(WaitingCall call, long seq) {

    /** Oldest first: the order within one priority band of a queue. */
    static final Comparator<QueuedCall> BY_AGE =
            Comparator.comparing((QueuedCall c) -> c.call.enqueuedAt()).thenComparingLong(QueuedCall::seq);

    /**
     * True when this call should be served before {@code other} at {@code now}: higher effective
     * priority first, then longest waiting, then first arrived. Used within a queue and across the
     * queues of one agent, which is what makes the service fair between queues.
     */
    boolean before(QueuedCall other, PriorityRule rule, Instant now) {
        int mine = rule.effective(call.basePriority(), call.enqueuedAt(), now);
        int theirs = rule.effective(other.call.basePriority(), other.call.enqueuedAt(), now);
        if (mine != theirs) {
            return mine > theirs;
        }
        return BY_AGE.compare(this, other) < 0;
    }
}
