package org.kefu.outbound.dunning;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import org.kefu.outbound.CallbackOutcome;
import org.kefu.telephony.CallId;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which ringing call is which voice reminder's, in memory. A busy phone's 486 can come back before
 * the reminder has recorded its call (and once the call has failed, the switch has forgotten its
 * data), so both sides meet here under one lock: a failure that comes first is kept for a minute
 * and handed to the reminder when it registers its call; a reminder that registers first is found
 * by the failure. After a restart nothing rings any more (VoiceReminderRecovery settles the rest).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // one monitor, held for a map operation
@PermitAll // local only
public class ReminderCalls {

    private static final Duration KEEP_EARLY_FAILURE = Duration.ofMinutes(1);
    private static final int MOST = 10_000;

    private record Placed(long notice, Instant at) {
    }

    private record Early(CallbackOutcome outcome, Instant at) {
    }

    private final Map<CallId, Placed> placed = new HashMap<>();
    private final Map<CallId, Early> failedEarly = new HashMap<>();

    /** The reminder's call rings: its failure, if it failed already, else empty (it is now known). */
    public synchronized Optional<CallbackOutcome> placed(CallId call, long notice) {
        Early early = failedEarly.remove(call);
        if (early != null) {
            return Optional.of(early.outcome());
        }
        trim(placed, Duration.ofHours(1), p -> p.at());
        placed.put(call, new Placed(notice, Instant.now()));
        return Optional.empty();
    }

    /** The reminder of a ringing call, which is known from now on as answered (forgotten here). */
    public synchronized OptionalLong answered(CallId call) {
        Placed p = placed.remove(call);
        return p == null ? OptionalLong.empty() : OptionalLong.of(p.notice());
    }

    /** A call Kefu placed failed: its reminder, or empty (kept a minute in case its reminder registers yet). */
    public synchronized OptionalLong failed(CallId call, CallbackOutcome outcome) {
        Placed p = placed.remove(call);
        if (p != null) {
            return OptionalLong.of(p.notice());
        }
        trim(failedEarly, KEEP_EARLY_FAILURE, Early::at);
        failedEarly.put(call, new Early(outcome, Instant.now()));
        return OptionalLong.empty();
    }

    /** Bounds a map that only lost events would fill: the old entries go once it is large. */
    private static <V> void trim(Map<CallId, V> map, Duration keep, java.util.function.Function<V, Instant> at) {
        if (map.size() >= MOST) {
            Instant before = Instant.now().minus(keep);
            map.values().removeIf(v -> at.apply(v).isBefore(before));
            if (map.size() >= MOST) {
                map.clear(); // a flood of failures no reminder owns: forget them rather than grow
            }
        }
    }
}
