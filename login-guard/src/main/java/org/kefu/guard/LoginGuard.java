package org.kefu.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One failure count for every door into Kefu (console form, {@code j_security_check}, HTTP BASIC,
 * remote EJB): the realm ({@link KefuRealm}) and the console's form report each attempt here, and
 * ask here before letting a correct password in.
 *
 * <p>The rules (each number a system property, see {@link Policy#fromSystemProperties()}):
 * <ul>
 * <li><b>Progressive delay</b> per account and address: from the {@code delayAfter}-th failure in
 * a row, the next attempt from that address is refused until 1, 2, 4 … (at most
 * {@code maxDelaySeconds}) seconds have passed, whatever the password.</li>
 * <li><b>Time-limited lock</b> per account and address: {@code lockAfter} failures in a row lock
 * the account for that address for {@code lockMinutes}.</li>
 * <li><b>Account lock</b>: {@code accountLockAfter} failures in a row from any addresses lock the
 * account for {@code lockMinutes} for every address the account has <em>not</em> signed in from
 * successfully in the last {@code knownSourceDays}. So guessing from many addresses is stopped,
 * but nobody outside can keep an administrator out of their own desk.</li>
 * <li><b>Per-source throttle</b>: {@code sourceMaxFailures} failures from one address within
 * {@code sourceWindowMinutes} (any accounts) block that address for {@code sourceBlockMinutes}.</li>
 * </ul>
 * An administrator's unlock clears everything about the account. The counters live in memory (per
 * server; a restart clears them) and expire.
 */
public final class LoginGuard {

    /** What the guard says about an attempt before the password counts. */
    public enum Verdict {
        ALLOW, DELAY, LOCKED, SOURCE_BLOCKED;

        public boolean refuses() {
            return this != ALLOW;
        }
    }

    public record Decision(Verdict verdict, long retryAfterSeconds) {
        static final Decision ALLOW = new Decision(Verdict.ALLOW, 0);

        public boolean refuses() {
            return verdict.refuses();
        }

        /** For the audit trail and logs (English, like every audit detail). */
        public String describe() {
            return switch (verdict) {
                case ALLOW -> "allowed";
                case DELAY -> "too many failed logins, next attempt allowed in " + retryAfterSeconds + " s";
                case LOCKED -> "account locked for this address, " + retryAfterSeconds + " s left";
                case SOURCE_BLOCKED -> "address blocked after too many failed logins, " + retryAfterSeconds + " s left";
            };
        }
    }

    /** What a failure led to, for the audit trail. */
    public record Failure(int inARow, int accountInARow, boolean pairLocked, boolean accountLocked,
                          boolean sourceBlocked) {
    }

    public record Policy(int delayAfter, int maxDelaySeconds, int lockAfter, Duration lockFor, int accountLockAfter,
                         int sourceMaxFailures, Duration sourceWindow, Duration sourceBlockFor,
                         Duration knownSourceFor) {

        public static Policy defaults() {
            return new Policy(3, 30, 5, Duration.ofMinutes(15), 10, 30, Duration.ofMinutes(15),
                    Duration.ofMinutes(15), Duration.ofDays(30));
        }

        /**
         * {@code kefu.login.delay-after} (3), {@code kefu.login.max-delay-seconds} (30),
         * {@code kefu.login.lock-after} (5), {@code kefu.login.lock-minutes} (15),
         * {@code kefu.login.account-lock-after} (10), {@code kefu.login.source-max-failures} (30),
         * {@code kefu.login.source-window-minutes} (15), {@code kefu.login.source-block-minutes} (15),
         * {@code kefu.login.known-source-days} (30).
         */
        public static Policy fromSystemProperties() {
            Policy d = defaults();
            return new Policy(
                    intProperty("kefu.login.delay-after", d.delayAfter),
                    intProperty("kefu.login.max-delay-seconds", d.maxDelaySeconds),
                    intProperty("kefu.login.lock-after", d.lockAfter),
                    Duration.ofMinutes(intProperty("kefu.login.lock-minutes", (int) d.lockFor.toMinutes())),
                    intProperty("kefu.login.account-lock-after", d.accountLockAfter),
                    intProperty("kefu.login.source-max-failures", d.sourceMaxFailures),
                    Duration.ofMinutes(intProperty("kefu.login.source-window-minutes", (int) d.sourceWindow.toMinutes())),
                    Duration.ofMinutes(intProperty("kefu.login.source-block-minutes", (int) d.sourceBlockFor.toMinutes())),
                    Duration.ofDays(intProperty("kefu.login.known-source-days", (int) d.knownSourceFor.toDays())));
        }

        private static int intProperty(String name, int fallback) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Math.max(1, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

    private static final class Pair {
        int failures;
        Instant notBefore = Instant.MIN;
        Instant lockedUntil = Instant.MIN;
        Instant touched;
    }

    private static final class Account {
        int failures;
        Instant lockedUntil = Instant.MIN;
        final Map<String, Instant> knownSources = new ConcurrentHashMap<>();
        Instant touched;
    }

    private static final class Source {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil = Instant.MIN;
        Instant touched;
    }

    private static final LoginGuard INSTANCE = new LoginGuard(Policy.fromSystemProperties(), Clock.systemUTC());

    /** The guard of this server (one per JVM: the realm and the deployment share the module). */
    public static LoginGuard get() {
        return INSTANCE;
    }

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private volatile AuditSink audit = AuditSink.NONE;
    private int operations;

    public LoginGuard(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public Policy policy() {
        return policy;
    }

    public void setAudit(AuditSink audit) {
        this.audit = audit == null ? AuditSink.NONE : audit;
    }

    public AuditSink audit() {
        return audit;
    }

    /** May an attempt for this account from this address go in (if its password is right)? */
    public synchronized Decision check(String login, String source) {
        Instant now = clock.instant();
        String src = normalize(source);
        Source s = sources.get(src);
        if (s != null && s.blockedUntil.isAfter(now)) {
            return new Decision(Verdict.SOURCE_BLOCKED, secondsUntil(now, s.blockedUntil));
        }
        Pair p = pairs.get(key(login, src));
        if (p != null && p.lockedUntil.isAfter(now)) {
            return new Decision(Verdict.LOCKED, secondsUntil(now, p.lockedUntil));
        }
        Account a = accounts.get(login);
        if (a != null && a.lockedUntil.isAfter(now) && !isKnown(a, src, now)) {
            return new Decision(Verdict.LOCKED, secondsUntil(now, a.lockedUntil));
        }
        if (p != null && p.notBefore.isAfter(now)) {
            return new Decision(Verdict.DELAY, secondsUntil(now, p.notBefore));
        }
        return Decision.ALLOW;
    }

    /**
     * A wrong password (or an unknown login: {@code knownUser} false) for the account from the
     * address. Counts it everywhere it counts and says what it led to.
     */
    public synchronized Failure failed(String login, String source, boolean knownUser) {
        Instant now = clock.instant();
        String src = normalize(source);
        housekeeping(now);

        Source s = sources.computeIfAbsent(src, k -> new Source());
        s.touched = now;
        s.failures.addLast(now);
        while (!s.failures.isEmpty() && s.failures.peekFirst().isBefore(now.minus(policy.sourceWindow))) {
            s.failures.removeFirst();
        }
        boolean sourceBlocked = false;
        if (s.failures.size() >= policy.sourceMaxFailures && !s.blockedUntil.isAfter(now)) {
            s.blockedUntil = now.plus(policy.sourceBlockFor);
            s.failures.clear();
            sourceBlocked = true;
        }

        Pair p = pairs.computeIfAbsent(key(login, src), k -> new Pair());
        p.touched = now;
        p.failures++;
        boolean pairLocked = false;
        if (p.failures >= policy.lockAfter) {
            if (!p.lockedUntil.isAfter(now)) {
                p.lockedUntil = now.plus(policy.lockFor);
                pairLocked = true;
            }
        } else if (p.failures >= policy.delayAfter) {
            long seconds = Math.min(policy.maxDelaySeconds, 1L << Math.min(20, p.failures - policy.delayAfter));
            p.notBefore = now.plusSeconds(seconds);
        }

        int accountInARow = 0;
        boolean accountLocked = false;
        if (knownUser) {
            Account a = accounts.computeIfAbsent(login, k -> new Account());
            a.touched = now;
            a.failures++;
            accountInARow = a.failures;
            if (a.failures >= policy.accountLockAfter && !a.lockedUntil.isAfter(now)) {
                a.lockedUntil = now.plus(policy.lockFor);
                accountLocked = true;
            }
        }
        return new Failure(p.failures, accountInARow, pairLocked, accountLocked, sourceBlocked);
    }

    /** The right password, let in: the account's and the pair's counts start again. */
    public synchronized void succeeded(String login, String source) {
        Instant now = clock.instant();
        String src = normalize(source);
        pairs.remove(key(login, src));
        Account a = accounts.computeIfAbsent(login, k -> new Account());
        a.touched = now;
        a.failures = 0;
        a.lockedUntil = Instant.MIN;
        a.knownSources.put(src, now);
    }

    /** Whether the pair had failures since its last success (so that a success is worth auditing). */
    public synchronized boolean hasFailures(String login, String source) {
        Pair p = pairs.get(key(login, normalize(source)));
        return p != null && p.failures > 0;
    }

    /** An administrator unlocked the account: its counts, delays and locks are gone. */
    public synchronized void unlock(String login) {
        pairs.keySet().removeIf(k -> k.startsWith(login + "\n"));
        Account a = accounts.get(login);
        if (a != null) {
            a.failures = 0;
            a.lockedUntil = Instant.MIN;
        }
    }

    /** The addresses blocked now (for administrators). */
    public synchronized List<String> blockedSources() {
        Instant now = clock.instant();
        List<String> out = new ArrayList<>();
        sources.forEach((k, v) -> {
            if (v.blockedUntil.isAfter(now)) {
                out.add(k);
            }
        });
        return out;
    }

    private boolean isKnown(Account a, String source, Instant now) {
        Instant last = a.knownSources.get(source);
        return last != null && last.plus(policy.knownSourceFor).isAfter(now);
    }

    /** Forgets what has expired, so that sprayed names and addresses cannot fill the memory. */
    private void housekeeping(Instant now) {
        if (++operations % 256 != 0 && pairs.size() + sources.size() < 100_000) {
            return;
        }
        Instant stale = now.minus(policy.lockFor.plus(policy.sourceWindow).plus(policy.sourceBlockFor));
        for (Iterator<Pair> it = pairs.values().iterator(); it.hasNext(); ) {
            Pair p = it.next();
            if (p.touched.isBefore(stale) && !p.lockedUntil.isAfter(now)) {
                it.remove();
            }
        }
        for (Iterator<Source> it = sources.values().iterator(); it.hasNext(); ) {
            Source s = it.next();
            if (s.touched.isBefore(stale) && !s.blockedUntil.isAfter(now)) {
                it.remove();
            }
        }
        Instant forgotten = now.minus(policy.knownSourceFor);
        for (Iterator<Account> it = accounts.values().iterator(); it.hasNext(); ) {
            Account a = it.next();
            a.knownSources.values().removeIf(t -> t.isBefore(forgotten));
            if (a.knownSources.isEmpty() && a.touched.isBefore(stale) && !a.lockedUntil.isAfter(now)) {
                it.remove();
            }
        }
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
    }

    static String normalize(String source) {
        if (source == null || source.isBlank()) {
            return "unknown";
        }
        String s = source.strip();
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        if (s.startsWith("::ffff:")) {
            s = s.substring(7);
        }
        return s;
    }

    private static String key(String login, String source) {
        return login + "\n" + source;
    }
}
