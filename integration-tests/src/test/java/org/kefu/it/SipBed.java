package org.kefu.it;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SIP test bed of one test, as a JUnit 5 extension ({@code @RegisterExtension final SipBed bed
 * = new SipBed();}): the sipp desk phones and callers the test started and what it asked to undo
 * (agents to log out, rows to restore). After each test, passed or failed, every sipp is stopped and
 * every undo step runs, newest first, so the next test finds the demo centre as it was: the suite
 * deploys Kefu once and runs its classes in any order. It runs where the test runs, in the server
 * for probe tests (the probe carries it: {@link #addTo}) or on the client.
 */
final class SipBed implements AfterEachCallback {

    /** How long an undo step is retried while it throws: a call may still be ending. */
    private static final Duration UNDO_PATIENCE = Duration.ofSeconds(20);
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    /** A step that may throw, run after the test. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final List<Sipp> sipps = new ArrayList<>();
    private final Deque<Map.Entry<String, Step>> undo = new ArrayDeque<>();

    /** The probe WAR with this bed, sipp and the waits they use. */
    static WebArchive addTo(WebArchive probe) {
        return probe.addClasses(SipBed.class, SipBed.Step.class, Sipp.class)
                .addPackages(true, "org.awaitility", "org.hamcrest");
    }

    /** A sipp caller (or any scenario on a port of its own), stopped after the test. */
    Sipp start(String scenario, Map<String, String> values) throws Exception {
        return track(Sipp.start(scenario, values));
    }

    /** As {@link #start(String, Map)} on a given port (the outside world on the test trunk, say). */
    Sipp start(String scenario, Map<String, String> values, int port) throws Exception {
        return track(Sipp.start(scenario, values, port));
    }

    /** As {@link #start(String, Map, int)}, with more of sipp's options. */
    Sipp start(String scenario, Map<String, String> values, int port, List<String> options) throws Exception {
        return track(Sipp.start(scenario, values, port, options));
    }

    /** Stops this sipp after the test too. */
    Sipp track(Sipp sipp) {
        sipps.add(sipp);
        return sipp;
    }

    /**
     * A desk phone as sipp can be one: a first sipp registers the extension (digest auth) from a
     * port, then a second sipp on that same port runs the scenario (answers, rings out ...), with
     * {@code values} filling its placeholders ({@code ext} is set here).
     */
    Sipp deskPhone(SwitchConnectionFactory switches, String ext, String scenario, Map<String, String> values) throws Exception {
        int port = Sipp.nextPort();
        Sipp register = track(Sipp.start("phone-register.xml", Map.of("ext", ext), port));
        assertEquals(0, register.await(20), ext + " registers: " + register.report());
        await(ext + " registered: " + register.report(), () -> {
            try (SwitchConnection sw = switches.getConnection()) {
                return sw.snapshotDevice(new DeviceId(ext)).registered();
            }
        });
        Map<String, String> all = new HashMap<>(values);
        all.put("ext", ext);
        return track(Sipp.start(scenario, all, port));
    }

    /** The usual desk phone: answers after {@code answerAfter} milliseconds. */
    Sipp deskPhone(SwitchConnectionFactory switches, String ext, String scenario, String answerAfter) throws Exception {
        return deskPhone(switches, ext, scenario, Map.of("answer_after", answerAfter));
    }

    /** Waits until the desk phone talks in a call (a connected party there) and returns that connection. */
    static ConnectionId connectedAt(SwitchConnectionFactory switches, String ext, Sipp caller, Duration atMost) {
        return await(() -> ext + " never talked: " + caller.report(), atMost, () -> {
            try (SwitchConnection sw = switches.getConnection()) {
                return sw.snapshotDevice(new DeviceId(ext)).connections().stream()
                        .filter(p -> p.state() == ConnectionState.CONNECTED)
                        .map(CallSnapshot.Party::connection).findFirst().orElse(null);
            }
        }, c -> true);
    }

    /** Runs {@code step} after the test (newest first), retried while it throws for a few seconds. */
    void afterward(String what, Step step) {
        undo.push(Map.entry(what, step));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        sipps.forEach(Sipp::kill);
        sipps.clear();
        List<String> failed = new ArrayList<>();
        while (!undo.isEmpty()) {
            Map.Entry<String, Step> step = undo.pop();
            try {
                Awaitility.await(step.getKey()).pollInSameThread().atMost(UNDO_PATIENCE)
                        .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> {
                            step.getValue().run();
                            return true;
                        });
            } catch (ConditionTimeoutException e) {
                failed.add(step.getKey() + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new AssertionError("cleanup after the test failed: " + failed);
        }
    }

    /** Waits (in this thread: EJB and JNDI calls need it) until the condition holds; fails after 20 s. */
    static void await(String what, Callable<Boolean> condition) {
        await(what, DEFAULT_WAIT, condition);
    }

    static void await(String what, Duration atMost, Callable<Boolean> condition) {
        Awaitility.await(what).pollInSameThread().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(condition);
    }

    /** As {@link #await(String, Duration, Callable)}, the description made only if the wait fails. */
    static void await(Supplier<String> what, Duration atMost, Callable<Boolean> condition) {
        await(what, atMost, condition, Boolean::booleanValue);
    }

    /** Waits until {@code value} gives something that passes {@code test}, and returns it. */
    static <T> T await(Supplier<String> what, Duration atMost, Callable<T> value, Predicate<T> test) {
        try {
            return Awaitility.await().pollInSameThread().atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(value, v -> v != null && test.test(v));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what.get(), e);
        }
    }
}
