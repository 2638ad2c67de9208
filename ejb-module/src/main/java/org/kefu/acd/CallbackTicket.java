package org.kefu.acd;

import java.time.Instant;

/**
 * A callback request's turn to wait in its queue: {@code ref} names the request and the attempt
 * ("42:1"), {@code enqueuedAt} is when the caller first started waiting (its place in the queue),
 * {@code phone} the number Kefu dials from the agent's desk when the request is offered.
 */
public record CallbackTicket(String ref, String phone, String queue, Instant enqueuedAt, int priority, String customerId) {

    /** The request's id in the ACD's call table (never a switch's call id). */
    public String callId() {
        return "callback:" + ref;
    }
}
