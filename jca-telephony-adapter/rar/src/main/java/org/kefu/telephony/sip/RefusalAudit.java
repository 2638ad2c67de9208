package org.kefu.telephony.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Where the switch reports what it refused for its own protection: on the audit log category
 * ({@code org.kefu.audit.sip}) and to the application's audit trail (through {@code sink}).
 *
 * <p>A refusal is the cheap answer to an attack, so its report must stay cheap too: per kind of
 * refusal ({@code action}) at most {@code perWindow} are reported one by one in each window; the
 * rest are only counted and reported as one summary when the window ends ({@link #flush()}, from
 * the link's housekeeping). A guessing bot sending thousands of REGISTERs costs a few audit rows a
 * minute, never a row and a log line each. Never blocks: the sink must hand on without waiting.
 */
public final class RefusalAudit {

    private static final Logger AUDIT = Logger.getLogger("org.kefu.audit.sip");

    /** One refusal, or ({@code occurrences} > 1) a summary of those not reported one by one. */
    public record Refusal(String action, String actor, String target, String source, String detail, long occurrences) {
    }

    private final Clock clock;
    private final int perWindow;
    private final long windowMillis;
    private final Consumer<Refusal> sink;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long start;
        int reported;
        long unreported;
        Refusal lastUnreported;
    }

    public RefusalAudit(Clock clock, int perWindow, Duration window, Consumer<Refusal> sink) {
        if (perWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("at least one refusal per positive window");
        }
        this.clock = clock;
        this.perWindow = perWindow;
        this.windowMillis = window.toMillis();
        this.sink = sink;
    }

    /** 20 of each kind a minute one by one, to {@code sink}. */
    public static RefusalAudit standard(Consumer<Refusal> sink) {
        return new RefusalAudit(Clock.systemUTC(), 20, Duration.ofMinutes(1), sink);
    }

    /** Only the log category: for a link nobody audits (the warm-up's caller, tests). */
    public static RefusalAudit logOnly() {
        return standard(r -> { });
    }

    /**
     * Reports one refusal.
     *
     * @param action upper-case kind, e.g. {@code SIP_LOGIN_FAILED}, {@code DIAL_REFUSED}
     * @param detail what was refused and why; never a secret (no SDP, no digest, no digits of a PIN)
     */
    public void refused(String action, String actor, String target, String source, String detail) {
        long now = clock.millis();
        Refusal summary = null;
        boolean report;
        Window w = windows.computeIfAbsent(action, a -> new Window());
        synchronized (w) {
            if (now - w.start >= windowMillis) {
                summary = closeWindow(action, w);
                w.start = now;
            }
            report = w.reported < perWindow;
            if (report) {
                w.reported++;
            } else {
                w.unreported++;
                w.lastUnreported = new Refusal(action, actor, target, source, detail, 1);
            }
        }
        if (summary != null) {
            publish(summary);
        }
        if (report) {
            publish(new Refusal(action, actor, target, source, detail, 1));
        }
    }

    /** Reports the summaries of windows that have ended; forgets kinds idle for a whole window. */
    public void flush() {
        long now = clock.millis();
        for (Map.Entry<String, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            Refusal summary = null;
            synchronized (w) {
                if (now - w.start >= windowMillis) {
                    summary = closeWindow(e.getKey(), w);
                    w.start = now;
                    if (summary == null) {
                        windows.remove(e.getKey(), w);
                    }
                }
            }
            if (summary != null) {
                publish(summary);
            }
        }
    }

    /** Refusals counted but not yet reported (for the link's status and tests). */
    long unreported() {
        long n = 0;
        for (Window w : windows.values()) {
            synchronized (w) {
                n += w.unreported;
            }
        }
        return n;
    }

    /** The window's summary (null when nothing was left out), and a fresh count. Holding w's lock. */
    private Refusal closeWindow(String action, Window w) {
        Refusal summary = null;
        if (w.unreported > 0) {
            Refusal last = w.lastUnreported;
            summary = new Refusal(action, last.actor(), last.target(), last.source(),
                    w.unreported + " more not reported one by one within " + windowMillis / 1000
                            + " s (the last: " + last.detail() + ")", w.unreported);
        }
        w.reported = 0;
        w.unreported = 0;
        w.lastUnreported = null;
        return summary;
    }

    private void publish(Refusal r) {
        AUDIT.warnf("%s actor=%s target=%s source=%s%s: %s", r.action(), r.actor(), r.target(), r.source(),
                r.occurrences() > 1 ? " occurrences=" + r.occurrences() : "", r.detail());
        try {
            sink.accept(r);
        } catch (RuntimeException e) {
            AUDIT.warnf("%s could not reach the audit trail: %s", r.action(), e.toString());
        }
    }
}
