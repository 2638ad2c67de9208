package org.kefu.acd;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.acd.routing.Offer;
import org.kefu.acd.routing.WaitingCall;
import org.kefu.calls.CallOwner;
import org.kefu.calls.CallSessions;
import org.kefu.calls.CallerPrompts;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Calls that reach an agent by the soft phone instead of a queue's offer: a blind transfer to a
 * colleague by job number, a consultation (completed as a transfer or joined into a conference),
 * and the agent's transfer of its caller to another queue. The colleague is busy for the ACD while
 * such a call rings or talks, but the call stays out of the queues' figures and has no RONA.
 */
@Stateless
@PermitAll // local view only: the soft phone and the ACD's call events call it
public class DirectCalls {

    private static final Logger LOG = Logger.getLogger(DirectCalls.class);
    /** Queue code of a direct call that never came through a queue: the router knows no such queue, so no wrap-up. */
    private static final String NO_QUEUE = "";

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Resource(lookup = "java:/eis/kefu/Switch")
    SwitchConnectionFactory switchFactory;

    @EJB
    RoutingState state;

    @EJB
    Offers offers;

    @EJB
    AgentSessions sessions;

    @EJB
    CallSessions calls;

    @EJB
    CallerPrompts prompts;

    /**
     * A call is about to reach a colleague directly, by job number: a blind transfer of the
     * agent's call, or a consultation call. Call before the switch's command: the colleague is
     * reserved for it (RESERVED while its phone rings, TALKING once answered, then wrap-up for the
     * call's queue or back to its not-ready reason), so that the ACD offers it no second call
     * meanwhile. Refused (CONFLICT) when the colleague rings, talks, is locked or logged out; then
     * nothing changed. Then {@link #directCallPlaced} with the switch's call, or
     * {@link #directCallFailed} if the switch refused.
     *
     * @return the reservation's id, for those two
     */
    public String reserveForDirectCall(String fromJob, String toJob, String callId, boolean consultation) {
        KnownAgents.require(em, toJob);
        AcdCall was = talkingWith(fromJob, callId);
        AcdCall.Kind kind = consultation ? AcdCall.Kind.CONSULTATION : AcdCall.Kind.TRANSFER;
        // The router's id for the call until the switch has placed it (the transferred call is
        // still the sender's there); short, since it lands in the state history's call_ref.
        String reservation = (consultation ? "c:" : "t:") + callId;
        // The queue the call came from decides the colleague's wrap-up; a consultation has none of its own.
        WaitingCall waiting = was == null || consultation ? WaitingCall.of(reservation, NO_QUEUE, state.clock().instant())
                : new WaitingCall(reservation, was.waiting.queue(), was.waiting.enqueuedAt(), was.waiting.basePriority(),
                        was.waiting.customerId(), null);
        Offer offer;
        try {
            offer = AcdException.fromRouter(() -> state.router().directCall(toJob, waiting));
        } finally {
            state.persistPending();
        }
        state.reservations().put(reservation, new DirectCallReservation(kind, fromJob, toJob, waiting, was == null ? null : was.caller));
        state.event(AcdEvent.OFFER, callId, null, toJob, null, null,
                kind.name().toLowerCase(Locale.ROOT) + " from " + fromJob + " at " + offer.extension());
        return reservation;
    }

    /**
     * The switch placed the direct call ({@code callId}: the transferred call, or the new
     * consultation call): for a transfer, the sender's part ends as for any transfer (TRANSFER and
     * END events, wrap-up) if it was the sender's ACD call; the colleague's record follows the call.
     *
     * @param caller the party who is transferred (used when the call was not the ACD's)
     */
    public void directCallPlaced(String reservation, String callId, ConnectionId caller) {
        DirectCallReservation r = state.reservations().remove(reservation);
        if (r == null) {
            return;
        }
        String toJob = r.toJob();
        AgentSnapshot b = sessions.status(toJob);
        if (!reservation.equals(b.offeredCallId())) {
            return; // freed meanwhile
        }
        if (r.kind() == AcdCall.Kind.TRANSFER) {
            AcdCall was = talkingWith(r.fromJob(), callId);
            if (was != null) {
                offers.agentCallEnded(was, true); // unless the sender's Cleared (TRANSFERRED) did it already
            }
        }
        WaitingCall w = r.waiting();
        WaitingCall waiting = new WaitingCall(callId, w.queue(), w.enqueuedAt(), w.basePriority(), w.customerId(), null);
        AcdCall record = new AcdCall(callId, r.caller() != null ? r.caller() : caller);
        record.kind = r.kind();
        record.phase = AcdCall.Phase.RINGING;
        record.jobNumber = toJob;
        record.extension = b.extension();
        record.waiting = waiting;
        AcdException.fromRouterAction(() -> state.router().directCallMoved(toJob, waiting));
        state.calls().put(callId, record);
        // The colleague may have picked up before the record existed (events run on other threads).
        try (SwitchConnection sw = switchFactory.getConnection()) {
            ConnectionId leg = new ConnectionId(new CallId(callId), new DeviceId(b.extension()));
            boolean connected = sw.snapshotCall(new CallId(callId)).parties().stream()
                    .anyMatch(p -> p.connection().equals(leg) && p.state() == ConnectionState.CONNECTED);
            if (connected) {
                offers.answered(record, leg);
            }
        } catch (TelephonyException e) {
            LOG.debugf("Direct call %s: %s", callId, e.getMessage());
        }
    }

