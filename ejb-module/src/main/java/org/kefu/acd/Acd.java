package org.kefu.acd;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.AgentStateChange;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.acd.routing.IllegalAgentStateException;
import org.kefu.acd.routing.NotReadyReasons;
import org.kefu.acd.routing.Offer;
import org.kefu.acd.routing.Overflow;
import org.kefu.acd.routing.PriorityRule;
import org.kefu.acd.routing.QueueDefinition;
import org.kefu.acd.routing.Router;
import org.kefu.acd.routing.WaitingCall;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ACD: owns the one {@link Router} of this server, feeds it from agents'
 * requests (REST, console) and from call events, and carries out its decisions on the switch:
 * an offer rings the agent's desk phone ({@code routeTo}), an unanswered offer is taken back
 * after the queue's RONA time and goes to the next agent.
 * <p>
 * Concurrency: bean-managed, no container lock. The router has its own lock; this bean's call
 * table is concurrent and each call's record is changed under its own monitor. Switch commands
 * and database writes happen outside the router's lock: the router reports state changes to a
 * per-thread list that is written (state history, current login, event log) after the router
 * call returns, in the caller's transaction.
 * <p>
 * Restart: current logins are a table ({@code agent_login}), restored at start with their state
 * (an agent in a call when the server stopped comes back READY: live calls end with the process).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local view only: the callflow, the timer and the REST layer (which checks roles) call it
public class Acd {

    private static final Logger LOG = Logger.getLogger(Acd.class);
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String STEP = "kefu.step";
    /** The callflow step of a call bridged with its agent (see org.kefu.callflow.CallFlowStep). */
    static final String WITH_AGENT = "WITH_AGENT";
    private static final Duration ANNOUNCE_EVERY =
            Duration.ofSeconds(Long.getLong("kefu.acd.announce.seconds", 45));

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource
    private TimerService timers;

    @EJB
    private CallbackRequests callbackJobs;

    @EJB
    private org.kefu.reporting.CallDetailRecords cdr;

    @EJB
    private DialCheck dialPolicy;

    @EJB
    private StickyAgents stickyAgents;

    /** Carries out overflows to IVR or voicemail (the callflow owns the caller's media). */
    @EJB
    private QueueOverflows inbound;

    @EJB
    private AgentNotifications notifications;

    private final Clock clock = Clock.systemUTC();
    private final ThreadLocal<List<AgentStateChange>> pending = ThreadLocal.withInitial(ArrayList::new);
    private final Map<String, CallQueue> queueConfig = new ConcurrentHashMap<>();
    /** Calls in the ACD now: waiting, ringing at an agent, or talking with one. */
    private final Map<String, AcdCall> calls = new ConcurrentHashMap<>();
    /**
     * Agents who joined a call by a three-party conference after a consultation: call id → their
     * records (the call's own record stays with the agent who set the conference up).
     */
    private final Map<String, List<AcdCall>> conferees = new ConcurrentHashMap<>();
    /** Agents logged in with follow-me on: job number → the outside number their offers ring. */
    private final Map<String, String> followMe = new ConcurrentHashMap<>();

    @EJB
    private org.kefu.security.AuditLog audit;
    private volatile Router router;

    /** Where a call in the ACD stands; changed under its own monitor. */
    static final class AcdCall {
        enum Phase { WAITING, RINGING, TALKING }

        /**
         * How the call reached its agent: a queue's offer, or directly (a blind transfer to the
         * agent by job number, a colleague's consultation call). Direct calls keep the agent busy
         * like offers but stay out of the queues' figures, and have no RONA.
         */
        enum Kind { QUEUE, TRANSFER, CONSULTATION }

        final String callId;
        final ConnectionId caller;
        Kind kind = Kind.QUEUE;
        Phase phase = Phase.WAITING;
        WaitingCall waiting;
        String jobNumber;
        String extension;
        Instant ringDeadline;
        Instant answeredAt;
        Instant nextAnnouncement;

        AcdCall(String callId, ConnectionId caller) {
            this.callId = callId;
            this.caller = caller;
        }
    }

