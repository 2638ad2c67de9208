package org.kefu.tickets;

import jakarta.ejb.ApplicationException;

import java.time.Duration;

/** A public ticket query or report refused: too many from one address or for one number; again after {@link #retryAfter()}. */
@ApplicationException(rollback = true)
public class TicketQueryRefused extends RuntimeException {

    private final Duration retryAfter;

    public TicketQueryRefused(Duration retryAfter) {
        this("too many ticket queries from this address; try again later", retryAfter);
    }

    public TicketQueryRefused(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
