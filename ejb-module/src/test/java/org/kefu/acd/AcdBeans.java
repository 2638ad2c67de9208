package org.kefu.acd;

import jakarta.json.JsonObject;
import org.kefu.acd.routing.MutableClock;
import org.kefu.acd.routing.RoutingStrategy;
import org.kefu.calls.CallSessions;
import org.kefu.calls.CallerPrompts;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ACD's beans wired as the container wires them, around a {@link MutableClock}, a
 * {@link FakeSwitch} and a {@link FakeEntityManager}; the beans of other domains they call are
 * fakes that write down what they were told. Queues and agents are those the test defines.
 * Public for the tests of the beans that read the ACD (reporting).
 */
public final class AcdBeans {

    static final Instant MORNING = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in Shanghai

    final MutableClock clock = new MutableClock(MORNING);
    public final FakeEntityManager db = new FakeEntityManager();
    final FakeSwitch phones = new FakeSwitch();
    /** What agents' consoles were told: "1001 RINGING", "1001 READY" ... */
    final List<String> published = new ArrayList<>();
    /** Overflows handed to the callflow: "c1 IVR survey from hotline". */
    final List<String> overflowed = new ArrayList<>();
    final List<String> audited = new ArrayList<>();
    final List<String> assigned = new ArrayList<>();
    /** Callbacks the switch would not place, as the outbound side was told: "42:1 why". */
    final List<String> notDialled = new ArrayList<>();
    /** The dial policy the ACD asks before it dials a callback: permits everything unless a test says otherwise. */
    DialCheck callbackDialCheck = (person, roles, number, path, sourceAddress) -> {
    };

    public final RoutingState state = new RoutingState();
    public final AgentSessions sessions = new AgentSessions();
    public final Offers offers = new Offers();
    final DirectCalls directCalls = new DirectCalls();
    final AcdCallEvents callEvents = new AcdCallEvents();
    final AcdClock acdClock = new AcdClock();
    /** Who owns each call (the queue, the agent, the goodbye), as the ACD hands calls on. */
    public final CallSessions calls = new CallSessions();
    final CallerPrompts prompts = new CallerPrompts(calls);

    private final List<CallQueue> queues;

    public AcdBeans(CallQueue... queues) {
        this.queues = List.of(queues);
        db.answer(this::query);
        AgentNotifications notifications = new AgentNotifications() {
            @Override
            public void publish(String jobNumber, String what) {
                published.add(jobNumber + " " + what);
            }
        };
        state.em = db.em;
        state.notifications = notifications;
        state.clock = clock;

        sessions.em = db.em;
        sessions.state = state;
        sessions.offers = offers;
        sessions.notifications = notifications;
        sessions.dialPolicy = (person, roles, number, path, sourceAddress) -> {
        };
        sessions.audit = new AuditLog() {
            @Override
            public void record(String actor, String action, String target, AuditOutcome outcome, String detail,
                               String sourceAddress) {
                audited.add(actor + " " + action + " " + target);
            }
        };

        offers.em = db.em;
        offers.switchFactory = phones;
        offers.state = state;
        offers.notifications = notifications;
        offers.calls = calls;
        offers.callbackOutcomes = (ref, code, why, retryAt) -> notDialled.add(ref + " " + code + " " + why
                + (retryAt == null ? "" : " until " + retryAt));
        offers.dialPolicy = (person, roles, number, path, sourceAddress) -> callbackDialCheck.check(person, roles, number, path,
                sourceAddress);
        offers.cdr = (callRef, queueCode, agentJobNumber) -> assigned.add(callRef + " " + queueCode + " " + agentJobNumber);
        offers.stickyAgents = new StickyAgents() {
            @Override
            public void remember(String ani, String jobNumber, Instant at) {
            }

            @Override
            public Optional<String> lastAgentOf(String ani, Instant since) {
                return Optional.empty();
            }
        };
        offers.callbackJobs = new CallbackRequests() {
            @Override
            public void enqueue(JsonObject job, String correlationId) {
            }
        };

        directCalls.em = db.em;
        directCalls.switchFactory = phones;
        directCalls.state = state;
        directCalls.offers = offers;
        directCalls.sessions = sessions;
        directCalls.calls = calls;
        directCalls.prompts = prompts;

        callEvents.state = state;
        callEvents.offers = offers;
        callEvents.directCalls = directCalls;

        acdClock.switchFactory = phones;
        acdClock.state = state;
        acdClock.offers = offers;
        acdClock.prompts = prompts;

    }

