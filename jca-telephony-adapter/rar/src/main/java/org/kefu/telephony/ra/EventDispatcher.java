package org.kefu.telephony.ra;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import org.jboss.logging.Logger;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallEventListener;
import org.kefu.telephony.CallId;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands call events to the activated message endpoints on the container's WorkManager, never on
 * the SIP or media threads, and keeps each call's events in order: one call's events are drained
 * by at most one work item at a time, while different calls proceed in parallel.
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

    /** How long to wait before asking a saturated WorkManager again. */
    private static final long RETRY_MILLIS = 20;

    private final WorkManager workManager;
    private final Timer retries;
    private final List<MessageEndpointFactory> endpoints = new CopyOnWriteArrayList<>();
    private final Map<CallId, Deque<CallEvent>> pending = new ConcurrentHashMap<>();

    /** @param retries the container's timer (BootstrapContext.createTimer) for re-scheduling refused work */
    EventDispatcher(WorkManager workManager, Timer retries) {
        this.workManager = workManager;
        this.retries = retries;
    }

    void stop() {
        retries.cancel();
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

    void dispatch(CallEvent event) {
        if (endpoints.isEmpty()) {
            LOG.debugf("No call-event listener for %s", event.getClass().getSimpleName());
            return;
        }
        boolean startDrain;
        Deque<CallEvent> queue;
        synchronized (pending) {
            queue = pending.get(event.call());
            startDrain = queue == null;
            if (startDrain) {
                queue = new ArrayDeque<>();
                pending.put(event.call(), queue);
            }
            queue.add(event);
        }
        if (startDrain) {
            schedule(event.call());
        }
    }

    private void schedule(CallId call) {
        try {
            workManager.scheduleWork(new Drain(call));
        } catch (WorkException e) {
            // The WorkManager is saturated (overload). Dropping the events would leave the call
            // half-handled (never answered, or never cleaned up), so keep them queued and ask
            // again shortly; the switch meanwhile refuses new calls beyond its limit.
            LOG.debugf("Call events of %s wait for a worker: %s", call, e.getMessage());
            try {
                retries.schedule(new TimerTask() {
                    @Override
                    public void run() {
                        schedule(call);
                    }
                }, RETRY_MILLIS);
            } catch (IllegalStateException stopped) {
                synchronized (pending) {
                    pending.remove(call);
                }
            }
        }
    }

    private CallEvent next(CallId call) {
        synchronized (pending) {
            Deque<CallEvent> queue = pending.get(call);
            CallEvent e = queue == null ? null : queue.poll();
            if (e == null) {
                pending.remove(call);
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

    private final class Drain implements Work {

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

        @Override
        public void release() {
            // runs to completion; nothing to interrupt
        }
    }
}
