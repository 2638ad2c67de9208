package org.kefu.calls;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import org.jboss.logging.Logger;
import org.kefu.telephony.CallId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls Kefu handles now and who owns each ({@link CallSession}). A call's events arrive in
 * order on one thread at a time; other threads (an agent's transfer, the ACD's clock) change the
 * owner too, hence a concurrent map and volatile fields, no lock. A session ends with its call
 * ({@link #ended}); one whose end never came is dropped after {@link #MAX_AGE}, so the table stays
 * bounded even if an event were lost.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local view only: the callflow and the ACD
public class CallSessions {

    private static final Logger LOG = Logger.getLogger(CallSessions.class);
    /** Longer than any call the switch lets live. */
    static final Duration MAX_AGE = Duration.ofHours(Long.getLong("kefu.calls.maxAgeHours", 24));

    private final Map<String, CallSession> sessions = new ConcurrentHashMap<>();

    /** Kefu took the call at {@code step} of its number plan. */
    public CallSession open(CallId call, EntryStep step, Instant at) {
        CallSession s = new CallSession(call, at, CallOwner.ENTRY, step);
        sessions.put(call.value(), s);
        return s;
    }

    public Optional<CallSession> find(CallId call) {
        return Optional.ofNullable(sessions.get(call.value()));
    }

    public Optional<CallOwner> owner(CallId call) {
        return find(call).map(CallSession::owner);
    }

    /**
     * {@code next} owns the call from now on. A call Kefu did not take through its number plan (an
     * agent's own call transferred to a queue) gets its session here.
     */
    public void handTo(CallId call, CallOwner next) {
        sessions.computeIfAbsent(call.value(), id -> new CallSession(call, Instant.now(), next, null)).handTo(next);
    }

    /** The number plan owns the call (again) at {@code step}. */
    public void enter(CallId call, EntryStep step) {
        sessions.computeIfAbsent(call.value(), id -> new CallSession(call, Instant.now(), CallOwner.ENTRY, step)).enter(step);
    }

    /** The call ended: its session goes. */
    public void ended(CallId call) {
        sessions.remove(call.value());
    }

    /** How many calls have a session (health, tests). */
    public int size() {
        return sessions.size();
    }

    /** Drops sessions older than {@link #MAX_AGE}: their call's end was never seen. Returns how many. */
    public int dropStale(Instant now) {
        Instant limit = now.minus(MAX_AGE);
        int dropped = 0;
        for (CallSession s : sessions.values()) {
            if (s.opened().isBefore(limit) && sessions.remove(s.call().value(), s)) {
                LOG.warnf("Call %s: session dropped after %s without the call's end", s, MAX_AGE);
                dropped++;
            }
        }
        return dropped;
    }
}