    /**
     * The agent completes its consultation with a colleague: the colleague now talks with the
     * caller in the original call, and stays busy for the ACD until that call ends there; the
     * consulting agent's part ends as for a transfer. Call before the switch's command.
     */
    public void consultationCompleted(String fromJob, String originalCallId, String consultCallId, ConnectionId caller) {
        AcdCall consult = state.calls().get(consultCallId);
        if (consult == null || consult.kind != AcdCall.Kind.CONSULTATION) {
            return; // a number was consulted: the original call's record ends with the sender's leg
        }
        AcdCall was = talkingWith(fromJob, originalCallId);
        state.calls().remove(consultCallId, consult);
        if (was != null) {
            offers.agentCallEnded(was, true); // first: the router then holds the original call for the colleague
        }
        AcdCall moved = movedCall(consult, originalCallId, was, caller, AcdCall.Kind.TRANSFER, true);
        state.calls().put(originalCallId, moved);
    }

    /**
     * The agent joins its consultation with a colleague into a three-party conference: the
     * colleague stays busy for the ACD while it is in the conference (and wraps up when it leaves);
     * the agent who set it up keeps the call's record.
     */
    public void consultationConferenced(String fromJob, String originalCallId, String consultCallId, ConnectionId caller) {
        AcdCall consult = state.calls().get(consultCallId);
        if (consult == null || consult.kind != AcdCall.Kind.CONSULTATION) {
            return;
        }
        state.calls().remove(consultCallId, consult);
        // The router keeps the colleague under the consultation's id: the original call is the
        // consulting agent's there, and one call id names one agent in the router.
        AcdCall moved = movedCall(consult, originalCallId, talkingWith(fromJob, originalCallId), caller, AcdCall.Kind.CONSULTATION, false);
        state.conferees().computeIfAbsent(originalCallId, k -> new CopyOnWriteArrayList<>()).add(moved);
    }

    /** The transfer or consultation never reached the colleague (the switch refused it): it is as before. */
    public void directCallFailed(String toJob, String callId) {
        state.reservations().remove(callId);
        AgentSnapshot b = sessions.status(toJob);
        if (!callId.equals(b.offeredCallId()) || b.state() != AgentState.RESERVED) {
            return;
        }
        AcdCall record = state.calls().get(callId);
        if (record != null && record.kind != AcdCall.Kind.QUEUE && toJob.equals(record.jobNumber)) {
            state.calls().remove(callId, record);
        }
        Optional<Offer> next;
        try {
            next = AcdException.fromRouter(() -> state.router().directCallFailed(toJob));
        } finally {
            state.persistPending();
        }
        next.ifPresent(offers::ring);
    }

    /** The colleague's record from a consultation, now on the original call. */
    private AcdCall movedCall(AcdCall consult, String originalCallId, AcdCall was, ConnectionId caller, AcdCall.Kind kind,
                              boolean moveInRouter) {
        String queue = was == null ? NO_QUEUE : was.waiting.queue();
        WaitingCall waiting = was == null ? WaitingCall.of(originalCallId, queue, consult.waiting.enqueuedAt())
                : new WaitingCall(originalCallId, queue, was.waiting.enqueuedAt(), was.waiting.basePriority(), was.waiting.customerId(), null);
        AcdCall moved = new AcdCall(originalCallId, was == null ? caller : was.caller);
        moved.kind = kind;
        synchronized (consult) {
            moved.phase = consult.phase;
            moved.jobNumber = consult.jobNumber;
            moved.extension = consult.extension;
            moved.answeredAt = consult.answeredAt;
        }
        moved.waiting = waiting;
        if (moveInRouter) {
            AcdException.fromRouterAction(() -> state.router().directCallMoved(moved.jobNumber, waiting));
        }
        return moved;
    }

