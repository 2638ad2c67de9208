package org.kefu.acd;

import jakarta.ejb.ApplicationException;

import java.time.Instant;

/**
 * The dial policy refused a number; nothing was dialled. A refusal for now only (outside the
 * calling hours) names when the number may be dialled ({@link #retryAt()}); any other is final.
 */
@ApplicationException(rollback = false)
public class DialRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as recorded on a callback attempt: DIAL_REFUSED (the categories), DO_NOT_CALL, CALLING_HOURS. */
    private final String code;
    private final Instant retryAt;

    public DialRefused(String message) {
        this("DIAL_REFUSED", message, null);
    }

    public DialRefused(String code, String message, Instant retryAt) {
        super(message);
        this.code = code;
        this.retryAt = retryAt;
    }

    public String code() {
        return code;
    }

    /** When the number may be dialled; null when the refusal is final. */
    public Instant retryAt() {
        return retryAt;
    }
}
