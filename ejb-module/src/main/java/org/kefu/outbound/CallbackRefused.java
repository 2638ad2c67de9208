package org.kefu.outbound;

import java.time.Duration;

/** A public callback request Kefu will not take: why, and (for TOO_MANY) when to try again. */
public class CallbackRefused extends Exception {

    public enum Kind {
        /** The request is not well formed. */
        INVALID,
        /** Kefu does not call that kind of number back (only mobile and landline numbers). */
        NOT_ALLOWED,
        /** The number has a request waiting already. */
        ALREADY_WAITING,
        /** Too many requests from this address, or for this number today. */
        TOO_MANY
    }

    private final Kind kind;
    private final Duration retryAfter;

    public CallbackRefused(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** For TOO_MANY: how long until a request may succeed; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
