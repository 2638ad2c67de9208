package org.kefu.outbound;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the agent reads while the desk rings for a callback, before Kefu dials the customer: why
 * they asked, where the request came from, since when it waits, which attempt this is and how
 * the last one ended. Getters for EL.
 *
 * @param source       QUEUE (the caller pressed 9), WEB (the public form), BACK_OFFICE, or OTHER
 * @param lastOutcome  the last attempt's outcome (BUSY, NO_ANSWER …), null before the first
 */
public record CallbackPreview(long requestId, int attempt, int maxAttempts, String phone, String reason, String source,
                              Instant waitingSince, String lastOutcome) implements Serializable {

    /** QUEUE (the caller pressed 9), WEB (the public form), BACK_OFFICE or OTHER, from a request's key. */
    public static String sourceOf(String requestKey) {
        if (requestKey == null || requestKey.startsWith("acd:")) {
            return "QUEUE";
        }
        if (requestKey.startsWith("web:")) {
            return "WEB";
        }
        return requestKey.startsWith("bo:") ? "BACK_OFFICE" : "OTHER";
    }

    public long getRequestId() {
        return requestId;
    }

    public int getAttempt() {
        return attempt;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public String getReason() {
        return reason;
    }

    public String getSource() {
        return source;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

    public String getLastOutcome() {
        return lastOutcome;
    }
}
