package org.kefu.acd;

import org.kefu.acd.routing.WaitingCall;
import org.kefu.telephony.ConnectionId;

import java.time.Instant;

/**
 * Where a call in the ACD stands: one row of the call table ({@link RoutingState#calls()}).
 * Changed under its own monitor. Public only because the ACD's beans pass it to one another
 * through their container views; its fields stay the package's.
 */
public final class AcdCall {

    enum Phase { WAITING, RINGING, TALKING }

    /**
     * How the call reached its agent: a queue's offer, or directly (a blind transfer to the
     * agent by job number, a colleague's consultation call). Direct calls keep the agent busy
     * like offers but stay out of the queues' figures, and have no RONA.
     */
    enum Kind { QUEUE, TRANSFER, CONSULTATION,
        /**
         * A caller's callback request waiting in its queue's order: when offered, Kefu rings the
         * agent's desk and, once answered, dials the customer ({@link #dialled}) from it.
         */
        CALLBACK }

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
    /** CALLBACK: the number to dial, the request and attempt ("42:1"), the switch's call while dialling. */
    String dialled;
    String callbackRef;
    String switchCallId;

    AcdCall(String callId, ConnectionId caller) {
        this.callId = callId;
        this.caller = caller;
    }

    /** The call as the switch knows it: a dialled callback's own call, otherwise this call. */
    synchronized org.kefu.telephony.CallId switchCall() {
        return new org.kefu.telephony.CallId(switchCallId != null ? switchCallId : callId);
    }

    /** True while the call rings at the device of {@code leg}. */
    synchronized boolean ringsAt(ConnectionId leg) {
        return phase == Phase.RINGING && leg.device().value().equals(extension);
    }
}
