package org.kefu.acd.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configured list of not-ready reason codes an agent may choose from, plus the built-in ones.
 * Unknown codes are refused so that reports do not fill up with typos.
 */
public final class NotReadyReasons {

    private static final List<NotReadyReason> BUILT_IN =
            List.of(NotReadyReason.NO_ANSWER, NotReadyReason.LOGGED_IN, NotReadyReason.UNLOCKED);

    private final Set<String> codes;

    private NotReadyReasons(Set<String> codes) {
        this.codes = codes;
    }

    /** The built-in codes plus {@code configured}. */
    public static NotReadyReasons of(String... configured) {
        return of(List.of(configured));
    }

    public static NotReadyReasons of(List<String> configured) {
        Set<String> codes = new LinkedHashSet<>();
        BUILT_IN.forEach(r -> codes.add(r.code()));
        for (String code : configured) {
            codes.add(new NotReadyReason(code).code());
        }
        return new NotReadyReasons(Set.copyOf(codes));
    }

    /** A sensible default for a contact center that has not configured its own list. */
    public static NotReadyReasons defaults() {
        return of("break", "lunch", "training", "meeting", "outbound");
    }

    /** The reason for {@code code}, or an exception naming the valid codes. */
    public NotReadyReason reason(String code) {
        if (code == null || !codes.contains(code)) {
            throw new IllegalArgumentException("Unknown not-ready reason '" + code + "'; configured: " + codes);
        }
        return new NotReadyReason(code);
    }

    public Set<String> codes() {
        return codes;
    }
}
