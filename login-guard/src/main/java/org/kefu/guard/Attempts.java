package org.kefu.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every door reports: one place that counts (in {@link LoginGuard}) and writes the audit
 * trail, so that the console form, {@code j_security_check}, BASIC and remote EJB leave the same
 * rows ({@code LOGIN}, {@code ACCOUNT_LOCKED}, {@code SOURCE_BLOCKED}).
 */
public final class Attempts {

    /** A door that authenticates once per request (BASIC) would fill the trail: one success per 10 min. */
    private static final Duration SUCCESS_AUDIT_INTERVAL = Duration.ofMinutes(10);
    private static final Map<String, Instant> LAST_AUDITED_SUCCESS = new ConcurrentHashMap<>();

    private Attempts() {
    }

    /**
     * A refused attempt. {@code reason} is null for a wrong password, else why the realm refused
     * (for example {@code account DISABLED}); {@code knownUser} false for a login nobody has.
     */
    public static LoginGuard.Failure failed(LoginGuard guard, String login, String source, String door,
                                            boolean knownUser, String reason) {
        String src = LoginGuard.normalize(source);
        LoginGuard.Failure f = guard.failed(login, src, knownUser);
        String detail;
        if (!knownUser) {
            detail = "unknown user";
        } else if (reason != null) {
            detail = reason;
        } else {
            detail = "wrong password (" + f.inARow() + " in a row";
            if (f.accountInARow() > f.inARow()) {
                detail += ", " + f.accountInARow() + " for the account from all addresses";
            }
            detail += ")";
        }
        AuditSink audit = guard.audit();
        audit.record(login, "LOGIN", login, false, withDoor(detail, door), src);
        LoginGuard.Policy p = guard.policy();
        if (f.pairLocked()) {
            audit.record(login, "ACCOUNT_LOCKED", login, true, f.inARow() + " failed logins in a row from " + src
                    + ": locked for that address for " + p.lockFor().toMinutes() + " min", src);
        }
        if (f.accountLocked()) {
            audit.record(login, "ACCOUNT_LOCKED", login, true, f.accountInARow()
                    + " failed logins in a row: locked for " + p.lockFor().toMinutes()
                    + " min for every address the account has not signed in from", src);
        }
        if (f.sourceBlocked()) {
            audit.record(login, "SOURCE_BLOCKED", src, true, p.sourceMaxFailures() + " failed logins within "
                    + p.sourceWindow().toMinutes() + " min: every login from " + src + " refused for "
                    + p.sourceBlockFor().toMinutes() + " min", src);
        }
        return f;
    }

    /** The right password, but the guard refused it (delay, lock or blocked address). Not counted again. */
    public static void refused(LoginGuard guard, String login, String source, String door, LoginGuard.Decision decision) {
        guard.audit().record(login, "LOGIN", login, false, withDoor("refused: " + decision.describe(), door),
                LoginGuard.normalize(source));
    }

    /** Let in. Audited every time for the console form, at most every 10 min per address for the other doors. */
    public static void succeeded(LoginGuard guard, String login, String source, String door, boolean always) {
        String src = LoginGuard.normalize(source);
        boolean hadFailures = guard.hasFailures(login, src);
        guard.succeeded(login, src);
        Instant now = Instant.now();
        String key = login + "\n" + src;
        Instant last = LAST_AUDITED_SUCCESS.get(key);
        if (always || hadFailures || last == null || last.plus(SUCCESS_AUDIT_INTERVAL).isBefore(now)) {
            if (LAST_AUDITED_SUCCESS.size() > 10_000) {
                LAST_AUDITED_SUCCESS.clear();
            }
            LAST_AUDITED_SUCCESS.put(key, now);
            guard.audit().record(login, "LOGIN", login, true, door == null ? null : "via " + door, src);
        }
    }

    private static String withDoor(String detail, String door) {
        return door == null ? detail : detail + " via " + door;
    }
}
