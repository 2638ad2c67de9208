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

    /** True while the call rings at the device of {@code leg}. */
    synchronized boolean ringsAt(ConnectionId leg) {
        return phase == Phase.RINGING && leg.device().value().equals(extension);
    }
}
