package org.kefu.acd;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.AgentStateChange;
import org.kefu.acd.routing.NotReadyReasons;
import org.kefu.acd.routing.Offer;
import org.kefu.acd.routing.PriorityRule;
import org.kefu.acd.routing.QueueDefinition;
import org.kefu.acd.routing.Router;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ACD's live state, the one singleton of the ACD: the {@link Router} of this
 * server, the queues' configuration, and the call table (calls waiting, ringing at an agent or
 * talking with one). The beans that act on it ({@link AgentSessions}, {@link Offers},
 * {@link DirectCalls}, {@link AcdCallEvents}, {@link AcdClock}) are stateless.
 * <p>
 * Concurrency: bean-managed, no container lock. The router has its own lock; the call table is
 * concurrent and each call's record is changed under its own monitor. Switch commands and database
 * writes happen outside the router's lock: the router reports state changes to a per-thread list
 * that {@link #persistPending()} writes (state history, current login, event log) after the router
 * call returns, in the caller's transaction.
 * <p>
 * Restart: current logins are a table ({@code agent_login}), restored at start with their state
 * (an agent in a call when the server stopped comes back READY: live calls end with the process).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local view only: the ACD's own beans call it
public class RoutingState {

    private static final Logger LOG = Logger.getLogger(RoutingState.class);

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @EJB
    AgentNotifications notifications;

    Clock clock = Clock.systemUTC();
    private final ThreadLocal<List<AgentStateChange>> pending = ThreadLocal.withInitial(ArrayList::new);
    private final Map<String, CallQueue> queueConfig = new ConcurrentHashMap<>();
    /** Calls in the ACD now: waiting, ringing at an agent, or talking with one. */
    private final Map<String, AcdCall> calls = new ConcurrentHashMap<>();
    /**
     * Agents who joined a call by a three-party conference after a consultation: call id → their
     * records (the call's own record stays with the agent who set the conference up).
     */
    private final Map<String, List<AcdCall>> conferees = new ConcurrentHashMap<>();
    /** Reservation id → what it is for; short-lived (between a soft-phone command and the switch's answer). */
    private final Map<String, DirectCallReservation> reservations = new ConcurrentHashMap<>();
    /** Agents logged in with follow-me on: job number → the outside number their offers ring. */
    private final Map<String, String> followMe = new ConcurrentHashMap<>();
    /** The switch's call id of a callback being dialled → the callback's id in the call table. */
    private final Map<String, String> dialledCallbacks = new ConcurrentHashMap<>();
    private volatile Router router;

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
        LOG.infof("ACD started: %d queue(s), %d agent login(s) restored", queueConfig.size(), restored);
    }

    /**
     * Reads the queues' configuration again (after an administrator changed it): logged-in agents
     * are matched against the new requirements, waiting calls stay. Returns the offers this makes
     * possible, for the caller to ring.
     */
    public List<Offer> reloadQueues() {
        List<Offer> offers = new ArrayList<>();
        try {
            for (CallQueue queue : em.createQuery("select q from CallQueue q", CallQueue.class).getResultList()) {
                queueConfig.put(queue.getCode(), queue);
                offers.addAll(router.defineQueue(definitionOf(queue)));
            }
        } finally {
            persistPending();
        }
        LOG.infof("ACD queues reloaded: %s", new TreeSet<>(queueConfig.keySet()));
        return offers;
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
        router.login(login.getJobNumber(), login.getExtension(), agent.skillLevels());
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

    public Router router() {
        return router;
    }

    public Clock clock() {
        return clock;
    }

    /** The queue's configuration, or null for a code that names no queue. */
    public CallQueue queue(String code) {
        return queueConfig.get(code);
    }

    public Set<String> queueCodes() {
        return new TreeSet<>(queueConfig.keySet());
    }

    /** The call table: call id → where the call stands in the ACD. */
    public Map<String, AcdCall> calls() {
        return calls;
    }

    /** Call id → the colleagues in a conference on it (see {@link DirectCalls}). */
    public Map<String, List<AcdCall>> conferees() {
        return conferees;
    }

    /** Reservation id → the direct call it is for (see {@link DirectCalls}). */
    public Map<String, DirectCallReservation> reservations() {
        return reservations;
    }

    /** The switch's call id of a callback being dialled → its id in the {@link #calls()} table. */
    public Map<String, String> dialledCallbacks() {
        return dialledCallbacks;
    }

    /** The ACD's record of the call the switch knows by {@code switchCallId}: a call's own, or a dialled callback's. */
    public AcdCall call(String switchCallId) {
        AcdCall c = calls.get(switchCallId);
        if (c == null) {
            String callback = dialledCallbacks.get(switchCallId);
            c = callback == null ? null : calls.get(callback);
        }
        return c;
    }

    /** Job number → the outside number its offers ring while follow-me is on. */
    public Map<String, String> followMe() {
        return followMe;
    }

    /** Writes what the router reported on this thread: state history, current login, event log. */
    public void persistPending() {
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

    /** Writes one line of the ACD's event log (the queues' figures are counted from it). */
    public void event(String type, String callRef, String queue, String jobNumber, Long waitMillis, Long durationMillis,
                      String detail) {
        em.persist(new AcdEvent(clock.instant(), type, callRef, queue, jobNumber, waitMillis, durationMillis, detail));
    }
}
