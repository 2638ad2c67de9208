package org.kefu.telephony.sip;

import org.jboss.logging.Logger;

/**
 * Ends established legs that outlive their limits ({@link CallLimits}): the maximum duration, RTP
 * silence from a peer that should be sending, and an expired session timer. Runs every second on
 * the link's housekeeping timer; ending a leg sends BYE and completes {@link SipCall#ended()} with
 * the reason, which the switch turns into the call's clear cause (and the CDR's).
 */
final class CallLimitEnforcer {

    private static final Logger LOG = Logger.getLogger(CallLimitEnforcer.class);

    private final SipContext ctx;

    CallLimitEnforcer(SipContext ctx) {
        this.ctx = ctx;
    }

    void sweep() {
        long now = System.nanoTime();
        CallLimits limits = ctx.limits;
        long maxNanos = limits.maxDuration().toNanos();
        long silenceMillis = limits.mediaTimeout().toMillis();
        for (SipCall call : ctx.calls.values()) {
            if (call.isEnded() || !call.confirmed()) {
                continue;
            }
            CallEnd why = null;
            if (maxNanos > 0 && now - call.createdNanos > maxNanos) {
                why = CallEnd.MAX_DURATION;
            } else if (call.sessionDeadlineNanos != 0 && now - call.sessionDeadlineNanos > 0) {
                why = CallEnd.SESSION_EXPIRED;
            } else if (silenceMillis > 0) {
                long silent = ctx.media.silentMillis(call.callId());
                if (silent > silenceMillis) {
                    why = CallEnd.MEDIA_TIMEOUT;
                }
            }
            if (why == null && call.refreshAtNanos != 0 && now - call.refreshAtNanos > 0) {
                SipCall leg = call;
                leg.refreshAtNanos = 0; // one refresh in flight; it sets the next
                ctx.work.notify("session refresh", leg::refreshSession);
                continue;
            }
            if (why != null) {
                LOG.infof("Ending call leg %s: %s", call.callId(), describe(why, limits));
                SipCall leg = call;
                CallEnd reason = why;
                ctx.work.notify("call limit", () -> leg.expire(reason));
            }
        }
    }

    private static String describe(CallEnd why, CallLimits limits) {
        return switch (why) {
            case MAX_DURATION -> "it reached the maximum call duration of " + limits.maxDuration().toMinutes() + " min";
            case SESSION_EXPIRED -> "the peer did not refresh its session timer (RFC 4028)";
            default -> "no RTP from the peer for " + limits.mediaTimeout().toSeconds() + " s";
        };
    }
}