    /** Starts the routing state as the container does at deployment. */
    public AcdBeans start() {
        state.start();
        return this;
    }

    private Object query(String jpql, Map<Object, Object> parameters) {
        if (jpql.startsWith("select r.code from NotReadyReason")) {
            return List.of("lunch", "meeting");
        }
        if (jpql.startsWith("select q from CallQueue")) {
            return queues;
        }
        return null;
    }

    // ------------------------------------------------------------------ the centre's configuration

    /** A queue served by agents with {@code skill} (any level), ringing {@code ronaSeconds} before RONA. */
    public static CallQueue queue(String code, String skill, int ronaSeconds, int wrapUpSeconds) {
        CallQueue q = newInstance(CallQueue.class);
        set(q, "code", code);
        set(q, "strategy", RoutingStrategy.LONGEST_IDLE);
        set(q, "requiredSkills", new HashMap<>(Map.of(skill, 1)));
        set(q, "ronaSeconds", ronaSeconds);
        set(q, "wrapUpSeconds", wrapUpSeconds);
        return q;
    }

    /** The queue's callers overflow after {@code maxWaitSeconds}: to {@code queue}, or by {@code kind} (IVR, VOICEMAIL). */
    static CallQueue overflowing(CallQueue q, int maxWaitSeconds, String toQueue, String kind, String flow) {
        set(q, "maxWaitSeconds", maxWaitSeconds);
        set(q, "overflowQueue", toQueue);
        set(q, "overflowKind", kind);
        set(q, "overflowFlow", flow);
        return q;
    }

    /** An agent with its desk phone, both known to the database. */
    public Agent agent(String jobNumber, String extension, String... skills) {
        Agent a = newInstance(Agent.class);
        set(a, "jobNumber", jobNumber);
        set(a, "extension", extension);
        set(a, "skills", new ArrayList<>(Arrays.stream(skills).map(s -> new SkillLevel(s, 5)).toList()));
        PhoneExtension desk = newInstance(PhoneExtension.class);
        set(desk, "extension", extension);
        db.put(extension, desk);
        return db.put(jobNumber, a);
    }

    /** Logs the agent in at its desk and makes it READY. */
    void ready(String jobNumber, String extension) {
        sessions.login(jobNumber, extension);
        sessions.ready(jobNumber);
    }

    // ------------------------------------------------------------------ the switch's events

    /** The caller's leg of a call: the trunk side. */
    public static ConnectionId caller(String callId) {
        return new ConnectionId(new CallId(callId), new DeviceId("trunk"));
    }

    static ConnectionId leg(String callId, String device) {
        return new ConnectionId(new CallId(callId), new DeviceId(device));
    }

    boolean answeredAt(String callId, String device) {
        return callEvents.onCallEvent(new CallEvent.Established(new CallId(callId), clock.instant(), leg(callId, device)));
    }

    boolean hungUp(String callId, String device, boolean callEnded) {
        return callEvents.onCallEvent(new CallEvent.Cleared(new CallId(callId), clock.instant(), leg(callId, device),
                ClearCause.NORMAL, callEnded));
    }

    /** The clock moves on one second at a time, ticking each second as the timer service does. */
    void seconds(int n) {
        for (int i = 0; i < n; i++) {
            clock.advanceSeconds(1);
            acdClock.tick().forEach(o -> overflowed.add(o.call().value() + " " + o.kind() + " " + o.target() + " from " + o.fromQueue()));
        }
    }

    // ------------------------------------------------------------------ entities without their constructors

    private static <T> T newInstance(Class<T> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
