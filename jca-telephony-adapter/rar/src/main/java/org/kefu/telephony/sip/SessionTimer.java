package org.kefu.telephony.sip;

import java.util.ListIterator;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Session timers (RFC 4028). On calls we answer, a caller that supports them is granted an interval
 * (the one it asked for, else {@link CallLimits#sessionExpires()}) with itself as refresher. On calls
 * we place, our INVITE offers {@link CallLimits#sessionExpires()} and the callee's 2xx decides: we
 * refresh (re-INVITE at half the interval) when it names us, it must refresh when it names itself.
 * Either way a leg not refreshed in time is ended with BYE, so a peer that vanished without BYE does
 * not hold a trunk channel and media ports until the maximum duration.
 */
final class SessionTimer {

    private static final Logger LOG = Logger.getLogger(SessionTimer.class);

    private SessionTimer() {
    }

    /** The interval the request asks for (Session-Expires), or -1 for none or an unreadable one. */
    static long requestedSeconds(Request request) {
        String[] value = sessionExpires(request);
        return value == null ? -1 : seconds(value);
    }

    /**
     * The Session-Expires header of a message (long or compact form) split at ';': the interval
     * first, then its parameters (refresher=...); null when there is none.
     */
    private static String[] sessionExpires(javax.sip.message.Message message) {
        Header h = message.getHeader("Session-Expires");
        if (h == null) {
            h = message.getHeader("x");
        }
        if (h == null) {
            return null;
        }
        String value = h.toString();
        return value.substring(value.indexOf(':') + 1).trim().split(";");
    }

    /** The interval of a split Session-Expires value, or -1 when it is not a number. */
    private static long seconds(String[] value) {
        try {
            return Long.parseLong(value[0].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Headers of an INVITE we send (initial or refresh): we support timers and ask for our interval. */
    static void request(SipContext ctx, Request invite) {
        CallLimits limits = ctx.limits;
        if (limits.sessionExpires().isZero()) {
            return;
        }
        try {
            invite.setHeader(ctx.headers.createHeader("Supported", "timer"));
            invite.setHeader(ctx.headers.createHeader("Session-Expires", Long.toString(limits.sessionExpires().getSeconds())));
            invite.setHeader(ctx.headers.createHeader("Min-SE", Long.toString(limits.minSessionExpires().getSeconds())));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The callee's 2xx to an INVITE we sent (initial or refresh): with Session-Expires, either we
     * are the refresher (refresh at half the interval) or it is (BYE if it has not refreshed shortly
     * before expiry); without, the callee supports no timer and the leg has none.
     */
    static void answered(SipCall call, Response ok) {
        String[] parts = sessionExpires(ok);
        if (parts == null) {
            call.refreshAtNanos = 0;
            call.sessionDeadlineNanos = 0;
            return;
        }
        long interval = seconds(parts);
        if (interval < 1) {
            return; // unreadable or nonsense: keep what we had
        }
        boolean weRefresh = true; // RFC 4028 section 7.4: refresher missing in a 2xx means the UAC
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            if (p.equals("refresher=uas")) {
                weRefresh = false;
            }
        }
        long now = System.nanoTime();
        if (weRefresh) {
            call.sessionDeadlineNanos = 0;
            call.refreshAtNanos = now + interval * 1_000_000_000L / 2;
        } else {
            call.refreshAtNanos = 0;
            call.sessionDeadlineNanos = now + (interval - Math.min(32, interval / 3)) * 1_000_000_000L;
        }
    }

    /** Whether the UAC said it supports session timers (option tag "timer" in Supported or Require). */
    static boolean callerSupports(Request request) {
        for (String name : new String[] {"Supported", "k", "Require"}) {
            ListIterator<Header> it = request.getHeaders(name);
            while (it != null && it.hasNext()) {
                String v = it.next().toString();
                for (String tag : v.substring(v.indexOf(':') + 1).split(",")) {
                    if (tag.trim().equalsIgnoreCase("timer")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The 422 answer when the request asks for an interval below our Min-SE, or null if it may go on. */
    static Response tooSmall(SipContext ctx, Request request) {
        CallLimits limits = ctx.limits;
        long asked = requestedSeconds(request);
        long min = limits.minSessionExpires().getSeconds();
        if (limits.sessionExpires().isZero() || asked < 0 || asked >= min) {
            return null;
        }
        Response r = ctx.response(422, request);
        try {
            r.addHeader(ctx.headers.createHeader("Min-SE", Long.toString(min)));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }

    /**
     * Adds Session-Expires and Require: timer to our 2xx for an INVITE (initial or refresh) from a
     * caller that supports session timers, and moves the leg's deadline; nothing otherwise.
     */
    static void grant(SipContext ctx, SipCall call, Request invite, Response ok) {
        CallLimits limits = ctx.limits;
        if (limits.sessionExpires().isZero() || !callerSupports(invite)) {
            return;
        }
        long asked = requestedSeconds(invite);
        long interval = asked >= limits.minSessionExpires().getSeconds() ? asked : limits.sessionExpires().getSeconds();
        try {
            ok.addHeader(ctx.headers.createHeader("Session-Expires", interval + ";refresher=uac"));
            ok.addHeader(ctx.headers.createHeader("Require", "timer"));
        } catch (java.text.ParseException e) {
            LOG.debugf(e, "session timer headers for %s", call.callId());
            return;
        }
        // RFC 4028 section 10: without a refresh, the other side ends the session this long before expiry.
        long endAfter = interval - Math.min(32, interval / 3);
        call.sessionDeadlineNanos = System.nanoTime() + endAfter * 1_000_000_000L;
    }
}
