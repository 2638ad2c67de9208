package org.kefu.telephony.sip;

import java.time.Duration;

/**
 * The bounds on every call leg, so that no call lasts forever on a trunk channel (toll fraud bills by
 * the minute) or holds media ports and memory after its peer has vanished. A zero duration or count
 * switches that bound off.
 *
 * @param maxDuration           the longest an established leg may last; then BYE (default 4 h)
 * @param mediaTimeout          BYE after this long without RTP from a peer that should be sending
 *                              (not while it holds the call or we hold it); default 60 s
 * @param sessionExpires        the session timer (RFC 4028) granted when a caller supports it and asks
 *                              for none; default 30 min
 * @param minSessionExpires     the shortest session interval accepted (Min-SE; 422 below it), at least 90 s
 * @param maxCallsPerExtension  calls one authenticated desk phone may place at the same time (486 beyond)
 */
public record CallLimits(Duration maxDuration, Duration mediaTimeout, Duration sessionExpires,
                         Duration minSessionExpires, int maxCallsPerExtension) {

    public CallLimits {
        if (maxDuration.isNegative() || mediaTimeout.isNegative() || sessionExpires.isNegative()
                || maxCallsPerExtension < 0) {
            throw new IllegalArgumentException("call limits must not be negative");
        }
        if (minSessionExpires.getSeconds() < 90) {
            throw new IllegalArgumentException("Min-SE must be at least 90 s (RFC 4028): " + minSessionExpires);
        }
        if (!sessionExpires.isZero() && sessionExpires.compareTo(minSessionExpires) < 0) {
            throw new IllegalArgumentException("session expiry " + sessionExpires + " below Min-SE " + minSessionExpires);
        }
    }

    public static CallLimits defaults() {
        return new CallLimits(Duration.ofHours(4), Duration.ofSeconds(60), Duration.ofMinutes(30),
                Duration.ofSeconds(90), 4);
    }

    public CallLimits withMaxDuration(Duration d) {
        return new CallLimits(d, mediaTimeout, sessionExpires, minSessionExpires, maxCallsPerExtension);
    }

    public CallLimits withMediaTimeout(Duration d) {
        return new CallLimits(maxDuration, d, sessionExpires, minSessionExpires, maxCallsPerExtension);
    }

    public CallLimits withSessionExpires(Duration d) {
        return new CallLimits(maxDuration, mediaTimeout, d, minSessionExpires, maxCallsPerExtension);
    }

    public CallLimits withMaxCallsPerExtension(int n) {
        return new CallLimits(maxDuration, mediaTimeout, sessionExpires, minSessionExpires, n);
    }
}
