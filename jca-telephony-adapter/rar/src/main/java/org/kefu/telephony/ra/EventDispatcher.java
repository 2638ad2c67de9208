package org.kefu.telephony.ra;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.jboss.logging.Logger;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallEventListener;
import org.kefu.telephony.CallId;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands call events to the activated message endpoints on the adapter's event workers, never on the
 * SIP or media threads, and keeps each call's events in order: one call's events are drained by at
 * most one worker at a time, while different calls proceed in parallel.
 *
 * <p>{@link #dispatch} never blocks and never drops an event of a call: the media clock and the SIP
 * threads call it, and so do message-driven beans through the switch API. The queue is bounded by
 * the calls in progress (one drain task per call with events waiting); the switch refuses new calls
 * when events wait too long ({@link #oldestWaitMillis()}).
 */
final class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);
    private static final Method ON_CALL_EVENT;

    static {
        try {
            ON_CALL_EVENT = CallEventListener.class.getMethod("onCallEvent", CallEvent.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WorkerPool workers;
    private final List<MessageEndpointFactory> endpoints = new CopyOnWriteArrayList<>();
    private final Map<CallId, Deque<CallEvent>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** @param workers the threads that deliver (as many as the endpoints' instance pool, so none waits for one) */
    EventDispatcher(WorkerPool workers) {
        this.workers = workers;
    }

    void stop(long graceMillis) {
        workers.shutdown(graceMillis);
        synchronized (pending) {
            pending.clear();
            waiting.set(0);
        }
    }

    void activate(MessageEndpointFactory factory) {
        endpoints.add(factory);
    }

    void deactivate(MessageEndpointFactory factory) {
        endpoints.remove(factory);
    }

    /** True when some application listens: without one, the switch refuses new calls. */
    boolean hasListeners() {
        return !endpoints.isEmpty();
    }

    /** Events handed over and not yet delivered. */
    int waitingEvents() {
        return waiting.get();
    }

    /** How long the oldest call with events has waited for a worker, in milliseconds. */
    long oldestWaitMillis() {
        return workers.oldestWaitMillis();
    }

    /** How long the longest delivery in progress has run, in milliseconds. */
    long longestDeliveryMillis() {
        return workers.longestRunMillis();
    }

    WorkerPool workers() {
        return workers;
    }

    void dispatch(CallEvent event) {
        if (endpoints.isEmpty()) {
            LOG.debugf("No call-event listener for %s", event.getClass().getSimpleName());
            return;
        }
        boolean startDrain;
        synchronized (pending) {
            Deque<CallEvent> queue = pending.get(event.call());
            startDrain = queue == null;
            if (startDrain) {
                queue = new ArrayDeque<>();
                pending.put(event.call(), queue);
            }
            queue.add(event);
            waiting.incrementAndGet();
        }
        if (startDrain) {
            try {
                workers.execute(new Drain(event.call()));
            } catch (RejectedExecutionException stopped) {
                synchronized (pending) {
                    Deque<CallEvent> dropped = pending.remove(event.call());
                    waiting.addAndGet(dropped == null ? 0 : -dropped.size());
                }
                LOG.debugf("Adapter stopping: events of %s not delivered", event.call());
            }
        }
    }

    private CallEvent next(CallId call) {
        synchronized (pending) {
            Deque<CallEvent> queue = pending.get(call);
            CallEvent e = queue == null ? null : queue.poll();
            if (e == null) {
                pending.remove(call);
            } else {
                waiting.decrementAndGet();
            }
            return e;
        }
    }

    private void deliver(CallEvent event) {
        for (MessageEndpointFactory factory : endpoints) {
            MessageEndpoint endpoint = null;
            try {
                endpoint = factory.createEndpoint(null);
                endpoint.beforeDelivery(ON_CALL_EVENT);
                try {
                    ((CallEventListener) endpoint).onCallEvent(event);
                } finally {
                    endpoint.afterDelivery();
                }
            } catch (UnavailableException e) {
                LOG.warnf("Call-event listener unavailable for %s: %s", event.call(), e.getMessage());
            } catch (Exception | Error e) {
                // One failing listener must not stop the call's other events.
                LOG.errorf(e, "Call-event listener failed on %s of %s", event.getClass().getSimpleName(), event.call());
            } finally {
                if (endpoint != null) {
                    endpoint.release();
                }
            }
        }
    }

    private final class Drain implements Runnable {

        private final CallId call;

        Drain(CallId call) {
            this.call = call;
        }

        @Override
        public void run() {
            for (CallEvent e = next(call); e != null; e = next(call)) {
                deliver(e);
            }
        }
    }
}
