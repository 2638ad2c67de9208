package org.kefu.acd;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import org.jboss.logging.Logger;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.acd.routing.Offer;
import org.kefu.acd.routing.Overflow;
import org.kefu.acd.routing.WaitingCall;
import org.kefu.calls.CallerPrompts;
import org.kefu.telephony.CallId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.speech.SpokenNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ACD's one-second clock: timed wrap-ups end, offers ringing too long go back (RONA), calls
 * waiting past their queue's maximum overflow, waiting callers hear their position. The call
 * flow's clock ticks it (org.kefu.callflow.CallClock) and carries out the overflows it returns;
 * each tick is one transaction, as the other beans' work it calls joins it.
 */
@Singleton
@DependsOn("RoutingState")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local view only: the call flow's clock
public class AcdClock {

    private static final Logger LOG = Logger.getLogger(AcdClock.class);
    /** How often a waiting caller hears its position; also when it first does. */
    static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(Long.getLong("kefu.acd.announce.seconds", 45));

    @Resource(lookup = "java:/eis/kefu/Switch")
    SwitchConnectionFactory switchFactory;

    @EJB
    RoutingState state;

    @EJB
    Offers offers;

    @EJB
    CallerPrompts prompts;

    /**
     * Every second: timed wrap-ups end, RONA, overflow after max wait, position announcements.
     * Returns the callers who overflow to an IVR flow or to voicemail, for the call flow.
     */
    public List<QueueOverflow> tick() {
        List<QueueOverflow> leaving = new ArrayList<>();
        try {
            Instant now = state.clock().instant();
            List<Offer> due;
            try {
                due = state.router().tick(now);
            } finally {
                state.persistPending();
            }
            due.forEach(offers::ring);
            offers.ringingTooLong(now);
            for (Overflow overflow : state.router().overflowDue(now)) {
                overflow(overflow).ifPresent(leaving::add);
            }
            announcePositions(now);
        } catch (RuntimeException e) {
            LOG.warnf(e, "ACD tick failed");
        } finally {
            state.persistPending();
        }
        return leaving;
    }

    private Optional<QueueOverflow> overflow(Overflow overflow) {
        String callId = overflow.call().callId();
        AcdCall c = state.calls().get(callId);
        if (c == null) {
            return Optional.empty();
        }
        long waited = Duration.between(overflow.call().enqueuedAt(), state.clock().instant()).toMillis();
        CallQueue fromConfig = state.queue(overflow.fromQueue());
        String where = overflow.target() != null ? overflow.target()
                : fromConfig == null ? "nowhere" : fromConfig.getOverflowKind().toLowerCase(Locale.ROOT)
                + (fromConfig.getOverflowFlow() == null ? "" : " " + fromConfig.getOverflowFlow());
        state.event(AcdEvent.OVERFLOW, callId, overflow.fromQueue(), null, waited, null, "to " + where);
        LOG.infof("Call %s overflows from %s to %s after %d ms", callId, overflow.fromQueue(), overflow.target(), waited);
        if (overflow.target() != null && state.queue(overflow.target()) != null) {
            WaitingCall moved = overflow.call().movedTo(overflow.target());
            synchronized (c) {
                c.waiting = moved;
            }
            EnqueueResult result = offers.enqueue(moved);
            if (result.outcome() == EnqueueResult.Outcome.OFFERED) {
                offers.ring(result.offer().orElseThrow());
                return Optional.empty();
            }
            if (result.outcome() == EnqueueResult.Outcome.QUEUED) {
                return Optional.empty();
            }
        }
        state.calls().remove(callId);
        String kind = fromConfig == null ? "QUEUE" : fromConfig.getOverflowKind();
        if ("IVR".equals(kind) || "VOICEMAIL".equals(kind)) {
            return Optional.of(new QueueOverflow(new CallId(callId), c.caller, kind, fromConfig.getOverflowFlow(),
                    overflow.fromQueue()));
        }
        // No queue to go to: say goodbye.
        try (SwitchConnection sw = switchFactory.getConnection()) {
            prompts.goodbye(sw, new CallId(callId), c.caller);
        } catch (TelephonyException e) {
            LOG.infof("Call %s: %s", callId, e.getMessage());
        }
        return Optional.empty();
    }

    /** Tells each waiting caller its position and expected wait, every {@code kefu.acd.announce.seconds}. */
    private void announcePositions(Instant now) {
        for (AcdCall c : List.copyOf(state.calls().values())) {
            synchronized (c) {
                if (c.phase != AcdCall.Phase.WAITING || c.nextAnnouncement == null || c.nextAnnouncement.isAfter(now)) {
                    continue;
                }
                c.nextAnnouncement = now.plus(ANNOUNCE_EVERY);
            }
            var position = state.router().position(c.callId);
            var wait = state.router().expectedWaitOfCall(c.callId);
            if (position.isEmpty() || wait.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of("your-position-is"));
            names.addAll(spokenDigits(position.getAsInt()));
            names.add("expected-wait");
            names.addAll(spokenDigits(Math.max(1, (wait.get().toSeconds() + 59) / 60)));
            names.add("minutes");
            names.add("callback-offer");
            try (SwitchConnection sw = switchFactory.getConnection()) {
                prompts.say(sw, c.caller, CallerPrompts.CHINESE, names);
            } catch (TelephonyException e) {
                LOG.debugf("Call %s: no announcement: %s", c.callId, e.getMessage());
            }
        }
    }

    /**
     * A count said digit by digit with the plain digit prompts, as callers have always heard it:
     * the API's digit reading without its Mandarin 幺 for 1 (that reading is for codes and numbers
     * read out, not for a position in the queue).
     */
    private static List<String> spokenDigits(long n) {
        return SpokenNumber.digits(Long.toString(n), Locale.ROOT);
    }
}