    /** The ACD's record of the call if {@code jobNumber} talks on it now, else null. */
    private AcdCall talkingWith(String jobNumber, String callId) {
        AcdCall c = state.calls().get(callId);
        if (c == null) {
            return null;
        }
        synchronized (c) {
            return jobNumber.equals(c.jobNumber) && c.phase == AcdCall.Phase.TALKING ? c : null;
        }
    }

    /**
     * A party left a call with conferees: those who left (or all, when the call ended) end their
     * part. Returns true when one of them did.
     */
    public boolean confereeCleared(CallEvent.Cleared cleared) {
        List<AcdCall> list = state.conferees().get(cleared.call().value());
        if (list == null) {
            return false;
        }
        boolean any = false;
        for (AcdCall p : list) {
            if (cleared.callEnded() || cleared.cleared().device().value().equals(p.extension)) {
                list.remove(p);
                any = true;
                confereeEnded(p);
            }
        }
        if (list.isEmpty()) {
            state.conferees().remove(cleared.call().value(), list);
            if (!cleared.callEnded() && !state.calls().containsKey(cleared.call().value())) {
                // The last agent left the conference: the caller is not left alone on the line.
                try (SwitchConnection sw = switchFactory.getConnection()) {
                    sw.clearCall(cleared.call());
                } catch (TelephonyException e) {
                    LOG.debugf("Call %s: %s", cleared.call(), e.getMessage());
                }
            }
        }
        return any;
    }

    private void confereeEnded(AcdCall p) {
        Optional<Offer> next;
        long talked;
        synchronized (p) {
            talked = p.answeredAt == null ? 0 : Duration.between(p.answeredAt, state.clock().instant()).toMillis();
            try {
                next = p.phase == AcdCall.Phase.TALKING ? AcdException.fromRouter(() -> state.router().callEnded(p.jobNumber))
                        : AcdException.fromRouter(() -> state.router().directCallFailed(p.jobNumber));
            } finally {
                state.persistPending();
            }
        }
        state.event(AcdEvent.END, p.callId, null, p.jobNumber, null, talked, "conference");
        next.ifPresent(offers::ring);
    }

    /**
     * The agent sends its caller to another queue (a blind transfer to a queue): the agent's part
     * ends as for any transfer (wrap-up follows), the caller waits in {@code queue} with music and
     * is offered there as a new arrival; its VIP level and customer travel with it.
     */
    public EnqueueResult.Outcome transferToQueue(String jobNumber, String queue) {
        KnownAgents.require(em, jobNumber);
        if (queue == null || state.queue(queue) == null) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown queue " + queue);
        }
        AcdCall c = null;
        for (AcdCall candidate : state.calls().values()) {
            synchronized (candidate) {
                if (jobNumber.equals(candidate.jobNumber) && candidate.phase == AcdCall.Phase.TALKING) {
                    c = candidate;
                }
            }
        }
        if (c == null) {
            throw new AcdException(AcdException.Kind.CONFLICT, "agent " + jobNumber + " is not talking with an ACD caller");
        }
        String extension;
        WaitingCall was;
        synchronized (c) {
            extension = c.extension;
            was = c.waiting;
        }
        offers.agentCallEnded(c, true);
        Instant now = state.clock().instant();
        WaitingCall waiting = new WaitingCall(c.callId, queue, now, was.basePriority(), was.customerId(), null);
        AcdCall moved = new AcdCall(c.callId, c.caller);
        moved.waiting = waiting;
        moved.nextAnnouncement = now.plus(AcdClock.ANNOUNCE_EVERY);
        state.calls().put(c.callId, moved);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            calls.handTo(new CallId(c.callId), CallOwner.QUEUE);
            sw.attachData(new CallId(c.callId), Map.of(CallData.TRANSFERRED_BY, jobNumber));
            // The agent's leg goes first: its Cleared event then finds a waiting call, not a talk.
            sw.clearConnection(new ConnectionId(new CallId(c.callId), new DeviceId(extension)));
            prompts.say(sw, c.caller, "transfer-to-agent", "please-hold");
        } catch (TelephonyException e) {
            LOG.infof("Call %s: transfer to queue %s: %s", c.callId, queue, e.getMessage());
        }
        EnqueueResult result = offers.enqueue(waiting);
        switch (result.outcome()) {
            case OFFERED -> offers.ring(result.offer().orElseThrow());
            case QUEUED -> LOG.infof("Call %s transferred by agent %s waits in %s", c.callId, jobNumber, queue);
            default -> {
                state.calls().remove(c.callId);
                LOG.infof("Call %s not queued in %s after transfer: %s", c.callId, queue, result.outcome());
            }
        }
        return result.outcome();
    }
}
