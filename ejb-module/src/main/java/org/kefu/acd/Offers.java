package org.kefu.acd;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.acd.routing.Offer;
import org.kefu.acd.routing.WaitingCall;
import org.kefu.calls.CallOwner;
import org.kefu.calls.CallSessions;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.dialplan.DialRefusedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Queued calls and their offers: a caller joins a queue, an offer rings the agent's
 * desk phone ({@code routeTo}) or its follow-me number, an unanswered offer is taken back after the
 * queue's RONA time and goes to the next agent, a caller who hangs up while waiting abandons.
 * Also the answer and the end of an agent's talk (wrap-up follows), for every call the ACD
 * follows. Acts on the {@link RoutingState}'s router and call table.
 */
@Stateless
@PermitAll // local view only: the callflow, the ACD's own beans and the soft phone call it
public class Offers {

    private static final Logger LOG = Logger.getLogger(Offers.class);
    /** Who dials a callback, as the dial policy and its audit name it. */
    static final String CALLBACK_DIALLER = "kefu-callbacks";
    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Resource(lookup = "java:/eis/kefu/Switch")
    SwitchConnectionFactory switchFactory;

    @EJB
    RoutingState state;

    @EJB
    CallbackRequests callbackJobs;

    @EJB
    CallAssignments cdr;

    @EJB
    StickyAgents stickyAgents;

    @EJB
    AgentNotifications notifications;

    @EJB
    CallSessions calls;

    @EJB
    CallbackOutcomes callbackOutcomes;

    @EJB
    DialCheck dialPolicy;

    @EJB
    CallerSurvey survey;

    /**
     * Reads the queues' configuration again (after an administrator changed it): logged-in agents
     * are matched against the new requirements, waiting calls stay, and may now be offered.
     */
    public void reloadQueues() {
        state.reloadQueues().forEach(this::ring);
    }

