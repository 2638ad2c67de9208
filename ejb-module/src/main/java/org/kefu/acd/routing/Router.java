package org.kefu.acd.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ACD's routing brain: which waiting call goes to which agent, and when (R-2.1, R-2.2, R-2.4,
 * Plain Java, in memory, driven by call and agent events from the EJB layer, which
 * rings the phones and persists the state history this class reports to its listener.
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li>A call arriving in a queue goes to the queue's first READY agent in strategy order (or to the
 * caller's preferred agent when READY and eligible, R-2.5); if none, it waits.</li>
 * <li>An agent becoming READY gets, among the waiting calls of <em>all</em> the queues it serves,
 * the one of highest effective priority ({@link PriorityRule}: VIP level plus aging) and, among
 * equals, the one waiting longest. Aging and the global comparison make the service fair between
 * queues and free of starvation.</li>
 * </ul>
 * Invariant that keeps both decisions cheap: a READY agent never has a call waiting in a queue it
 * serves (every path to READY first looks for a call). So an arriving call only looks at its own
 * queue's ready agents, and a freed agent only at its queues' waiting calls.
 *
 * <h2>Cost</h2>
 * Each queue keeps its READY agents in a sorted set keyed by its strategy and its waiting calls in
 * bands per VIP level (see {@link LiveQueue}); a decision is O(q · (log n + b)) for an agent in q
 * queues with b VIP levels — microseconds with thousands of agents.
 *
 * <h2>Threads</h2>
 * Every public method is {@code synchronized} on the router: one lock, no lock ordering to get
 * wrong, and decisions are far shorter than the events that trigger them. The listener is called
 * under that lock. Time comes from the injected {@link Clock}, except for {@link #tick} and
 * {@link #overflowDue}, which take the instant explicitly so a timer can drive them.
 */
public final class Router {

    private final Clock clock;
    private final PriorityRule priorityRule;
    private final NotReadyReasons reasons;
    private final AgentStateListener listener;
    private final Duration initialHandleTime;

    private final Map<String, LiveQueue> queues = new HashMap<>();
    private final Map<String, LiveAgent> agents = new HashMap<>();
    /** Extension → agent logged in there (hot desking: one agent per desk). */
    private final Map<String, LiveAgent> desks = new HashMap<>();
    /** Call id → waiting call. */
    private final Map<String, QueuedCall> waiting = new HashMap<>();
    /** Calls that wait as long as it takes (callback requests): their queue's max wait does not apply. */
    private final Set<String> patient = new HashSet<>();
    /** Call id → agent whose phone rings with it or who talks on it. */
    private final Map<String, LiveAgent> withAgent = new HashMap<>();
    /** Agents in timed wrap-up, soonest end first. */
    private final TreeSet<LiveAgent> wrapUps = new TreeSet<>(
            Comparator.comparing((LiveAgent a) -> a.wrapUpUntil).thenComparing(a -> a.jobNumber));
    /** Arrival counter: deterministic tie-break and round-robin turns. */
    private long sequence;

    /**
     * @param initialHandleTime handle time assumed for expected-wait announcements until a queue
     *                          has handled its first call
     */
    public Router(Clock clock, PriorityRule priorityRule, NotReadyReasons reasons, AgentStateListener listener,
                  Duration initialHandleTime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.priorityRule = Objects.requireNonNull(priorityRule, "priorityRule");
        this.reasons = Objects.requireNonNull(reasons, "reasons");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.initialHandleTime = Objects.requireNonNull(initialHandleTime, "initialHandleTime");
    }

    /** Default reasons, no listener, three minutes' assumed handle time. */
    public Router(Clock clock, PriorityRule priorityRule) {
        this(clock, priorityRule, NotReadyReasons.defaults(), AgentStateListener.NONE, Duration.ofMinutes(3));
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Adds or replaces a queue. Logged-in agents are re-matched against its requirements; calls
     * already waiting stay. Returns the offers made if the change lets READY agents take them.
     */
    public synchronized List<Offer> defineQueue(QueueDefinition definition) {
        LiveQueue old = queues.get(definition.code());
        LiveQueue queue = new LiveQueue(definition, initialHandleTime);
        queues.put(definition.code(), queue);
        if (old != null) {
            for (LiveAgent agent : old.members) {
                agent.queues.remove(old);
            }
            for (Map.Entry<String, QueuedCall> entry : waiting.entrySet()) {
                if (entry.getValue().call().queue().equals(definition.code())) {
                    queue.add(entry.getValue());
                }
            }
        }
        for (LiveAgent agent : agents.values()) {
            if (agent.state != AgentState.LOGGED_OUT && definition.canBeServedBy(agent.skills)) {
                join(agent, queue);
            }
        }
        List<Offer> offers = new ArrayList<>();
        while (queue.waiting() > 0 && !queue.ready.isEmpty()) {
            offers.add(offer(queue.best(priorityRule, clock.instant()), queue.ready.first(), queue));
        }
        return offers;
    }

    // ---------------------------------------------------------------- agents

    /**
     * Logs an agent in at any extension (hot desking), NOT_READY until it says ready. It serves
     * every queue whose requirements its skills meet.
     */
    public synchronized AgentSnapshot login(String jobNumber, String extension, Map<String, Integer> skills) {
        return login(jobNumber, extension, skills, null);
    }

    /**
     * As {@link #login(String, String, Map)}, restricted to {@code onlyQueues} (still subject to
     * their requirements); {@code null} means all eligible queues.
     */
    public synchronized AgentSnapshot login(String jobNumber, String extension, Map<String, Integer> skills,
                                            Set<String> onlyQueues) {
        Objects.requireNonNull(jobNumber, "jobNumber");
        Objects.requireNonNull(extension, "extension");
        LiveAgent agent = agents.computeIfAbsent(jobNumber, LiveAgent::new);
        if (agent.state != AgentState.LOGGED_OUT) {
            throw new IllegalAgentStateException(jobNumber, agent.state, AgentState.NOT_READY);
        }
        LiveAgent atDesk = desks.get(extension);
        if (atDesk != null) {
            throw new IllegalStateException("Extension " + extension + " is in use by agent " + atDesk.jobNumber);
        }
        agent.extension = extension;
        agent.skills = Map.copyOf(skills);
        agent.idleSince = clock.instant();
        desks.put(extension, agent);
        // Joins before the transition so that the listener sees the queues; NOT_READY is in no index.
        for (LiveQueue queue : queues.values()) {
            if ((onlyQueues == null || onlyQueues.contains(queue.code())) && queue.definition.canBeServedBy(agent.skills)) {
                join(agent, queue);
            }
        }
        move(agent, AgentState.NOT_READY, NotReadyReason.LOGGED_IN);
        return agent.snapshot();
    }

    /** Logs out; refused while a call rings or is in progress. */
    public synchronized void logout(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        move(agent, AgentState.LOGGED_OUT, null);
        for (LiveQueue queue : agent.queues) {
            queue.members.remove(agent);
        }
        agent.queues.clear();
        desks.remove(agent.extension);
    }

    /** The agent is ready: returns the call to ring, if one waits in any of its queues. */
    public synchronized Optional<Offer> agentReady(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        // Not from RESERVED: the ringing call would be lost; the state table allows that move only for abandon.
        requireState(agent, AgentState.READY, AgentState.NOT_READY, AgentState.WRAP_UP);
        return becomeReady(agent);
    }

    /** Not ready with a configured reason code (from READY, NOT_READY or WRAP_UP). */
    public synchronized void agentNotReady(String jobNumber, String reasonCode) {
        NotReadyReason reason = reasons.reason(reasonCode);
        LiveAgent agent = agent(jobNumber);
        // Not from RESERVED (that is offerRefused, which requeues the call) nor from LOCKED (that is
        // unlock, which the EJB layer may guard with a password).
        requireState(agent, AgentState.NOT_READY, AgentState.READY, AgentState.NOT_READY, AgentState.WRAP_UP);
        move(agent, AgentState.NOT_READY, reason);
    }

    /** Locks the seat while the agent steps away. */
    public synchronized void lock(String jobNumber) {
        move(agent(jobNumber), AgentState.LOCKED, null);
    }

    /** Unlocks the seat; the agent is NOT_READY ("unlocked") until it says ready. */
    public synchronized void unlock(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        if (agent.state != AgentState.LOCKED) {
            throw new IllegalAgentStateException(jobNumber, agent.state, AgentState.NOT_READY);
        }
        move(agent, AgentState.NOT_READY, NotReadyReason.UNLOCKED);
    }

    /** The agent's live record, or empty for an unknown job number. */
    public synchronized Optional<AgentSnapshot> agentStatus(String jobNumber) {
        LiveAgent agent = agents.get(jobNumber);
        return agent == null ? Optional.empty() : Optional.of(agent.snapshot());
    }

    /** The agent logged in at a desk phone now, if any. */
    public synchronized Optional<String> agentAt(String extension) {
        LiveAgent agent = desks.get(extension);
        return agent == null ? Optional.empty() : Optional.of(agent.jobNumber);
    }

    /** Midnight: "calls today" starts again from zero (FEWEST_CALLS indexes are rebuilt). */
    public synchronized void resetDailyCounters() {
        List<LiveAgent> readyAgents = agents.values().stream().filter(a -> a.state == AgentState.READY).toList();
        readyAgents.forEach(this::leaveReadyIndexes);
        agents.values().forEach(a -> a.callsAnsweredToday = 0);
        readyAgents.forEach(this::enterReadyIndexes);
    }

    // ---------------------------------------------------------------- calls

    /**
     * A caller joins a queue. Offered at once to the preferred agent (sticky, R-2.5) if READY and
     * serving the queue, else to the queue's first READY agent; otherwise queued, unless the queue
     * is full or nobody who serves it is logged in — then the caller should go to overflow.
     */
    public synchronized EnqueueResult enqueue(WaitingCall call) {
        LiveQueue queue = queue(call.queue());
        if (waiting.containsKey(call.callId()) || withAgent.containsKey(call.callId())) {
            throw new IllegalStateException("Call " + call.callId() + " is already in the ACD");
        }
        if (queue.members.isEmpty()) {
            return EnqueueResult.of(EnqueueResult.Outcome.NO_AGENTS_LOGGED_IN);
        }
        QueuedCall queued = new QueuedCall(call, ++sequence);
        if (call.preferredAgent() != null) {
            LiveAgent preferred = agents.get(call.preferredAgent());
            if (preferred != null && preferred.state == AgentState.READY && queue.members.contains(preferred)) {
                return EnqueueResult.offered(offer(queued, preferred, queue));
            }
        }
        if (!queue.ready.isEmpty()) {
            return EnqueueResult.offered(offer(queued, queue.ready.first(), queue));
        }
        if (queue.isFull()) {
            return EnqueueResult.of(EnqueueResult.Outcome.REJECTED_QUEUE_FULL);
        }
        queue.add(queued);
        waiting.put(call.callId(), queued);
        return EnqueueResult.of(EnqueueResult.Outcome.QUEUED);
    }

    /** The agent answered the call ringing at its phone. */
    public synchronized void offerAnswered(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        move(agent, AgentState.TALKING, null);
        agent.callsAnsweredToday++;
        agent.answeredAt = clock.instant();
    }

    /**
     * The agent refused the call or let it ring out (RONA): the agent goes NOT_READY ("no-answer")
     * and the call goes back to the head of its queue with its original enqueue time. Returns the
     * offer to another agent if one is READY for it.
     */
    public synchronized Optional<Offer> offerRefused(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        if (agent.state != AgentState.RESERVED) {
            throw new IllegalAgentStateException(jobNumber, agent.state, AgentState.NOT_READY);
        }
        if (agent.direct) {
            throw new IllegalStateException("Agent " + jobNumber + " rings with a direct call, not a queue's offer: see directCallFailed");
        }
        QueuedCall call = agent.call;
        move(agent, AgentState.NOT_READY, NotReadyReason.NO_ANSWER);
        agent.call = null;
        withAgent.remove(call.call().callId());
        LiveQueue queue = queue(call.call().queue());
        if (!queue.ready.isEmpty()) {
            return Optional.of(offer(call, queue.ready.first(), queue));
        }
        queue.add(call);
        waiting.put(call.call().callId(), call);
        return Optional.empty();
    }

    /**
     * The agent's call ended: wrap-up for the queue's time (then READY on {@link #tick}), until
     * {@link #wrapUpDone} when the queue says so, or READY at once (then the returned offer).
     */
    public synchronized Optional<Offer> callEnded(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        if (agent.state != AgentState.TALKING) {
            throw new IllegalAgentStateException(jobNumber, agent.state, AgentState.WRAP_UP);
        }
        Instant now = clock.instant();
        if (agent.direct && agent.returnTo != null) {
            // A direct call taken while not ready: back to that reason, no wrap-up and no offer.
            String callId = agent.call.call().callId();
            withAgent.remove(callId);
            patient.remove(callId);
            NotReadyReason back = agent.returnTo;
            clearCall(agent);
            agent.lastCallEndedAt = now;
            move(agent, AgentState.NOT_READY, back, callId);
            return Optional.empty();
        }
        LiveQueue queue = queues.get(agent.call.call().queue());
        Duration wrapUp = queue == null ? Duration.ZERO : queue.definition.wrapUp();
        if (queue != null) {
            queue.handleTime.add(Duration.between(agent.answeredAt, now).plus(wrapUp == null ? Duration.ZERO : wrapUp));
        }
        withAgent.remove(agent.call.call().callId());
        String callId = agent.call.call().callId();
        patient.remove(callId);
        clearCall(agent);
        agent.lastCallEndedAt = now;
        agent.idleSince = now;
        if (wrapUp != null && wrapUp.isZero()) {
            return becomeReady(agent, callId);
        }
        agent.wrapUpUntil = wrapUp == null ? null : now.plus(wrapUp);
        move(agent, AgentState.WRAP_UP, null, callId);
        if (agent.wrapUpUntil != null) {
            wrapUps.add(agent);
        }
        return Optional.empty();
    }

    /** The agent ends its after-call work early (or the queue's wrap-up is open-ended). */
    public synchronized Optional<Offer> wrapUpDone(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        if (agent.state != AgentState.WRAP_UP) {
            throw new IllegalAgentStateException(jobNumber, agent.state, AgentState.READY);
        }
        return becomeReady(agent);
    }

    /** Ends every timed wrap-up due at {@code now}; returns the offers to the agents thus freed. */
    public synchronized List<Offer> tick(Instant now) {
        List<Offer> offers = new ArrayList<>();
        while (!wrapUps.isEmpty() && !wrapUps.first().wrapUpUntil.isAfter(now)) {
            becomeReady(wrapUps.first()).ifPresent(offers::add);
        }
        return offers;
    }

    /**
     * The caller hung up. Waiting: it leaves the queue. Ringing: the agent is READY again (not its
     * fault) and may get the returned offer. Unknown or already talking: nothing happens (the
     * agent's {@link #callEnded} covers a hang-up during the conversation).
     */
    public synchronized Optional<Offer> abandon(String callId) {
        patient.remove(callId);
        QueuedCall queued = waiting.remove(callId);
        if (queued != null) {
            queue(queued.call().queue()).remove(queued);
            return Optional.empty();
        }
        LiveAgent agent = withAgent.get(callId);
        if (agent != null && agent.state == AgentState.RESERVED) {
            return freeFromDirectOrOffer(agent, callId);
        }
        return Optional.empty();
    }

    /**
     * A call reaches an agent without a queue's offer: a blind transfer to the agent by job
     * number, or a colleague's consultation call. The agent is RESERVED for it as for an offer
     * (TALKING on {@link #offerAnswered}), so the router offers it nothing meanwhile; when it ends
     * ({@link #callEnded}) the agent wraps up for {@code call}'s queue (none for an unknown queue
     * code, e.g. "" for a call that never came through the ACD) or, if it was NOT_READY before,
     * goes back to that reason. Allowed from READY, NOT_READY and WRAP_UP; refused while the
     * agent rings, talks or is locked.
     */
    public synchronized Offer directCall(String jobNumber, WaitingCall call) {
        LiveAgent agent = agent(jobNumber);
        requireState(agent, AgentState.RESERVED, AgentState.READY, AgentState.NOT_READY, AgentState.WRAP_UP);
        LiveAgent other = withAgent.get(call.callId());
        if (other != null) {
            throw new IllegalStateException("Call " + call.callId() + " is with agent " + other.jobNumber + " already");
        }
        NotReadyReason back = agent.state == AgentState.NOT_READY ? agent.reason : null;
        move(agent, AgentState.RESERVED, null, call.callId());
        agent.returnTo = back;
        agent.direct = true;
        agent.call = new QueuedCall(call, ++sequence);
        withAgent.put(call.callId(), agent);
        return new Offer(call, agent.jobNumber, agent.extension, clock.instant());
    }

    /**
     * The direct call ringing at the agent did not reach it (its phone refused, or the transfer
     * failed): the agent is as before, READY (with any waiting call offered) or NOT_READY.
     */
    public synchronized Optional<Offer> directCallFailed(String jobNumber) {
        LiveAgent agent = agent(jobNumber);
        if (agent.state != AgentState.RESERVED || !agent.direct) {
            return Optional.empty();
        }
        String callId = agent.call.call().callId();
        return freeFromDirectOrOffer(agent, callId);
    }

    /**
     * The agent's direct call now goes on as another call of the switch (a completed consultation:
     * the consulted agent talks with the transferred caller); the agent keeps its state.
     */
    public synchronized void directCallMoved(String jobNumber, WaitingCall to) {
        LiveAgent agent = agent(jobNumber);
        if (agent.call == null || !agent.direct) {
            throw new IllegalStateException("Agent " + jobNumber + " has no direct call");
        }
        withAgent.remove(agent.call.call().callId(), agent);
        agent.call = new QueuedCall(to, agent.call.seq());
        withAgent.put(to.callId(), agent);
    }

    /** Frees a RESERVED agent whose call went away before it answered. */
    private Optional<Offer> freeFromDirectOrOffer(LiveAgent agent, String callId) {
        withAgent.remove(callId);
        NotReadyReason back = agent.direct ? agent.returnTo : null;
        clearCall(agent);
        if (back != null) {
            move(agent, AgentState.NOT_READY, back, callId);
            return Optional.empty();
        }
        return becomeReady(agent, callId);
    }

    private static void clearCall(LiveAgent agent) {
        agent.call = null;
        agent.answeredAt = null;
        agent.direct = false;
        agent.returnTo = null;
    }

    /**
     * Takes out of their queues the calls that have waited at least their queue's max wait at
     * {@code now}, oldest first, for the caller to send to each queue's overflow target.
     */
    public synchronized List<Overflow> overflowDue(Instant now) {
        List<Overflow> due = new ArrayList<>();
        for (LiveQueue queue : queues.values()) {
            Duration maxWait = queue.definition.maxWait();
            if (maxWait == null) {
                continue;
            }
            QueuedCall oldest = queue.oldest();
            if (oldest == null || oldest.call().enqueuedAt().plus(maxWait).isAfter(now)) {
                continue; // the usual second: nobody waited that long
            }
            // Only the calls that waited long enough (a prefix of each band): a callback waiting for
            // hours at the head must not make every second a walk through the whole queue.
            for (QueuedCall queued : queue.joinedBy(now.minus(maxWait))) {
                if (!patient.contains(queued.call().callId())) {
                    queue.remove(queued);
                    waiting.remove(queued.call().callId());
                    due.add(new Overflow(queued.call(), queue.code(), queue.definition.overflowTarget()));
                }
            }
        }
        due.sort(Comparator.comparing((Overflow o) -> o.call().enqueuedAt()).thenComparing(o -> o.call().callId()));
        return due;
    }

    /**
     * A callback request joins its queue in the place of its original enqueue time, as
     * {@link #enqueue}; it waits for as long as it takes (no overflow by the queue's max wait)
     * until offered, {@link #abandon}ed or ended.
     */
    public synchronized EnqueueResult enqueuePatient(WaitingCall call) {
        EnqueueResult result = enqueue(call);
        if (result.outcome() == EnqueueResult.Outcome.QUEUED || result.outcome() == EnqueueResult.Outcome.OFFERED) {
            patient.add(call.callId());
        }
        return result;
    }

    // ---------------------------------------------------------------- announcements and figures

    /** The waiting call's 1-based place in its queue's serving order now, or empty if not waiting. */
    public synchronized OptionalInt position(String callId) {
        QueuedCall queued = waiting.get(callId);
        if (queued == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(queue(queued.call().queue()).position(queued, priorityRule, clock.instant()));
    }

    /** What a caller joining {@code queueCode} now can expect to wait. */
    public synchronized Duration expectedWait(String queueCode) {
        LiveQueue queue = queue(queueCode);
        return expectedWait(queue, queue.ready.isEmpty() ? queue.waiting() + 1 : 0);
    }

    /** What the waiting call can still expect to wait, or empty if not waiting. */
    public synchronized Optional<Duration> expectedWaitOfCall(String callId) {
        OptionalInt position = position(callId);
        if (position.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(expectedWait(queue(waiting.get(callId).call().queue()), position.getAsInt()));
    }

    /** Live figures of one queue. */
    public synchronized QueueFigures figures(String queueCode) {
        LiveQueue queue = queue(queueCode);
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        for (LiveAgent agent : queue.members) {
            byState.merge(agent.state, 1, Integer::sum);
        }
        QueuedCall oldest = queue.oldest();
        Duration longest = oldest == null ? Duration.ZERO : Duration.between(oldest.call().enqueuedAt(), clock.instant());
        return new QueueFigures(queueCode, queue.waiting(), longest, byState,
                expectedWait(queue, queue.ready.isEmpty() ? queue.waiting() + 1 : 0));
    }

    /** Codes of the defined queues. */
    public synchronized Set<String> queueCodes() {
        return Set.copyOf(queues.keySet());
    }

    // ---------------------------------------------------------------- internals

    /**
     * Callers ahead are served by the queue's logged-in, unlocked agents in parallel, one average
     * handle time each: a rough but honest Erlang-free estimate for "about n minutes".
     */
    private Duration expectedWait(LiveQueue queue, int position) {
        if (position <= 0) {
            return Duration.ZERO;
        }
        long serving = queue.members.stream()
                .filter(a -> a.state != AgentState.LOCKED && a.state != AgentState.NOT_READY).count();
        return queue.handleTime.current().multipliedBy(position).dividedBy(Math.max(1, serving));
    }

    private Optional<Offer> becomeReady(LiveAgent agent) {
        return becomeReady(agent, null);
    }

    /** The one way to READY: keeps the invariant "a READY agent has no call waiting for it". */
    private Optional<Offer> becomeReady(LiveAgent agent, String callId) {
        move(agent, AgentState.READY, null, callId);
        Instant now = clock.instant();
        QueuedCall best = null;
        LiveQueue from = null;
        for (LiveQueue queue : agent.queues) {
            if (queue.waiting() == 0) {
                continue;
            }
            QueuedCall candidate = queue.best(priorityRule, now);
            if (best == null || candidate.before(best, priorityRule, now)) {
                best = candidate;
                from = queue;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        from.remove(best);
        waiting.remove(best.call().callId());
        return Optional.of(offer(best, agent, from));
    }

    /** Rings {@code call} (not in any queue) at READY {@code agent}. */
    private Offer offer(QueuedCall call, LiveAgent agent, LiveQueue queue) {
        if (queue.remove(call)) {
            waiting.remove(call.call().callId());
        }
        move(agent, AgentState.RESERVED, null, call.call().callId());
        // Out of the ready indexes now, so the round-robin key may change.
        agent.roundRobinTurn.put(queue.code(), ++sequence);
        agent.call = call;
        withAgent.put(call.call().callId(), agent);
        return new Offer(call.call(), agent.jobNumber, agent.extension, clock.instant());
    }

    private void move(LiveAgent agent, AgentState to, NotReadyReason reason) {
        move(agent, to, reason, agent.call == null ? null : agent.call.call().callId());
    }

    /** Every state change goes through here: checks it, keeps the indexes in step, reports it. */
    private void move(LiveAgent agent, AgentState to, NotReadyReason reason, String callId) {
        AgentState from = agent.state;
        if (!from.canMoveTo(to)) {
            throw new IllegalAgentStateException(agent.jobNumber, from, to);
        }
        if (from == AgentState.READY) {
            leaveReadyIndexes(agent);
        }
        if (from == AgentState.WRAP_UP) {
            wrapUps.remove(agent);
            agent.wrapUpUntil = null;
        }
        Instant now = clock.instant();
        agent.state = to;
        agent.reason = to == AgentState.NOT_READY ? reason : null;
        agent.stateSince = now;
        if (to == AgentState.READY) {
            enterReadyIndexes(agent);
        }
        listener.stateChanged(new AgentStateChange(agent.jobNumber, agent.extension, from, to,
                agent.reason == null ? null : agent.reason.code(), callId, now));
    }

    private void leaveReadyIndexes(LiveAgent agent) {
        for (LiveQueue queue : agent.queues) {
            queue.ready.remove(agent);
        }
    }

    private void enterReadyIndexes(LiveAgent agent) {
        for (LiveQueue queue : agent.queues) {
            queue.ready.add(agent);
        }
    }

    private void join(LiveAgent agent, LiveQueue queue) {
        agent.queues.add(queue);
        queue.members.add(agent);
        if (agent.state == AgentState.READY) {
            queue.ready.add(agent);
        }
    }

    /** Refuses the operation unless the agent is in one of {@code allowed}; {@code to} names it in the message. */
    private static void requireState(LiveAgent agent, AgentState to, AgentState... allowed) {
        for (AgentState state : allowed) {
            if (agent.state == state) {
                return;
            }
        }
        throw new IllegalAgentStateException(agent.jobNumber, agent.state, to);
    }

    private LiveAgent agent(String jobNumber) {
        LiveAgent agent = agents.get(jobNumber);
        if (agent == null) {
            throw new IllegalArgumentException("Unknown agent " + jobNumber + " (not logged in since start)");
        }
        return agent;
    }

    private LiveQueue queue(String code) {
        LiveQueue queue = queues.get(code);
        if (queue == null) {
            throw new IllegalArgumentException("Unknown queue " + code);
        }
        return queue;
    }

    /** For tests and the benchmark: every waiting call, in no particular order. */
    synchronized Collection<QueuedCall> waitingCalls() {
        return List.copyOf(waiting.values());
    }
}
