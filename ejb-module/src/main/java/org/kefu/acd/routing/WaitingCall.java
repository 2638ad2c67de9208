package org.kefu.acd.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller waiting for an agent.
 *
 * @param callId         the switch's call id
 * @param queue          the queue's code
 * @param enqueuedAt     when the caller started waiting; ordering and aging count from here
 * @param basePriority   the customer's VIP level (0 for ordinary callers)
 * @param customerId     the identified customer, or {@code null}
 * @param preferredAgent job number of the agent the caller asked for (sticky agent, R-2.5), or {@code null}
 */
public record WaitingCall(String callId, String queue, Instant enqueuedAt, int basePriority,
                          String customerId, String preferredAgent) {

    public WaitingCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        if (basePriority < 0) {
            throw new IllegalArgumentException("basePriority must not be negative");
        }
    }

    /** An anonymous ordinary call. */
    public static WaitingCall of(String callId, String queue, Instant enqueuedAt) {
        return new WaitingCall(callId, queue, enqueuedAt, 0, null, null);
    }

    public WaitingCall withPriority(int vipLevel) {
        return new WaitingCall(callId, queue, enqueuedAt, vipLevel, customerId, preferredAgent);
    }

    public WaitingCall withCustomer(String customer) {
        return new WaitingCall(callId, queue, enqueuedAt, basePriority, customer, preferredAgent);
    }

    public WaitingCall withPreferredAgent(String jobNumber) {
        return new WaitingCall(callId, queue, enqueuedAt, basePriority, customerId, jobNumber);
    }

    /**
     * The same call in another queue (overflow), keeping its enqueue time so that its seniority
     * counts there too; note that the target's max wait then also counts from the first enqueue.
     */
    public WaitingCall movedTo(String otherQueue) {
        return new WaitingCall(callId, otherQueue, enqueuedAt, basePriority, customerId, preferredAgent);
    }
}