    @PostConstruct
    void start() {
        List<String> reasonCodes = em.createQuery("select r.code from NotReadyReason r", String.class).getResultList();
        router = new Router(clock, PriorityRule.plusOneEvery(Duration.ofSeconds(30), 5),
                NotReadyReasons.of(reasonCodes), change -> pending.get().add(change), Duration.ofMinutes(3));
        for (CallQueue queue : em.createQuery("select q from CallQueue q", CallQueue.class).getResultList()) {
            queueConfig.put(queue.getCode(), queue);
            router.defineQueue(definitionOf(queue));
        }
        int restored = 0;
        for (AgentLogin login : em.createQuery("select l from AgentLogin l order by l.loggedInAt", AgentLogin.class).getResultList()) {
            try {
                restore(login);
                restored++;
                String number = em.find(Agent.class, login.getJobNumber()).getFollowMeNumber();
                if (login.isFollowMe() && number != null) {
                    followMe.put(login.getJobNumber(), number);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Agent %s could not be logged in again at %s: %s", login.getJobNumber(), login.getExtension(), e.getMessage());
                pending.get().clear();
                em.remove(login);
            }
        }
        persistPending();
        timers.createIntervalTimer(1000, 1000, new TimerConfig("acd-tick", false));
        LOG.infof("ACD started: %d queue(s), %d agent login(s) restored", queueConfig.size(), restored);
    }

    /**
     * Reads the queues' configuration again (after an administrator changed it): logged-in agents
     * are matched against the new requirements, waiting calls stay, and may now be offered.
     */
    public void reloadQueues() {
        List<Offer> offers = new ArrayList<>();
        try {
            for (CallQueue queue : em.createQuery("select q from CallQueue q", CallQueue.class).getResultList()) {
                queueConfig.put(queue.getCode(), queue);
                offers.addAll(router.defineQueue(definitionOf(queue)));
            }
        } finally {
            persistPending();
        }
        offers.forEach(this::ring);
        LOG.infof("ACD queues reloaded: %s", new TreeSet<>(queueConfig.keySet()));
    }

    static QueueDefinition definitionOf(CallQueue queue) {
        Duration wrapUp = Duration.ofSeconds(queue.getWrapUpSeconds());
        Integer maxLength = queue.getMaxLength();
        QueueDefinition definition = new QueueDefinition(queue.getCode(), queue.getRequiredSkills(), queue.getStrategy(),
                maxLength == null ? 0 : maxLength, null, wrapUp, null);
        if (queue.getMaxWaitSeconds() != null) {
            definition = definition.withMaxWait(Duration.ofSeconds(queue.getMaxWaitSeconds()), queue.getOverflowQueue());
        }
        return definition;
    }

    private void restore(AgentLogin login) {
        Agent agent = em.find(Agent.class, login.getJobNumber());
        router.login(login.getJobNumber(), login.getExtension(), skillsOf(agent));
        AgentState was = AgentState.valueOf(login.getState());
        switch (was) {
            case READY, RESERVED, TALKING, WRAP_UP -> router.agentReady(login.getJobNumber());
            case LOCKED -> router.lock(login.getJobNumber());
            case NOT_READY -> {
                String reason = login.getReason();
                try {
                    if (reason != null) {
                        router.agentNotReady(login.getJobNumber(), reason);
                    }
                } catch (IllegalArgumentException e) {
                    // a built-in reason such as "logged-in": NOT_READY already
                }
            }
            default -> { }
        }
    }

    private static Map<String, Integer> skillsOf(Agent agent) {
        Map<String, Integer> skills = new HashMap<>();
        for (SkillLevel s : agent.getSkills()) {
            skills.put(s.getSkill(), s.getLevel());
        }
        return skills;
    }

    // ------------------------------------------------------------------ agents

    /** Logs an agent in at a desk phone (hot desking); NOT_READY until it says ready. */
    public AgentSnapshot login(String jobNumber, String extension) {
        Agent agent = requireAgent(jobNumber);
        if (extension == null || extension.isBlank()) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "an extension is required");
        }
        PhoneExtension desk = em.find(PhoneExtension.class, extension);
        if (desk == null || !desk.isActive()) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "extension " + extension + " is not a provisioned desk phone");
        }
        try {
            AgentSnapshot snapshot = routerCall(() -> router.login(jobNumber, extension, skillsOf(agent)));
            AgentLogin stale = em.find(AgentLogin.class, jobNumber);
            if (stale != null) {
                em.remove(stale);
                em.flush();
            }
            em.persist(new AgentLogin(jobNumber, extension, snapshot.state().name(), clock.instant()));
            em.flush();
            return snapshot;
        } finally {
            persistPending();
        }
    }

    public AgentSnapshot ready(String jobNumber) {
        requireAgent(jobNumber);
        Optional<Offer> offer;
        try {
            offer = routerCall(() -> router.agentReady(jobNumber));
        } finally {
            persistPending();
        }
        offer.ifPresent(this::ring);
        return status(jobNumber);
    }

    public AgentSnapshot notReady(String jobNumber, String reason) {
        requireAgent(jobNumber);
        try {
            routerCall(() -> {
                router.agentNotReady(jobNumber, reason);
                return null;
            });
        } finally {
            persistPending();
        }
        return status(jobNumber);
    }

    /** Ends after-call work early. */
    public AgentSnapshot wrapUpDone(String jobNumber) {
        requireAgent(jobNumber);
        Optional<Offer> offer;
        try {
            offer = routerCall(() -> router.wrapUpDone(jobNumber));
        } finally {
            persistPending();
        }
        offer.ifPresent(this::ring);
        return status(jobNumber);
    }

    public AgentSnapshot logout(String jobNumber) {
        requireAgent(jobNumber);
        try {
            routerCall(() -> {
                router.logout(jobNumber);
                return null;
            });
        } finally {
            persistPending();
        }
        return status(jobNumber);
    }

    /** Locks the seat while the agent steps away: still logged in, takes no calls. */
    public AgentSnapshot lock(String jobNumber) {
        requireAgent(jobNumber);
        try {
            routerCall(() -> {
                router.lock(jobNumber);
                return null;
            });
        } finally {
            persistPending();
        }
        return status(jobNumber);
    }

    /** Opens the seat again: NOT_READY ("unlocked") until the agent says ready. */
    public AgentSnapshot unlock(String jobNumber) {
        requireAgent(jobNumber);
        try {
            routerCall(() -> {
                router.unlock(jobNumber);
                return null;
            });
        } finally {
            persistPending();
        }
        return status(jobNumber);
    }

    /** The agent's live state; LOGGED_OUT for a known agent who has not logged in. */
    public AgentSnapshot status(String jobNumber) {
        Agent agent = requireAgent(jobNumber);
        return router.agentStatus(jobNumber).orElseGet(() -> new AgentSnapshot(jobNumber, null, skillsOf(agent),
                AgentState.LOGGED_OUT, null, null, null, 0, Set.of(), null, null));
    }

    // ------------------------------------------------------------------ follow-me

    /**
     * Binds an outside number to the agent (null or blank unbinds, which also ends follow-me).
     * Audited as FOLLOW_ME_BIND by {@code actor}.
     */
    public void bindFollowMe(String jobNumber, String number, String actor, String sourceAddress) {
        requireAgent(jobNumber);
        String n = number == null || number.isBlank() ? null : number.strip();
        if (n != null && !n.matches("\\+?[0-9]{3,20}")) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "a follow-me number is 3 to 20 digits, optionally after +");
        }
        if (n != null && em.find(PhoneExtension.class, n) != null) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, n + " is a desk phone, not an outside number");
        }
        if (n != null) {
            try {
                // Calls offered to the agent will ring this number through the trunk: the agents' dial policy applies.
                dialPolicy.check(actor, java.util.Set.of("agent"), n, DialPath.FOLLOW_ME, sourceAddress);
            } catch (DialRefused e) {
                throw new AcdException(AcdException.Kind.BAD_REQUEST, "follow-me number refused: " + e.getMessage());
            }
        }
        em.find(Agent.class, jobNumber).setFollowMeNumber(n);
        if (n == null) {
            setFollowMe(jobNumber, null);
        } else if (followMe.containsKey(jobNumber)) {
            followMe.put(jobNumber, n);
        }
        audit.record(actor, "FOLLOW_ME_BIND", jobNumber, org.kefu.security.AuditOutcome.SUCCESS,
                n == null ? "unbound" : "bound", sourceAddress);
    }

    /**
     * Turns follow-me on or off for a logged-in agent: while on, calls offered to the agent ring
     * its bound number through the outbound trunk instead of the desk phone.
     */
    public AgentSnapshot followMe(String jobNumber, boolean on, String actor, String sourceAddress) {
        Agent agent = requireAgent(jobNumber);
        if (on && agent.getFollowMeNumber() == null) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "agent " + jobNumber + " has no follow-me number bound");
        }
        AgentSnapshot now = status(jobNumber);
        if (now.state() == AgentState.LOGGED_OUT) {
            throw new AcdException(AcdException.Kind.CONFLICT, "agent " + jobNumber + " is not logged in");
        }
        setFollowMe(jobNumber, on ? agent.getFollowMeNumber() : null);
        audit.record(actor, on ? "FOLLOW_ME_ON" : "FOLLOW_ME_OFF", jobNumber, org.kefu.security.AuditOutcome.SUCCESS,
                null, sourceAddress);
        return now;
    }

    private void setFollowMe(String jobNumber, String number) {
        if (number == null) {
            followMe.remove(jobNumber);
        } else {
            followMe.put(jobNumber, number);
        }
        em.createNativeQuery("UPDATE agent_login SET follow_me = ? WHERE job_number = ?")
                .setParameter(1, number == null ? 0 : 1).setParameter(2, jobNumber).executeUpdate();
    }

    /** The outside number the agent's offers ring now, when follow-me is on. */
    public Optional<String> followMeNumber(String jobNumber) {
        return Optional.ofNullable(followMe.get(jobNumber));
    }

    /** The agent's bound follow-me number, on or not. */
    public Optional<String> boundFollowMeNumber(String jobNumber) {
        return Optional.ofNullable(requireAgent(jobNumber).getFollowMeNumber());
    }

    /** The configured not-ready reason codes (built-in ones excluded). */
    public List<String> notReadyReasons() {
        return em.createQuery("select r.code from NotReadyReason r order by r.code", String.class).getResultList();
    }

    /** The configured not-ready reasons with their zh/en names, for the console. */
    public List<NotReadyReason> notReadyReasonNames() {
        return em.createQuery("select r from NotReadyReason r order by r.code", NotReadyReason.class).getResultList();
    }

    private Agent requireAgent(String jobNumber) {
        Agent agent = jobNumber == null ? null : em.find(Agent.class, jobNumber);
        if (agent == null) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown agent " + jobNumber);
        }
        return agent;
    }

    private interface RouterCall<T> {
        T call();
    }

    /** Runs a router operation and turns its refusals into {@link AcdException}s. */
    private <T> T routerCall(RouterCall<T> call) {
        try {
            return call.call();
        } catch (IllegalAgentStateException e) {
            throw new AcdException(AcdException.Kind.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AcdException(e.getMessage() != null && e.getMessage().startsWith("Unknown agent")
                    ? AcdException.Kind.CONFLICT : AcdException.Kind.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new AcdException(AcdException.Kind.CONFLICT, e.getMessage());
        }
    }

    /** Writes what the router reported on this thread: state history, current login, event log. */
    private void persistPending() {
        List<AgentStateChange> changes = pending.get();
        if (changes.isEmpty()) {
            return;
        }
        List<AgentStateChange> copy = List.copyOf(changes);
        changes.clear();
        for (AgentStateChange change : copy) {
            em.persist(new AgentStateRecord(change));
            em.persist(new AcdEvent(change.at(), AcdEvent.STATE, change.callId(), null, change.jobNumber(), null, null,
                    change.from() + "->" + change.to() + (change.reason() == null ? "" : " (" + change.reason() + ")")));
            // Bulk statements, not a managed entity: a call event's transaction and an agent's
            // logout may touch the row concurrently, and neither must fail for it (0 rows is fine).
            if (change.to() == AgentState.LOGGED_OUT) {
                followMe.remove(change.jobNumber());
                em.createQuery("delete from AgentLogin l where l.jobNumber = :job")
                        .setParameter("job", change.jobNumber()).executeUpdate();
            } else {
                em.createQuery("update AgentLogin l set l.state = :state, l.reason = :reason, l.stateSince = :at"
                                + " where l.jobNumber = :job")
                        .setParameter("state", change.to().name())
                        .setParameter("reason", change.reason())
                        .setParameter("at", change.at())
                        .setParameter("job", change.jobNumber()).executeUpdate();
            }
            LOG.debugf("Agent %s: %s -> %s %s", change.jobNumber(), change.from(), change.to(),
                    change.reason() == null ? "" : change.reason());
            notifications.publish(change.jobNumber(), change.to().name());
        }
    }

    // ------------------------------------------------------------------ calls

    /**
     * A caller asks for an agent. Rings a READY agent at once, or waits (the callflow plays music);
     * if the queue is full or nobody serving it is logged in, the queue's overflow queue is tried.
     * Returns what became of the call.
     */
    public EnqueueResult.Outcome enqueue(CallId call, ConnectionId caller, String queue, int vipLevel, String customerId,
                                         String preferredAgent) {
        if (!queueConfig.containsKey(queue)) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown queue " + queue);
        }
        Instant now = clock.instant();
        WaitingCall waiting = new WaitingCall(call.value(), queue, now, Math.max(0, vipLevel), customerId, preferredAgent);
        AcdCall record = new AcdCall(call.value(), caller);
        record.waiting = waiting;
        record.nextAnnouncement = now.plus(ANNOUNCE_EVERY);
        calls.put(call.value(), record);
        EnqueueResult result = enqueue(waiting);
        if (result.outcome() == EnqueueResult.Outcome.NO_AGENTS_LOGGED_IN
                || result.outcome() == EnqueueResult.Outcome.REJECTED_QUEUE_FULL) {
            String overflow = queueConfig.get(queue).getOverflowQueue();
            if (overflow != null && queueConfig.containsKey(overflow)) {
                event(AcdEvent.OVERFLOW, call.value(), queue, null, 0L, null, "to " + overflow + ": " + result.outcome());
                waiting = waiting.movedTo(overflow);
                record.waiting = waiting;
                result = enqueue(waiting);
            }
        }
        switch (result.outcome()) {
            case OFFERED -> ring(result.offer().orElseThrow());
            case QUEUED -> LOG.debugf("Call %s waits in %s", call, waiting.queue());
            default -> {
                calls.remove(call.value());
                LOG.infof("Call %s not queued in %s: %s", call, waiting.queue(), result.outcome());
            }
        }
        return result.outcome();
    }

    private EnqueueResult enqueue(WaitingCall waiting) {
        EnqueueResult result;
        try {
            result = routerCall(() -> router.enqueue(waiting));
        } finally {
            persistPending();
        }
        if (result.outcome() == EnqueueResult.Outcome.OFFERED || result.outcome() == EnqueueResult.Outcome.QUEUED) {
            event(AcdEvent.ENQUEUE, waiting.callId(), waiting.queue(), null, null, null,
                    "vip " + waiting.basePriority() + (waiting.preferredAgent() == null ? "" : ", asks for " + waiting.preferredAgent()));
        }
        return result;
    }

    /**
     * A waiting caller asks to be called back instead (press 9): the call leaves the queue, a
     * callback_request row keeps its place (the original enqueue time) and a job goes to
     * kefu.callbacks in the same transaction. Returns false if the call no longer waits (an
     * agent's phone already rings).
     */
    public boolean requestCallback(CallId call, String phone) {
        AcdCall c = calls.get(call.value());
        if (c == null) {
            return false;
        }
        WaitingCall waiting;
        synchronized (c) {
            if (c.phase != AcdCall.Phase.WAITING || router.position(c.callId).isEmpty()) {
                return false;
            }
            waiting = c.waiting;
            router.abandon(c.callId); // out of the queue; nobody is offered anything
            calls.remove(c.callId);
        }
        Instant now = clock.instant();
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
        event(AcdEvent.CALLBACK, c.callId, waiting.queue(), null, Duration.between(waiting.enqueuedAt(), now).toMillis(), null,
                "request " + request.getId());
        LOG.infof("Call %s left queue %s with callback request %d", c.callId, waiting.queue(), request.getId());
        return true;
    }

    /**
     * The agent who last talked with this caller number within the sticky window
     * ({@code kefu.acd.sticky.hours}, default 72), for "press * for your last agent".
     */
    public Optional<String> lastAgentOf(String ani) {
        Instant since = clock.instant().minus(Duration.ofHours(Long.getLong("kefu.acd.sticky.hours", 72)));
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

    /**
     * A call the ACD does not follow changed at a device (the agent's dialled call was answered or
     * ended, a consultation to a number): the agent logged in there is told, so that its console
     * shows it without a click. Nothing happens for a device no agent is logged in at.
     */
    public void deskChanged(String device) {
        router.agentAt(device).ifPresent(job -> notifications.publish(job, "CALL"));
    }

    /** True when the call is in the ACD (waiting, ringing at an agent or talking with one). */
    public boolean handles(CallId call) {
        return calls.containsKey(call.value());
    }

    /** True while the call waits for an agent (not ringing, not talking). */
    public boolean isWaiting(CallId call) {
        AcdCall c = calls.get(call.value());
        if (c == null) {
            return false;
        }
        synchronized (c) {
            return c.phase == AcdCall.Phase.WAITING;
        }
    }

    /**
     * A call event the ACD may care about: the agent's phone answered, failed or hung up, or the
     * caller left. Returns true when the ACD took care of it.
     */
    public boolean onCallEvent(CallEvent event) {
        boolean conferee = event instanceof CallEvent.Cleared gone && confereeCleared(gone);
        AcdCall c = calls.get(event.call().value());
        if (c == null) {
            return conferee;
        }
        if (event instanceof CallEvent.Established e) {
            return answered(c, e.answering());
        } else if (event instanceof CallEvent.Failed f) {
            return ringFailed(c, f.failed(), f.cause());
        } else if (event instanceof CallEvent.Cleared cl) {
            return cleared(c, cl);
        }
        return false;
    }

    private boolean answered(AcdCall c, ConnectionId answering) {
        String job;
        String queue;
        long waited;
        synchronized (c) {
            if (c.phase != AcdCall.Phase.RINGING || !answering.device().value().equals(c.extension)) {
                return false;
            }
            c.phase = AcdCall.Phase.TALKING;
            c.answeredAt = clock.instant();
            job = c.jobNumber;
            queue = c.waiting.queue();
            waited = Duration.between(c.waiting.enqueuedAt(), c.answeredAt).toMillis();
            try {
                routerCall(() -> {
                    router.offerAnswered(job);
                    return null;
                });
            } finally {
                persistPending();
            }
        }
        if (c.kind != AcdCall.Kind.QUEUE) {
            // Not the queue's answer (that was counted once, for the first agent): no service-level figures.
            event(AcdEvent.ANSWER, c.callId, null, job, null, null, c.kind.name().toLowerCase(Locale.ROOT));
            if (c.kind == AcdCall.Kind.TRANSFER) {
                try (SwitchConnection sw = switchFactory.getConnection()) {
                    // The caller now talks with this agent: "press * for your last agent" finds it.
                    rememberAgent(sw.callData(new CallId(c.callId)).get("kefu.ani"), job, c.answeredAt);
                } catch (TelephonyException e) {
                    LOG.infof("Call %s: %s", c.callId, e.getMessage());
                }
            }
            LOG.infof("Call %s (%s) answered by agent %s", c.callId, c.kind, job);
            return true;
        }
        event(AcdEvent.ANSWER, c.callId, queue, job, waited, null, null);
        cdr.assigned(c.callId, queue, job);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            sw.attachData(new CallId(c.callId), Map.of(STEP, WITH_AGENT));
            rememberAgent(sw.callData(new CallId(c.callId)).get("kefu.ani"), job, c.answeredAt);
        } catch (TelephonyException e) {
            LOG.infof("Call %s: %s", c.callId, e.getMessage());
        }
        LOG.infof("Call %s answered by agent %s from queue %s after %d ms", c.callId, job, queue, waited);
        return true;
    }

    private boolean ringFailed(AcdCall c, ConnectionId failed, ClearCause cause) {
        synchronized (c) {
            if (c.phase != AcdCall.Phase.RINGING || !failed.device().value().equals(c.extension)) {
                return false;
            }
        }
        if (c.kind != AcdCall.Kind.QUEUE) {
            directCallFailed(c.jobNumber, c.callId);
            return false; // the callflow handles the call itself as before
        }
        takeBack(c, "failed: " + cause, false);
        return true;
    }

    /** Ring no answer (or the phone refused): the agent goes NOT_READY, the call to the next agent. */
    private void takeBack(AcdCall c, String why, boolean clearLeg) {
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
                next = routerCall(() -> router.offerRefused(job));
            } finally {
                persistPending();
            }
        }
        event(AcdEvent.RONA, c.callId, c.waiting.queue(), job, null, null, why);
        LOG.infof("Call %s not answered by agent %s (%s): back to queue %s", c.callId, job, why, c.waiting.queue());
        if (clearLeg) {
            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.clearConnection(new ConnectionId(new CallId(c.callId), new DeviceId(ext)));
            } catch (TelephonyException e) {
                LOG.infof("Call %s: cannot stop ringing at %s: %s", c.callId, ext, e.getMessage());
            }
        }
        next.ifPresent(this::ring);
    }

    private boolean cleared(AcdCall c, CallEvent.Cleared cleared) {
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
            boolean othersStay = c.kind == AcdCall.Kind.CONSULTATION || conferees.containsKey(c.callId);
            if (!cleared.callEnded() && cleared.cause() != ClearCause.TRANSFERRED && !othersStay) {
                // The agent hung up: the caller's call ends too.
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
        } else {
            abandoned(c);
        }
        return true;
    }

    private void agentCallEnded(AcdCall c, boolean transferred) {
        String job;
        long talked;
        Optional<Offer> next;
        synchronized (c) {
            if (c.phase != AcdCall.Phase.TALKING || calls.remove(c.callId) == null) {
                return;
            }
            job = c.jobNumber;
            talked = Duration.between(c.answeredAt, clock.instant()).toMillis();
            try {
                next = routerCall(() -> router.callEnded(job));
            } finally {
                persistPending();
            }
        }
        String figuresQueue = c.kind == AcdCall.Kind.QUEUE ? c.waiting.queue() : null;
        if (transferred) {
            event(AcdEvent.TRANSFER, c.callId, figuresQueue, job, null, talked, null);
        }
        event(AcdEvent.END, c.callId, figuresQueue, job, null, talked, c.kind == AcdCall.Kind.QUEUE ? null
                : c.kind.name().toLowerCase(Locale.ROOT));
        next.ifPresent(this::ring);
    }

    private void abandoned(AcdCall c) {
        Optional<Offer> next;
        String job;
        long waited;
        synchronized (c) {
            if (calls.remove(c.callId) == null) {
                return;
            }
            job = c.phase == AcdCall.Phase.RINGING ? c.jobNumber : null;
            waited = Duration.between(c.waiting.enqueuedAt(), clock.instant()).toMillis();
            try {
                next = router.abandon(c.callId);
            } finally {
                persistPending();
            }
        }
        event(AcdEvent.ABANDON, c.callId, c.kind == AcdCall.Kind.QUEUE ? c.waiting.queue() : null, job, waited, null,
                c.kind == AcdCall.Kind.QUEUE ? null : c.kind.name().toLowerCase(Locale.ROOT));
        LOG.infof("Call %s abandoned in queue %s after %d ms", c.callId, c.waiting.queue(), waited);
        next.ifPresent(this::ring);
    }

    /** Rings each offer at its agent's desk; an offer that cannot ring goes to the next agent. */
    private void ring(Offer first) {
        Deque<Offer> todo = new ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty()) {
            Offer offer = todo.poll();
            AcdCall c = calls.get(offer.call().callId());
            if (c == null) {
                // The caller left meanwhile: free the agent.
                try {
                    router.abandon(offer.call().callId()).ifPresent(todo::add);
                } finally {
                    persistPending();
                }
                continue;
            }
            CallQueue queue = queueConfig.get(offer.call().queue());
            // Follow-me: the agent's outside number rings (through the trunk) instead of the desk phone.
            String destination = followMe.getOrDefault(offer.jobNumber(), offer.extension());
            long waited;
            synchronized (c) {
                c.phase = AcdCall.Phase.RINGING;
                c.waiting = offer.call();
                c.jobNumber = offer.jobNumber();
                c.extension = destination;
                c.ringDeadline = clock.instant().plusSeconds(queue == null ? 10 : queue.getRonaSeconds());
                waited = Duration.between(offer.call().enqueuedAt(), clock.instant()).toMillis();
            }
            event(AcdEvent.OFFER, c.callId, offer.call().queue(), offer.jobNumber(), waited, null, "at " + destination);
            Map<String, String> data = new HashMap<>();
            data.put("kefu.queue", offer.call().queue());
            data.put("kefu.agent", offer.jobNumber());
            data.put("kefu.waitSeconds", String.valueOf(waited / 1000));
            if (offer.call().customerId() != null) {
                data.put("kefu.customerId", offer.call().customerId());
            }
            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.attachData(new CallId(c.callId), data);
                sw.routeTo(new CallId(c.callId), new DeviceId(destination));
                LOG.infof("Call %s offered to agent %s at %s (queue %s)", c.callId, offer.jobNumber(), destination,
                        offer.call().queue());
                // After the call data is attached: the screen pop reads it.
                notifications.publish(offer.jobNumber(), "RINGING");
            } catch (TelephonyException e) {
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
                        next = router.offerRefused(offer.jobNumber());
                    } finally {
                        persistPending();
                    }
                }
                event(AcdEvent.RONA, c.callId, offer.call().queue(), offer.jobNumber(), null, null, "unreachable");
                next.ifPresent(todo::add);
            }
        }
    }

    /** The call ringing at or talking with this agent (the ACD's view), if any. */
    public Optional<String> callOf(String jobNumber) {
        for (AcdCall c : calls.values()) {
            synchronized (c) {
                if (jobNumber.equals(c.jobNumber) && c.phase != AcdCall.Phase.WAITING) {
                    return Optional.of(c.callId);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The agent sends its caller to another queue (a blind transfer to a queue): the agent's part
     * ends as for any transfer (wrap-up follows), the caller waits in {@code queue} with music and
     * is offered there as a new arrival; its VIP level and customer travel with it.
     */
    public EnqueueResult.Outcome transferToQueue(String jobNumber, String queue) {
        requireAgent(jobNumber);
        if (queue == null || !queueConfig.containsKey(queue)) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown queue " + queue);
        }
        AcdCall c = null;
        for (AcdCall candidate : calls.values()) {
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
        agentCallEnded(c, true);
        Instant now = clock.instant();
        WaitingCall waiting = new WaitingCall(c.callId, queue, now, was.basePriority(), was.customerId(), null);
        AcdCall moved = new AcdCall(c.callId, c.caller);
        moved.waiting = waiting;
        moved.nextAnnouncement = now.plus(ANNOUNCE_EVERY);
        calls.put(c.callId, moved);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            sw.attachData(new CallId(c.callId), Map.of(STEP, "WAITING_FOR_AGENT", "kefu.transferredBy", jobNumber));
            // The agent's leg goes first: its Cleared event then finds a waiting call, not a talk.
            sw.clearConnection(new ConnectionId(new CallId(c.callId), new DeviceId(extension)));
            sw.play(c.caller, new Prompt(List.of("transfer-to-agent", "please-hold"), Locale.SIMPLIFIED_CHINESE, false, false));
        } catch (TelephonyException e) {
            LOG.infof("Call %s: transfer to queue %s: %s", c.callId, queue, e.getMessage());
        }
        EnqueueResult result = enqueue(waiting);
        switch (result.outcome()) {
            case OFFERED -> ring(result.offer().orElseThrow());
            case QUEUED -> LOG.infof("Call %s transferred by agent %s waits in %s", c.callId, jobNumber, queue);
            default -> {
                calls.remove(c.callId);
                LOG.infof("Call %s not queued in %s after transfer: %s", c.callId, queue, result.outcome());
            }
        }
        return result.outcome();
    }

    // ------------------------------------------------------------------ direct calls (soft phone)

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
        requireAgent(toJob);
        AcdCall was = talkingWith(fromJob, callId);
        AcdCall.Kind kind = consultation ? AcdCall.Kind.CONSULTATION : AcdCall.Kind.TRANSFER;
        // The router's id for the call until the switch has placed it (the transferred call is
        // still the sender's there); short, since it lands in the state history's call_ref.
        String reservation = (consultation ? "c:" : "t:") + callId;
        // The queue the call came from decides the colleague's wrap-up; a consultation has none of its own.
        WaitingCall waiting = was == null || consultation ? WaitingCall.of(reservation, NO_QUEUE, clock.instant())
                : new WaitingCall(reservation, was.waiting.queue(), was.waiting.enqueuedAt(), was.waiting.basePriority(),
                        was.waiting.customerId(), null);
        Offer offer;
        try {
            offer = routerCall(() -> router.directCall(toJob, waiting));
        } finally {
            persistPending();
        }
        reservations.put(reservation, new Reservation(kind, fromJob, toJob, waiting, was == null ? null : was.caller));
        event(AcdEvent.OFFER, callId, null, toJob, null, null,
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
        Reservation r = reservations.remove(reservation);
        if (r == null) {
            return;
        }
        String toJob = r.toJob();
        AgentSnapshot b = status(toJob);
        if (!reservation.equals(b.offeredCallId())) {
            return; // freed meanwhile
        }
        if (r.kind() == AcdCall.Kind.TRANSFER) {
            AcdCall was = talkingWith(r.fromJob(), callId);
            if (was != null) {
                agentCallEnded(was, true); // unless the sender's Cleared (TRANSFERRED) did it already
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
        routerCall(() -> {
            router.directCallMoved(toJob, waiting);
            return null;
        });
        calls.put(callId, record);
        // The colleague may have picked up before the record existed (events run on other threads).
        try (SwitchConnection sw = switchFactory.getConnection()) {
            ConnectionId leg = new ConnectionId(new CallId(callId), new DeviceId(b.extension()));
            boolean connected = sw.snapshotCall(new CallId(callId)).parties().stream()
                    .anyMatch(p -> p.connection().equals(leg) && p.state() == org.kefu.telephony.ConnectionState.CONNECTED);
            if (connected) {
                answered(record, leg);
            }
        } catch (TelephonyException e) {
            LOG.debugf("Direct call %s: %s", callId, e.getMessage());
        }
    }

    /** What a direct call's reservation remembers until the switch has placed the call. */
    private record Reservation(AcdCall.Kind kind, String fromJob, String toJob, WaitingCall waiting, ConnectionId caller) {
    }

    /** Reservation id → what it is for; short-lived (between a soft-phone command and the switch's answer). */
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

    /**
     * The agent completes its consultation with a colleague: the colleague now talks with the
     * caller in the original call, and stays busy for the ACD until that call ends there; the
     * consulting agent's part ends as for a transfer. Call before the switch's command.
     */
    public void consultationCompleted(String fromJob, String originalCallId, String consultCallId, ConnectionId caller) {
        AcdCall consult = calls.get(consultCallId);
        if (consult == null || consult.kind != AcdCall.Kind.CONSULTATION) {
            return; // a number was consulted: the original call's record ends with the sender's leg
        }
        AcdCall was = talkingWith(fromJob, originalCallId);
        calls.remove(consultCallId, consult);
        if (was != null) {
            agentCallEnded(was, true); // first: the router then holds the original call for the colleague
        }
        AcdCall moved = movedCall(consult, originalCallId, was, caller, AcdCall.Kind.TRANSFER, true);
        calls.put(originalCallId, moved);
    }

    /**
     * The agent joins its consultation with a colleague into a three-party conference: the
     * colleague stays busy for the ACD while it is in the conference (and wraps up when it leaves);
     * the agent who set it up keeps the call's record.
     */
    public void consultationConferenced(String fromJob, String originalCallId, String consultCallId, ConnectionId caller) {
        AcdCall consult = calls.get(consultCallId);
        if (consult == null || consult.kind != AcdCall.Kind.CONSULTATION) {
            return;
        }
        calls.remove(consultCallId, consult);
        // The router keeps the colleague under the consultation's id: the original call is the
        // consulting agent's there, and one call id names one agent in the router.
        AcdCall moved = movedCall(consult, originalCallId, talkingWith(fromJob, originalCallId), caller, AcdCall.Kind.CONSULTATION, false);
        conferees.computeIfAbsent(originalCallId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(moved);
    }

    /** The transfer or consultation never reached the colleague (the switch refused it): it is as before. */
    public void directCallFailed(String toJob, String callId) {
        reservations.remove(callId);
        AgentSnapshot b = status(toJob);
        if (!callId.equals(b.offeredCallId()) || b.state() != AgentState.RESERVED) {
            return;
        }
        AcdCall record = calls.get(callId);
        if (record != null && record.kind != AcdCall.Kind.QUEUE && toJob.equals(record.jobNumber)) {
            calls.remove(callId, record);
        }
        Optional<Offer> next;
        try {
            next = routerCall(() -> router.directCallFailed(toJob));
        } finally {
            persistPending();
        }
        next.ifPresent(this::ring);
    }

    /** Queue code of a direct call that never came through a queue: the router knows no such queue, so no wrap-up. */
    private static final String NO_QUEUE = "";

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
            routerCall(() -> {
                router.directCallMoved(moved.jobNumber, waiting);
                return null;
            });
        }
        return moved;
    }

    /** The ACD's record of the call if {@code jobNumber} talks on it now, else null. */
    private AcdCall talkingWith(String jobNumber, String callId) {
        AcdCall c = calls.get(callId);
        if (c == null) {
            return null;
        }
        synchronized (c) {
            return jobNumber.equals(c.jobNumber) && c.phase == AcdCall.Phase.TALKING ? c : null;
        }
    }

    /** A party left a call with conferees: those who left (or all, when the call ended) end their part. */
    private boolean confereeCleared(CallEvent.Cleared cleared) {
        List<AcdCall> list = conferees.get(cleared.call().value());
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
            conferees.remove(cleared.call().value(), list);
            if (!cleared.callEnded() && !calls.containsKey(cleared.call().value())) {
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
            talked = p.answeredAt == null ? 0 : Duration.between(p.answeredAt, clock.instant()).toMillis();
            try {
                next = p.phase == AcdCall.Phase.TALKING ? routerCall(() -> router.callEnded(p.jobNumber))
                        : routerCall(() -> router.directCallFailed(p.jobNumber));
            } finally {
                persistPending();
            }
        }
        event(AcdEvent.END, p.callId, null, p.jobNumber, null, talked, "conference");
        next.ifPresent(this::ring);
    }

    // ------------------------------------------------------------------ the clock

    /** Every second: timed wrap-ups end, RONA, overflow after max wait, position announcements. */
    @Timeout
    void tick() {
        try {
            Instant now = clock.instant();
            List<Offer> offers;
            try {
                offers = router.tick(now);
            } finally {
                persistPending();
            }
            offers.forEach(this::ring);
            for (AcdCall c : List.copyOf(calls.values())) {
                boolean rona;
                synchronized (c) {
                    rona = c.phase == AcdCall.Phase.RINGING && c.ringDeadline != null && !c.ringDeadline.isAfter(now);
                }
                if (rona) {
                    takeBack(c, "no answer", true);
                }
            }
            for (Overflow overflow : router.overflowDue(now)) {
                overflow(overflow);
            }
            announcePositions(now);
        } catch (RuntimeException e) {
            LOG.warnf(e, "ACD tick failed");
        } finally {
            persistPending();
        }
    }

    private void overflow(Overflow overflow) {
        String callId = overflow.call().callId();
        AcdCall c = calls.get(callId);
        if (c == null) {
            return;
        }
        long waited = Duration.between(overflow.call().enqueuedAt(), clock.instant()).toMillis();
        CallQueue fromConfig = queueConfig.get(overflow.fromQueue());
        String where = overflow.target() != null ? overflow.target()
                : fromConfig == null ? "nowhere" : fromConfig.getOverflowKind().toLowerCase(Locale.ROOT)
                + (fromConfig.getOverflowFlow() == null ? "" : " " + fromConfig.getOverflowFlow());
        event(AcdEvent.OVERFLOW, callId, overflow.fromQueue(), null, waited, null, "to " + where);
        LOG.infof("Call %s overflows from %s to %s after %d ms", callId, overflow.fromQueue(), overflow.target(), waited);
        if (overflow.target() != null && queueConfig.containsKey(overflow.target())) {
            WaitingCall moved = overflow.call().movedTo(overflow.target());
            synchronized (c) {
                c.waiting = moved;
            }
            EnqueueResult result = enqueue(moved);
            if (result.outcome() == EnqueueResult.Outcome.OFFERED) {
                ring(result.offer().orElseThrow());
                return;
            }
            if (result.outcome() == EnqueueResult.Outcome.QUEUED) {
                return;
            }
        }
        calls.remove(callId);
        CallQueue from = queueConfig.get(overflow.fromQueue());
        String kind = from == null ? "QUEUE" : from.getOverflowKind();
        if ("IVR".equals(kind) || "VOICEMAIL".equals(kind)) {
            inbound.overflowed(new CallId(callId), c.caller, kind, from.getOverflowFlow(), overflow.fromQueue());
            return;
        }
        // No queue to go to: say goodbye.
        try (SwitchConnection sw = switchFactory.getConnection()) {
            sw.attachData(new CallId(callId), Map.of(STEP, "SAYING_GOODBYE"));
            sw.play(c.caller, new Prompt(List.of("goodbye"), Locale.SIMPLIFIED_CHINESE, false, false));
        } catch (TelephonyException e) {
            LOG.infof("Call %s: %s", callId, e.getMessage());
        }
    }

    /** Tells each waiting caller its position and expected wait, every {@code kefu.acd.announce.seconds}. */
    private void announcePositions(Instant now) {
        for (AcdCall c : List.copyOf(calls.values())) {
            synchronized (c) {
                if (c.phase != AcdCall.Phase.WAITING || c.nextAnnouncement == null || c.nextAnnouncement.isAfter(now)) {
                    continue;
                }
                c.nextAnnouncement = now.plus(ANNOUNCE_EVERY);
            }
            var position = router.position(c.callId);
            var wait = router.expectedWaitOfCall(c.callId);
            if (position.isEmpty() || wait.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of("your-position-is"));
            digits(position.getAsInt(), names);
            names.add("expected-wait");
            digits(Math.max(1, (wait.get().toSeconds() + 59) / 60), names);
            names.add("minutes");
            names.add("callback-offer");
            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.play(c.caller, new Prompt(names, Locale.SIMPLIFIED_CHINESE, false, false));
            } catch (TelephonyException e) {
                LOG.debugf("Call %s: no announcement: %s", c.callId, e.getMessage());
            }
        }
    }

    private static void digits(long n, List<String> names) {
        for (char ch : Long.toString(n).toCharArray()) {
            names.add("digit-" + ch);
        }
    }

    // ------------------------------------------------------------------ figures

    public Set<String> queueCodes() {
        return new TreeSet<>(queueConfig.keySet());
    }

    /** Live and today's figures of a queue (R-2.x, issue 4 §6). */
    public QueueStatistics statistics(String queueCode) {
        CallQueue queue = queueConfig.get(queueCode);
        if (queue == null) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown queue " + queueCode);
        }
        Instant since = LocalDate.now(BUSINESS_ZONE).atStartOfDay(BUSINESS_ZONE).toInstant();
        long sl = queue.getServiceLevelSeconds() * 1000L;
        long shortLimit = queue.getShortAbandonSeconds() * 1000L;
        long enqueued = count("select count(e) from AcdEvent e where e.type = 'ENQUEUE' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since, null);
        long answered = count("select count(e) from AcdEvent e where e.type = 'ANSWER' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since, null);
        long inTime = count("select count(e) from AcdEvent e where e.type = 'ANSWER' and e.queueCode = :q and e.occurredAt >= :since and e.waitMillis <= :limit",
                queueCode, since, sl);
        long shortAbandons = count("select count(e) from AcdEvent e where e.type = 'ABANDON' and e.queueCode = :q and e.occurredAt >= :since and e.waitMillis < :limit",
                queueCode, since, shortLimit);
        long abandons = count("select count(e) from AcdEvent e where e.type = 'ABANDON' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since, null) - shortAbandons;
        Double asa = average("select avg(e.waitMillis) from AcdEvent e where e.type = 'ANSWER' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since);
        Double aht = average("select avg(e.durationMillis) from AcdEvent e where e.type = 'END' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since);
        long offered = Math.max(0, enqueued - shortAbandons);
        return new QueueStatistics(router.figures(queueCode), queue.getServiceLevelSeconds(), queue.getShortAbandonSeconds(),
                offered, answered, inTime, abandons, shortAbandons,
                offered == 0 ? null : (double) inTime / offered,
                asa == null ? null : asa / 1000.0,
                aht == null ? null : aht / 1000.0,
                offered == 0 ? null : (double) abandons / offered);
    }

    private long count(String jpql, String queue, Instant since, Long limit) {
        var query = em.createQuery(jpql, Long.class).setParameter("q", queue).setParameter("since", since);
        if (limit != null) {
            query.setParameter("limit", limit);
        }
        return query.getSingleResult();
    }

    private Double average(String jpql, String queue, Instant since) {
        return em.createQuery(jpql, Double.class).setParameter("q", queue).setParameter("since", since).getSingleResult();
    }

    private void event(String type, String callRef, String queue, String jobNumber, Long waitMillis, Long durationMillis,
                       String detail) {
        em.persist(new AcdEvent(clock.instant(), type, callRef, queue, jobNumber, waitMillis, durationMillis, detail));
    }
}
