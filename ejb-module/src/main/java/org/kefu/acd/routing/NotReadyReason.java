package org.kefu.acd.routing;

import java.util.Objects;

/**
 * Why an agent is not ready, as a short code that reports group by (break, lunch, training ...).
 * The built-in codes are set by the router itself and are always valid; the others come from
 * {@link NotReadyReasons}, which the administrator configures.
 */
public record NotReadyReason(String code) {

    /** Ring no answer: the agent let an offered call ring out (RONA). */
    public static final NotReadyReason NO_ANSWER = new NotReadyReason("no-answer");
    /** Just logged in: an agent starts not ready and says "ready" deliberately. */
    public static final NotReadyReason LOGGED_IN = new NotReadyReason("logged-in");
    /** Back from a locked seat. */
    public static final NotReadyReason UNLOCKED = new NotReadyReason("unlocked");

    public NotReadyReason {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("A not-ready reason needs a code");
        }
    }
}
