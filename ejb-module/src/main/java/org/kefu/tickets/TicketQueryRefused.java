package org.kefu.tickets;

import jakarta.ejb.ApplicationException;

import java.time.Duration;

/** A public ticket query refused: too many from one address; again after {@link #retryAfter()}. */
@ApplicationException(rollback = true)
public class TicketQueryRefused extends RuntimeException {

    private final Duration retryAfter;

    public TicketQueryRefused(Duration retryAfter) {
        super("too many ticket queries from this address; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
