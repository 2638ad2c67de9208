package org.kefu.outbound;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import org.kefu.telephony.CallId;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The calls Kefu places for an IVR flow to speak (a voice reminder, a satisfaction visit), in
 * memory: which ringing call is for what. A busy phone's 486 can come back before the caller of
 * dialOut has registered its call (and once the call has failed, the switch has forgotten its
 * data), so both sides meet here under one lock: a failure that comes first is kept for a minute
 * and handed over when the call registers; a call that registers first is found by its failure.
 * After a restart nothing rings any more (each purpose settles what was under way at start).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // one monitor, held for a map operation
@PermitAll // local only
public class PlacedCalls {

    /** What a placed call is for. */
    public enum Kind {
        /** A dunning reminder's call: the id is the reminder's. */
        DUNNING,
        /** A ticket's satisfaction visit: the id is the ticket's number. */
        VISIT
    }

    /** What a placed call is for, and the id of that. */
    public record Purpose(Kind kind, long id) {
    }

    private static final Duration KEEP_EARLY_FAILURE = Duration.ofMinutes(1);
    private static final int MOST = 10_000;

    private record Placed(Purpose purpose, Instant at) {
    }

    private record Early(CallbackOutcome outcome, Instant at) {
    }

    private final Map<CallId, Placed> placed = new HashMap<>();
    private final Map<CallId, Early> failedEarly = new HashMap<>();

    /** The call rings: its failure, if it failed already, else empty (it is known from now on). */
    public synchronized Optional<CallbackOutcome> placed(CallId call, Purpose purpose) {
        Early early = failedEarly.remove(call);
        if (early != null) {
            return Optional.of(early.outcome());
        }
        trim(placed, Duration.ofHours(1), Placed::at);
        placed.put(call, new Placed(purpose, Instant.now()));
        return Optional.empty();
    }

    /** What an answered call is for (forgotten here: its flow owns it now); empty for every other call. */
    public synchronized Optional<Purpose> answered(CallId call) {
        Placed p = placed.remove(call);
        return p == null ? Optional.empty() : Optional.of(p.purpose());
    }

    /**
     * What a failed call was for (failed, or ended before it was answered); empty for every other
     * call (kept a minute in case it registers yet).
     */
    public synchronized Optional<Purpose> failed(CallId call, CallbackOutcome outcome) {
        Placed p = placed.remove(call);
        if (p != null) {
            return Optional.of(p.purpose());
        }
        trim(failedEarly, KEEP_EARLY_FAILURE, Early::at);
        failedEarly.put(call, new Early(outcome, Instant.now()));
        return Optional.empty();
    }

    /** Bounds a map that only lost events would fill: the old entries go once it is large. */
    private static <V> void trim(Map<CallId, V> map, Duration keep, Function<V, Instant> at) {
        if (map.size() >= MOST) {
            Instant before = Instant.now().minus(keep);
            map.values().removeIf(v -> at.apply(v).isBefore(before));
            if (map.size() >= MOST) {
                map.clear(); // a flood of failures nobody placed: forget them rather than grow
            }
        }
    }
}
