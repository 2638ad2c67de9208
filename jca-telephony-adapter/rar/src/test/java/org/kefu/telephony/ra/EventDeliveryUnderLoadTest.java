package org.kefu.telephony.ra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallEventListener;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;

/**
 * The wedge of issue 13, rebuilt in miniature: two event threads and two SIP-work threads, a burst
 * of events from a "SIP thread" and a "media clock" at once, and a listener that does what the
 * callflow bean did when the switch wedged: from inside a delivery it clears the call, which hands
 * work to the SIP pool, which emits the call's Cleared event back into the dispatcher. With the
 * container's blocking WorkManager that cycle deadlocked; here every event arrives, in order per
 * call, and no producer ever waits.
 */
class EventDeliveryUnderLoadTest {

    private static final int CALLS = 2_000;
    private static final int EVENTS_PER_PRODUCER = 3;

    private final WorkerPool eventThreads = new WorkerPool("test-events", 2);
    private final WorkerPool sipThreads = new WorkerPool("test-sip", 2);
    private final EventDispatcher dispatcher = new EventDispatcher(eventThreads);

    @AfterEach
    void stop() {
        dispatcher.stop(1000);
        sipThreads.shutdown(1000);
    }

    @Test
    void aBurstWithReentrantListenersIsDeliveredInOrderAndNobodyBlocks() throws Exception {
        int expected = CALLS * (2 * EVENTS_PER_PRODUCER + 1);
        CountDownLatch delivered = new CountDownLatch(expected);
        Map<CallId, List<String>> seen = new ConcurrentHashMap<>();
        dispatcher.activate(new Factory(event -> {
            seen.computeIfAbsent(event.call(), k -> new CopyOnWriteArrayList<>()).add(label(event));
            if (event instanceof CallEvent.PromptFinished p && p.to().device().value().equals("clock-" + (EVENTS_PER_PRODUCER - 1))) {
                // the callflow's promptFinished -> clearCall -> SipCall.end -> more work and an event
                sipThreads.execute(() -> dispatcher.dispatch(new CallEvent.Cleared(event.call(), Instant.now(),
                        new ConnectionId(event.call(), new DeviceId("caller")), ClearCause.NORMAL, true)));
            }
            if (event.call().value().endsWith("7")) {
                sleepQuietly(); // some deliveries are slow, as a database write can be
            }
            delivered.countDown();
        }));

        AtomicLong slowestDispatchNanos = new AtomicLong();
        Thread sip = producer("sip", i -> new CallEvent.Established(call(i), Instant.now(),
                new ConnectionId(call(i), new DeviceId("sip-" + i))), slowestDispatchNanos);
        Thread clock = producer("clock", i -> new CallEvent.PromptFinished(call(i), Instant.now(),
                new ConnectionId(call(i), new DeviceId("clock-" + i)), CallEvent.PromptEnd.COMPLETED), slowestDispatchNanos);
        sip.start();
        clock.start();
        sip.join(10_000);
        clock.join(10_000);
        assertThat(sip.isAlive() || clock.isAlive()).as("producers finished their burst").isFalse();

        assertThat(delivered.await(60, TimeUnit.SECONDS)).as("every event delivered").isTrue();
        // A producer is the SIP stack or the media clock: it hands over and goes on, it never waits for a worker.
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowestDispatchNanos.get())).isLessThan(500);
        assertThat(seen).hasSize(CALLS);
        for (List<String> events : seen.values()) {
            assertThat(events).hasSize(2 * EVENTS_PER_PRODUCER + 1);
            assertThat(events.stream().filter(e -> e.startsWith("sip")).toList()).isSorted();
            assertThat(events.stream().filter(e -> e.startsWith("clock")).toList()).isSorted();
            assertThat(events.indexOf("cleared")).isGreaterThan(events.indexOf("clock-" + (EVENTS_PER_PRODUCER - 1))); // after its cause
        }
        assertThat(dispatcher.waitingEvents()).isZero();
    }

    @Test
    void theWatchdogSeesADeliveryThatNeverReturnsAndClearsWhenItDoes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        dispatcher.activate(new Factory(event -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Watchdog watchdog = new Watchdog(List.of(eventThreads, sipThreads), 300);
        dispatcher.dispatch(new CallEvent.Established(call(1), Instant.now(), new ConnectionId(call(1), new DeviceId("a"))));
        dispatcher.dispatch(new CallEvent.Established(call(2), Instant.now(), new ConnectionId(call(2), new DeviceId("b"))));
        dispatcher.dispatch(new CallEvent.Established(call(3), Instant.now(), new ConnectionId(call(3), new DeviceId("c"))));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        watchdog.check();
        assertThat(watchdog.problem()).isNull();
        Thread.sleep(500);
        watchdog.check();
        assertThat(watchdog.problem()).contains("test-events").contains("waiting");
        release.countDown();
        long deadline = System.currentTimeMillis() + 5000;
        while (dispatcher.waitingEvents() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(50);
        watchdog.check();
        assertThat(watchdog.problem()).isNull();
    }

    private Thread producer(String name, java.util.function.IntFunction<CallEvent> event, AtomicLong slowest) {
        return new Thread(() -> {
            for (int round = 0; round < EVENTS_PER_PRODUCER; round++) {
                for (int i = 0; i < CALLS; i++) {
                    CallEvent e = event.apply(round);
                    CallEvent forCall = retarget(e, call(i));
                    long t0 = System.nanoTime();
                    dispatcher.dispatch(forCall);
                    slowest.accumulateAndGet(System.nanoTime() - t0, Math::max);
                }
            }
        }, name);
    }

    private static CallEvent retarget(CallEvent e, CallId call) {
        if (e instanceof CallEvent.Established est) {
            return new CallEvent.Established(call, est.at(), new ConnectionId(call, est.answering().device()));
        }
        CallEvent.PromptFinished p = (CallEvent.PromptFinished) e;
        return new CallEvent.PromptFinished(call, p.at(), new ConnectionId(call, p.to().device()), p.end());
    }

    private static String label(CallEvent e) {
        if (e instanceof CallEvent.Established est) {
            return est.answering().device().value();
        }
        if (e instanceof CallEvent.PromptFinished p) {
            return p.to().device().value();
        }
        return "cleared";
    }

    private static CallId call(int i) {
        return new CallId("call-" + i);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(0, 200_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The container's side of an activated message-driven bean, reduced to what the dispatcher uses. */
    private static final class Factory implements MessageEndpointFactory {

        private final Consumer<CallEvent> listener;

        Factory(Consumer<CallEvent> listener) {
            this.listener = listener;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa) {
            return new Endpoint(listener);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa, long timeout) {
            return new Endpoint(listener);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "test-listener";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }
    }

    private static final class Endpoint implements MessageEndpoint, CallEventListener {

        private final Consumer<CallEvent> listener;

        Endpoint(Consumer<CallEvent> listener) {
            this.listener = listener;
        }

        @Override
        public void onCallEvent(CallEvent event) {
            listener.accept(event);
        }

        @Override
        public void beforeDelivery(Method method) {
        }

        @Override
        public void afterDelivery() {
        }

        @Override
        public void release() {
        }
    }
}