    /**
     * A caller asks for an agent. Rings a READY agent at once, or waits (the callflow plays music);
     * if the queue is full or nobody serving it is logged in, the queue's overflow queue is tried.
     * Returns what became of the call.
     */
    public EnqueueResult.Outcome enqueue(CallId call, ConnectionId caller, String queue, int vipLevel, String customerId,
                                         String preferredAgent) {
        if (state.queue(queue) == null) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown queue " + queue);
        }
        Instant now = state.clock().instant();
        WaitingCall waiting = new WaitingCall(call.value(), queue, now, Math.max(0, vipLevel), customerId, preferredAgent);
        AcdCall record = new AcdCall(call.value(), caller);
        record.waiting = waiting;
        record.nextAnnouncement = now.plus(AcdClock.ANNOUNCE_EVERY);
        state.calls().put(call.value(), record);
        EnqueueResult result = enqueue(waiting);
        if (result.outcome() == EnqueueResult.Outcome.NO_AGENTS_LOGGED_IN
                || result.outcome() == EnqueueResult.Outcome.REJECTED_QUEUE_FULL) {
            String overflow = state.queue(queue).getOverflowQueue();
            if (overflow != null && state.queue(overflow) != null) {
                state.event(AcdEvent.OVERFLOW, call.value(), queue, null, 0L, null, "to " + overflow + ": " + result.outcome());
                waiting = waiting.movedTo(overflow);
                record.waiting = waiting;
                result = enqueue(waiting);
            }
        }
        switch (result.outcome()) {
            case OFFERED -> ring(result.offer().orElseThrow());
            case QUEUED -> LOG.debugf("Call %s waits in %s", call, waiting.queue());
            default -> {
                state.calls().remove(call.value());
                LOG.infof("Call %s not queued in %s: %s", call, waiting.queue(), result.outcome());
            }
        }
        return result.outcome();
    }

    /** Puts a call in its queue (the router's answer); logs ENQUEUE when it waits or is offered. */
    public EnqueueResult enqueue(WaitingCall waiting) {
        EnqueueResult result;
        try {
            result = AcdException.fromRouter(() -> state.router().enqueue(waiting));
        } finally {
            state.persistPending();
        }
        if (result.outcome() == EnqueueResult.Outcome.OFFERED || result.outcome() == EnqueueResult.Outcome.QUEUED) {
            state.event(AcdEvent.ENQUEUE, waiting.callId(), waiting.queue(), null, null, null,
                    "vip " + waiting.basePriority() + (waiting.preferredAgent() == null ? "" : ", asks for " + waiting.preferredAgent()));
        }
        return result;
    }

    /**
     * A callback request joins its queue in the place of its original enqueue time and waits
     * there as long as it takes (no overflow, no announcements: nobody is on the line). When
     * offered, the agent's desk rings and Kefu dials the customer from it ({@link #ring}). A ticket
     * already in the ACD (a job delivered twice) changes nothing. Returns what became of it:
     * OFFERED or QUEUED, else the queue cannot take it now (nobody logged in, full).
     */
    public EnqueueResult.Outcome enqueueCallback(CallbackTicket ticket) {
        if (state.queue(ticket.queue()) == null) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown queue " + ticket.queue());
        }
        String id = ticket.callId();
        if (state.calls().containsKey(id)) {
            return EnqueueResult.Outcome.QUEUED;
        }
        WaitingCall waiting = new WaitingCall(id, ticket.queue(), ticket.enqueuedAt(), Math.max(0, ticket.priority()),
                ticket.customerId(), null);
        AcdCall record = new AcdCall(id, null);
        record.kind = AcdCall.Kind.CALLBACK;
        record.dialled = ticket.phone();
        record.callbackRef = ticket.ref();
        record.waiting = waiting;
        state.calls().put(id, record);
        EnqueueResult result;
        try {
            result = AcdException.fromRouter(() -> state.router().enqueuePatient(waiting));
        } finally {
            state.persistPending();
        }
        switch (result.outcome()) {
            case OFFERED, QUEUED -> state.event(AcdEvent.ENQUEUE, id, null, null, null, null, "callback " + ticket.queue());
            default -> state.calls().remove(id);
        }
        if (result.outcome() == EnqueueResult.Outcome.OFFERED) {
            ring(result.offer().orElseThrow());
        }
        return result.outcome();
    }

    /**
     * Takes a callback out of the ACD (cancelled): out of its queue, or off the agent's desk that
     * rings for it (the agent is free again). False when it is not in the ACD, or the agent talks already.
     */
    public boolean withdrawCallback(String ref) {
        String id = "callback:" + ref;
        AcdCall c = state.calls().get(id);
        if (c == null) {
            return false;
        }
        Optional<Offer> next;
        String job;
        synchronized (c) {
            if (c.phase == AcdCall.Phase.TALKING) {
                return false;
            }
            job = c.phase == AcdCall.Phase.RINGING ? c.jobNumber : null;
            state.calls().remove(id);
            try {
                next = state.router().abandon(id);
            } finally {
                state.persistPending();
            }
        }
        CallId ringing = forgetDialling(c);
        if (ringing != null) {
            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.clearCall(ringing);
            } catch (TelephonyException e) {
                LOG.debugf("Callback %s: %s", ref, e.getMessage());
            }
        }
        if (job != null) {
            notifications.publish(job, "READY");
        }
        LOG.infof("Callback %s withdrawn%s", ref, job == null ? "" : " from agent " + job + "'s desk");
        next.ifPresent(this::ring);
        return true;
    }

    /**
     * A waiting caller asks to be called back instead (press 9): the call leaves the queue, a
     * callback_request row keeps its place (the original enqueue time) and a job goes to
     * kefu.callbacks in the same transaction. Returns false if the call no longer waits (an
     * agent's phone already rings).
     */
    public boolean requestCallback(CallId call, String phone) {
        AcdCall c = state.calls().get(call.value());
        if (c == null) {
            return false;
        }
        WaitingCall waiting;
        synchronized (c) {
            if (c.phase != AcdCall.Phase.WAITING || state.router().position(c.callId).isEmpty()) {
                return false;
            }
            waiting = c.waiting;
            state.router().abandon(c.callId); // out of the queue; nobody is offered anything
            state.calls().remove(c.callId);
        }
        Instant now = state.clock().instant();
        Long customer = null;
        try {
            customer = waiting.customerId() == null ? null : Long.valueOf(waiting.customerId());
        } catch (NumberFormatException e) {
            // not one of ours
        }
        CallbackRequest request = new CallbackRequest(c.callId, phone, waiting.queue(), customer, waiting.enqueuedAt(), now);
        em.persist(request);
        em.flush();
        JsonObjectBuilder job = Json.createObjectBuilder()
                .add("type", "callback")
                .add("requestId", "acd:" + request.getId())
                .add("phone", phone)
                .add("queue", waiting.queue())
                .add("enqueuedAt", waiting.enqueuedAt().toString())
                .add("callId", c.callId)
                .add("priority", waiting.basePriority());
        if (customer != null) {
            job.add("customerId", customer);
        }
        callbackJobs.enqueue(job.build(), "acd:" + request.getId());
        state.event(AcdEvent.CALLBACK, c.callId, waiting.queue(), null, Duration.between(waiting.enqueuedAt(), now).toMillis(), null,
                "request " + request.getId());
        LOG.infof("Call %s left queue %s with callback request %d", c.callId, waiting.queue(), request.getId());
        return true;
    }

    /**
     * The agent who last talked with this caller number within the sticky window
     * ({@code kefu.acd.sticky.hours}, default 72), for "press * for your last agent".
     */
    public Optional<String> lastAgentOf(String ani) {
        Instant since = state.clock().instant().minus(Duration.ofHours(Long.getLong("kefu.acd.sticky.hours", 72)));
        return stickyAgents.lastAgentOf(ani, since);
    }

    private void rememberAgent(String ani, String job, Instant at) {
        try {
            stickyAgents.remember(ani, job, at);
        } catch (RuntimeException e) {
            // A lost race with another answer for the same number: that answer is remembered.
            LOG.debugf("Last agent of a caller not updated: %s", e.getMessage());
        }
    }

    /** True when the call is in the ACD (waiting, ringing at an agent or talking with one). */
    public boolean handles(CallId call) {
        return state.calls().containsKey(call.value());
    }

    /** True while the call waits for an agent (not ringing, not talking). */
    public boolean isWaiting(CallId call) {
        AcdCall c = state.calls().get(call.value());
        if (c == null) {
            return false;
        }
        synchronized (c) {
            return c.phase == AcdCall.Phase.WAITING;
        }
    }

    /** The call ringing at or talking with this agent (the ACD's view), if any. */
    public Optional<String> callOf(String jobNumber) {
        for (AcdCall c : state.calls().values()) {
            synchronized (c) {
                if (jobNumber.equals(c.jobNumber) && c.phase != AcdCall.Phase.WAITING) {
                    return Optional.of(c.switchCall().value());
                }
            }
        }
        return Optional.empty();
    }

    /** The agent's phone answered the call ringing there: TALKING; a queue's answer is counted. */
    public boolean answered(AcdCall c, ConnectionId answering) {
        String job;
        String queue;
        long waited;
        synchronized (c) {
            if (c.phase != AcdCall.Phase.RINGING || !answering.device().value().equals(c.extension)) {
                return false;
            }
            c.phase = AcdCall.Phase.TALKING;
            c.answeredAt = state.clock().instant();
            job = c.jobNumber;
            queue = c.waiting.queue();
            waited = Duration.between(c.waiting.enqueuedAt(), c.answeredAt).toMillis();
            try {
                AcdException.fromRouterAction(() -> state.router().offerAnswered(job));
            } finally {
                state.persistPending();
            }
        }
        if (c.kind == AcdCall.Kind.CALLBACK) {
            talkingCallback(c);
            // Out of the queue's inbound figures (the caller was counted when it first waited).
            state.event(AcdEvent.ANSWER, c.callId, null, job, waited, null, "callback " + queue);
            LOG.infof("Callback %s: agent %s answered at the desk; the customer is dialled", c.callbackRef, job);
            return true;
        }
        if (c.kind != AcdCall.Kind.QUEUE) {
            // Not the queue's answer (that was counted once, for the first agent): no service-level figures.
            state.event(AcdEvent.ANSWER, c.callId, null, job, null, null, c.kind.name().toLowerCase(Locale.ROOT));
            if (c.kind == AcdCall.Kind.TRANSFER) {
                try (SwitchConnection sw = switchFactory.getConnection()) {
                    // The caller now talks with this agent: "press * for your last agent" finds it.
                    rememberAgent(sw.callData(new CallId(c.callId)).get(CallData.ANI), job, c.answeredAt);
                } catch (TelephonyException e) {
                    LOG.infof("Call %s: %s", c.callId, e.getMessage());
                }
            }
            LOG.infof("Call %s (%s) answered by agent %s", c.callId, c.kind, job);
            return true;
        }
        state.event(AcdEvent.ANSWER, c.callId, queue, job, waited, null, null);
        cdr.assigned(c.callId, queue, job);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            calls.handTo(new CallId(c.callId), CallOwner.AGENT);
            rememberAgent(sw.callData(new CallId(c.callId)).get(CallData.ANI), job, c.answeredAt);
        } catch (TelephonyException e) {
            LOG.infof("Call %s: %s", c.callId, e.getMessage());
        }
        LOG.infof("Call %s answered by agent %s from queue %s after %d ms", c.callId, job, queue, waited);
        return true;
    }

    /** RONA: every offer that rang past its queue's time goes back (see {@link #takeBack}). */
    public void ringingTooLong(Instant now) {
        for (AcdCall c : List.copyOf(state.calls().values())) {
            boolean rona;
            synchronized (c) {
                rona = c.phase == AcdCall.Phase.RINGING && c.ringDeadline != null && !c.ringDeadline.isAfter(now);
            }
            if (rona) {
                takeBack(c, "no answer", true);
            }
        }
    }

    /** Ring no answer (or the phone refused): the agent goes NOT_READY, the call to the next agent. */
    public void takeBack(AcdCall c, String why, boolean clearLeg) {
        String job;
        String ext;
        Optional<Offer> next;
        synchronized (c) {
            if (c.phase != AcdCall.Phase.RINGING) {
                return;
            }
            job = c.jobNumber;
            ext = c.extension;
            c.phase = AcdCall.Phase.WAITING;
            c.jobNumber = null;
            c.extension = null;
            c.ringDeadline = null;
            try {
                next = AcdException.fromRouter(() -> state.router().offerRefused(job));
            } finally {
                state.persistPending();
            }
        }
        state.event(AcdEvent.RONA, c.callId, c.waiting.queue(), job, null, null, why);
        LOG.infof("Call %s not answered by agent %s (%s): back to queue %s", c.callId, job, why, c.waiting.queue());
        CallId dialling = forgetDialling(c);
        if (dialling != null) {
            // A callback: the call was the agent's desk alone; the request waits again in its place.
            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.clearCall(dialling);
            } catch (TelephonyException e) {
                LOG.debugf("Callback %s: %s", c.callId, e.getMessage());
            }
        } else if (clearLeg) {
            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.clearConnection(new ConnectionId(new CallId(c.callId), new DeviceId(ext)));
            } catch (TelephonyException e) {
                LOG.infof("Call %s: cannot stop ringing at %s: %s", c.callId, ext, e.getMessage());
            }
        }
        next.ifPresent(this::ring);
    }

    /** A party left the call: the agent's talk ends, or the caller abandoned. Returns true when it was the ACD's. */
    public boolean cleared(AcdCall c, CallEvent.Cleared cleared) {
        String device = cleared.cleared().device().value();
        AcdCall.Phase phase;
        String ext;
        synchronized (c) {
            phase = c.phase;
            ext = c.extension;
        }
        boolean agentLeg = ext != null && ext.equals(device);
        if (phase == AcdCall.Phase.TALKING && agentLeg) {
            agentCallEnded(c, cleared.cause() == ClearCause.TRANSFERRED);
            // A consulted colleague hanging up leaves the consulting agent on the line; an agent
            // leaving a conference leaves the others talking.
            boolean othersStay = c.kind == AcdCall.Kind.CONSULTATION || state.conferees().containsKey(c.callId);
            if (!cleared.callEnded() && cleared.cause() != ClearCause.TRANSFERRED && !othersStay) {
                // The agent hung up: the caller rates the call if the queue asks for it, else the call ends too.
                if (surveyed(c, cleared.call(), ext)) {
                    return true;
                }
                try (SwitchConnection sw = switchFactory.getConnection()) {
                    sw.clearCall(cleared.call());
                } catch (TelephonyException e) {
                    LOG.infof("Call %s: %s", c.callId, e.getMessage());
                }
            }
            return true;
        }
        if (!cleared.callEnded()) {
            return false;
        }
        // The call is over for everyone.
        if (phase == AcdCall.Phase.TALKING) {
            agentCallEnded(c, false);
        } else if (c.kind == AcdCall.Kind.CALLBACK) {
            takeBack(c, "desk call ended: " + cleared.cause(), false); // nobody hung up on a customer: it waits again
        } else {
            abandoned(c);
        }
        return true;
    }

    /** Whether the caller of a queue call was handed to the queue's satisfaction survey. */
    private boolean surveyed(AcdCall c, CallId call, String agentExtension) {
        if (c.kind != AcdCall.Kind.QUEUE || c.waiting == null || c.caller == null) {
            return false;
        }
        CallQueue queue = state.queue(c.waiting.queue());
        String flow = queue == null ? null : queue.getSurveyFlow();
        if (flow == null || flow.isBlank()) {
            return false;
        }
        String job;
        synchronized (c) {
            job = c.jobNumber;
        }
        return survey.begin(call, c.caller, c.waiting.queue(), job != null ? job : agentExtension, flow);
    }

    /** The agent's talk on the call ended (hung up or transferred): wrap-up follows, END (and TRANSFER) logged. */
    public void agentCallEnded(AcdCall c, boolean transferred) {
        String job;
        long talked;
        Optional<Offer> next;
        synchronized (c) {
            if (c.phase != AcdCall.Phase.TALKING || state.calls().remove(c.callId) == null) {
                return;
            }
            job = c.jobNumber;
            talked = Duration.between(c.answeredAt, state.clock().instant()).toMillis();
            try {
                next = AcdException.fromRouter(() -> state.router().callEnded(job));
            } finally {
                state.persistPending();
            }
        }
        String figuresQueue = c.kind == AcdCall.Kind.QUEUE ? c.waiting.queue() : null;
        if (transferred) {
            state.event(AcdEvent.TRANSFER, c.callId, figuresQueue, job, null, talked, null);
        }
        state.event(AcdEvent.END, c.callId, figuresQueue, job, null, talked, c.kind == AcdCall.Kind.QUEUE ? null
                : c.kind.name().toLowerCase(Locale.ROOT));
        next.ifPresent(this::ring);
    }

    private void abandoned(AcdCall c) {
        Optional<Offer> next;
        String job;
        long waited;
        synchronized (c) {
            if (state.calls().remove(c.callId) == null) {
                return;
            }
            job = c.phase == AcdCall.Phase.RINGING ? c.jobNumber : null;
            waited = Duration.between(c.waiting.enqueuedAt(), state.clock().instant()).toMillis();
            try {
                next = state.router().abandon(c.callId);
            } finally {
                state.persistPending();
            }
        }
        state.event(AcdEvent.ABANDON, c.callId, c.kind == AcdCall.Kind.QUEUE ? c.waiting.queue() : null, job, waited, null,
                c.kind == AcdCall.Kind.QUEUE ? null : c.kind.name().toLowerCase(Locale.ROOT));
        LOG.infof("Call %s abandoned in queue %s after %d ms", c.callId, c.waiting.queue(), waited);
        next.ifPresent(this::ring);
    }

    /** Rings each offer at its agent's desk; an offer that cannot ring goes to the next agent. */
    public void ring(Offer first) {
        Deque<Offer> todo = new ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty()) {
            Offer offer = todo.poll();
            AcdCall c = state.calls().get(offer.call().callId());
            if (c == null) {
                // The caller left meanwhile: free the agent.
                try {
                    state.router().abandon(offer.call().callId()).ifPresent(todo::add);
                } finally {
                    state.persistPending();
                }
                continue;
            }
            CallQueue queue = state.queue(offer.call().queue());
            // Follow-me: the agent's outside number rings (through the trunk) instead of the desk phone.
            String destination = state.followMe().getOrDefault(offer.jobNumber(), offer.extension());
            long waited;
            synchronized (c) {
                c.phase = AcdCall.Phase.RINGING;
                c.waiting = offer.call();
                c.jobNumber = offer.jobNumber();
                c.extension = destination;
                c.ringDeadline = state.clock().instant().plusSeconds(queue == null ? 10 : queue.getRonaSeconds());
                waited = Duration.between(offer.call().enqueuedAt(), state.clock().instant()).toMillis();
            }
            state.event(AcdEvent.OFFER, c.callId, offer.call().queue(), offer.jobNumber(), waited, null, "at " + destination);
            Map<String, String> data = new HashMap<>();
            data.put(CallData.QUEUE, offer.call().queue());
            data.put(CallData.AGENT, offer.jobNumber());
            data.put(CallData.WAIT_SECONDS, String.valueOf(waited / 1000));
            if (offer.call().customerId() != null) {
                data.put(CallData.CUSTOMER_ID, offer.call().customerId());
            }
            if (c.kind == AcdCall.Kind.CALLBACK) {
                try {
                    // At dial time, not only when the request was queued: the list or the hours may have
                    // changed since. Before a switch connection is taken: the check reads the database.
                    dialPolicy.check(CALLBACK_DIALLER, Set.of("agent"), offer.call().queue(), c.dialled, DialPath.CALLBACK, null);
                } catch (DialRefused refused) {
                    notDialled(c, offer, refused.code(), refused.getMessage(), refused.retryAt()).ifPresent(todo::add);
                    continue;
                }
            }
            try (SwitchConnection sw = switchFactory.getConnection()) {
                if (c.kind == AcdCall.Kind.CALLBACK) {
                    dialCallback(sw, c, destination, data);
                } else {
                    sw.attachData(new CallId(c.callId), data);
                    sw.routeTo(new CallId(c.callId), new DeviceId(destination));
                    LOG.infof("Call %s offered to agent %s at %s (queue %s)", c.callId, offer.jobNumber(), destination,
                            offer.call().queue());
                }
                // After the call data is attached: the screen pop reads it.
                notifications.publish(offer.jobNumber(), "RINGING");
            } catch (TelephonyException e) {
                if (c.kind == AcdCall.Kind.CALLBACK && e instanceof DialRefusedException) {
                    // The switch will not dial the number (its ceiling for outside numbers): not the agent's fault.
                    notDialled(c, offer, "DIAL_REFUSED", e.getMessage(), null).ifPresent(todo::add);
                    continue;
                }
                LOG.infof("Call %s cannot ring agent %s at %s: %s", c.callId, offer.jobNumber(), offer.extension(), e.getMessage());
                Optional<Offer> next;
                synchronized (c) {
                    if (c.phase != AcdCall.Phase.RINGING || !offer.jobNumber().equals(c.jobNumber)) {
                        continue;
                    }
                    c.phase = AcdCall.Phase.WAITING;
                    c.jobNumber = null;
                    c.extension = null;
                    try {
                        next = state.router().offerRefused(offer.jobNumber());
                    } finally {
                        state.persistPending();
                    }
                }
                state.event(AcdEvent.RONA, c.callId, offer.call().queue(), offer.jobNumber(), null, null, "unreachable");
                next.ifPresent(todo::add);
            }
        }
    }

    /**
     * A callback's offer: the agent's desk rings first and, once answered, the switch dials the
     * customer from it (the agent hears the customer's phone ring). The call's data tells the
     * outbound side which request and attempt it is.
     */
    private void dialCallback(SwitchConnection sw, AcdCall c, String desk, Map<String, String> data) throws TelephonyException {
        data.put(CallData.DIALLED, c.dialled);
        data.put(CallData.CALLBACK, c.callbackRef);
        CallId placed = sw.makeCall(new DeviceId(desk), new DeviceId(c.dialled), data);
        synchronized (c) {
            c.switchCallId = placed.value();
        }
        state.dialledCallbacks().put(placed.value(), c.callId);
        calls.handTo(placed, CallOwner.OUTBOUND);
        LOG.infof("Callback %s offered to agent %s: desk %s rings, then the customer (call %s)", c.callbackRef, c.jobNumber,
                desk, placed);
    }

    /**
     * The dial policy or the switch refused to place a callback (for good, or until {@code retryAt}):
     * it leaves the ACD, its agent is free again, the outbound side decides.
     */
    private Optional<Offer> notDialled(AcdCall c, Offer offer, String code, String why, Instant retryAt) {
        Optional<Offer> next;
        synchronized (c) {
            if (state.calls().remove(c.callId) == null) {
                return Optional.empty();
            }
            try {
                next = state.router().abandon(c.callId);
            } finally {
                state.persistPending();
            }
        }
        LOG.infof("Callback %s not dialled from agent %s: %s", c.callbackRef, offer.jobNumber(), why);
        notifications.publish(offer.jobNumber(), "READY");
        callbackOutcomes.notDialled(c.callbackRef, code, why, retryAt);
        return next;
    }

    /** A callback no longer rings at an agent: the switch's call is forgotten. Returns it, or null for any other call. */
    private CallId forgetDialling(AcdCall c) {
        String dialling;
        synchronized (c) {
            dialling = c.switchCallId;
            c.switchCallId = null;
        }
        if (dialling == null) {
            return null;
        }
        state.dialledCallbacks().remove(dialling);
        return new CallId(dialling);
    }

    /**
     * The agent answered a callback: from now on the call table knows it by the switch's call,
     * with the customer as its caller, like any call an agent talks on.
     */
    private void talkingCallback(AcdCall c) {
        AcdCall talking;
        synchronized (c) {
            if (c.switchCallId == null) {
                return;
            }
            talking = new AcdCall(c.switchCallId, new ConnectionId(new CallId(c.switchCallId), new DeviceId(c.dialled)));
            talking.kind = AcdCall.Kind.CALLBACK;
            talking.phase = c.phase;
            talking.waiting = c.waiting;
            talking.jobNumber = c.jobNumber;
            talking.extension = c.extension;
            talking.answeredAt = c.answeredAt;
            talking.dialled = c.dialled;
            talking.callbackRef = c.callbackRef;
            state.calls().put(talking.callId, talking);
            state.calls().remove(c.callId);
        }
        state.dialledCallbacks().remove(talking.callId);
    }
}
