package org.kefu.acd.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The router's live record of one agent. It outlives a logout so that "calls today" survives hot
 * desking. Mutable and confined to the router's lock.
 * <p>
 * Rule that keeps the indexes sound: the fields the strategies sort by ({@link #idleSince},
 * {@link #callsAnsweredToday}, {@link #roundRobinTurn}, {@link #skills}) change only while the agent
 * is not READY, i.e. not inside any queue's sorted set of ready agents.
 */
final class LiveAgent {

    final String jobNumber;
    String extension;
    Map<String, Integer> skills = Map.of();
    AgentState state = AgentState.LOGGED_OUT;
    NotReadyReason reason;
    Instant stateSince;
    /** Since when the agent has been free: last call's end, or login; LONGEST_IDLE sorts by it. */
    Instant idleSince;
    Instant lastCallEndedAt;
    int callsAnsweredToday;
    /** The queues this agent serves while logged in. */
    final List<LiveQueue> queues = new ArrayList<>();
    /** Per queue code: the router's sequence number when this agent last got a call from it. */
    final Map<String, Long> roundRobinTurn = new HashMap<>();
    /** The call ringing at (RESERVED) or talked on by (TALKING) this agent. */
    QueuedCall call;
    Instant answeredAt;
    /** For a direct call taken while NOT_READY: the reason to go back to when it ends (else null). */
    NotReadyReason returnTo;
    /** True while {@link #call} is a direct call (transfer or consultation), not a queue's offer. */
    boolean direct;
    /** When timed wrap-up ends ({@code null}: until the agent ends it). */
    Instant wrapUpUntil;

    LiveAgent(String jobNumber) {
        this.jobNumber = jobNumber;
    }

    long turnIn(String queueCode) {
        return roundRobinTurn.getOrDefault(queueCode, 0L);
    }

    AgentSnapshot snapshot() {
        List<String> codes = new ArrayList<>(queues.size());
        queues.forEach(q -> codes.add(q.definition.code()));
        return new AgentSnapshot(jobNumber, extension, skills, state,
                reason == null ? null : reason.code(), stateSince, lastCallEndedAt, callsAnsweredToday,
                java.util.Set.copyOf(codes), call == null ? null : call.call().callId(), wrapUpUntil);
    }

    @Override
    public String toString() {
        return "Agent " + jobNumber + " (" + state + ")";
    }
}
