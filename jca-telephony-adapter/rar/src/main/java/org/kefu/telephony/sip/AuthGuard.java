package org.kefu.telephony.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Throttles password guessing against the phones' digest logins (REGISTER and INVITE). Failed
 * digests are counted per source address and per extension within a window; past a limit the
 * source, or the extension, is refused (403, without checking anything) for a while. An extension
 * blocked this way stays open to the addresses its phone is registered from, so that guessing from
 * elsewhere cannot lock a working phone out. Counters live in memory and expire by themselves.
 * Every failure and every block is reported to the {@link RefusalAudit} (the audit log category and
 * the application's audit trail, rate-limited).
 */
final class AuthGuard {

    private final Clock clock;
    private final int maxPerSource;
    private final int maxPerExtension;
    private final long windowMillis;
    private final long blockMillis;
    private final RefusalAudit refusals;
    private final Map<String, Counter> sources = new ConcurrentHashMap<>();
    private final Map<String, Counter> extensions = new ConcurrentHashMap<>();

    private static final class Counter {
        long windowStart;
        int failures;
        long blockedUntil;
    }

    AuthGuard(Clock clock, int maxPerSource, int maxPerExtension, Duration window, Duration block) {
        this(clock, maxPerSource, maxPerExtension, window, block, RefusalAudit.logOnly());
    }

    AuthGuard(Clock clock, int maxPerSource, int maxPerExtension, Duration window, Duration block, RefusalAudit refusals) {
        this.refusals = refusals;
        this.clock = clock;
        this.maxPerSource = maxPerSource;
        this.maxPerExtension = maxPerExtension;
        this.windowMillis = window.toMillis();
        this.blockMillis = block.toMillis();
    }

    static AuthGuard standard(Clock clock, RefusalAudit refusals) {
        return new AuthGuard(clock, 10, 20, Duration.ofMinutes(10), Duration.ofMinutes(15), refusals);
    }

    /**
     * Whether a login from this source for this extension is refused without a check.
     *
     * @param registeredFrom whether (extension, source host) is where that extension's phone is registered
     */
    boolean blocked(String source, String extension, BiPredicate<String, String> registeredFrom) {
        long now = clock.millis();
        if (isBlocked(sources.get(key(source)), now)) {
            return true;
        }
        return extension != null && isBlocked(extensions.get(extension), now) && !registeredFrom.test(extension, source);
    }

    /** A wrong digest for {@code extension} from {@code source} in a {@code method} (REGISTER or INVITE). */
    void failed(String source, String extension, String method) {
        long now = clock.millis();
        refusals.refused("SIP_LOGIN_FAILED", extension, extension, source, method + " with a wrong digest (403)");
        if (count(sources, key(source), maxPerSource, now)) {
            refusals.refused("SIP_LOGIN_BLOCK", extension, source, source, String.format(
                    "source %s blocked for %d min after %d failed digests (last for extension %s)",
                    source, blockMillis / 60_000, maxPerSource, extension));
        }
        if (extension != null && count(extensions, extension, maxPerExtension, now)) {
            refusals.refused("SIP_LOGIN_BLOCK", extension, extension, source, String.format(
                    "extension %s blocked for %d min after %d failed digests (last from %s); its registered phone still gets in",
                    extension, blockMillis / 60_000, maxPerExtension, source));
        }
    }

    /** A login refused unchecked because its source or extension is blocked ({@link #blocked}). */
    void refusedWhileBlocked(String source, String extension, String method) {
        refusals.refused("SIP_LOGIN_BLOCKED", extension, extension, source,
                method + " refused unchecked: blocked after repeated failed digests (403)");
    }

    void succeeded(String source) {
        sources.remove(key(source));
    }

    /** Drops counters whose window and block are both over (called by the link's housekeeping). */
    void sweep() {
        long now = clock.millis();
        sources.values().removeIf(c -> idle(c, now));
        extensions.values().removeIf(c -> idle(c, now));
    }

    int tracked() {
        return sources.size() + extensions.size();
    }

    private boolean idle(Counter c, long now) {
        synchronized (c) {
            return now - c.windowStart > windowMillis && now >= c.blockedUntil;
        }
    }

    private static boolean isBlocked(Counter c, long now) {
        if (c == null) {
            return false;
        }
        synchronized (c) {
            return now < c.blockedUntil;
        }
    }

    /** Counts one failure; true when it starts a block. */
    private boolean count(Map<String, Counter> map, String key, int max, long now) {
        Counter c = map.computeIfAbsent(key, k -> new Counter());
        synchronized (c) {
            if (now - c.windowStart > windowMillis) {
                c.windowStart = now;
                c.failures = 0;
            }
            c.failures++;
            if (c.failures >= max && now >= c.blockedUntil) {
                c.blockedUntil = now + blockMillis;
                c.failures = 0;
                return true;
            }
            return false;
        }
    }

    private static String key(String source) {
        return source == null ? "?" : source;
    }
}
