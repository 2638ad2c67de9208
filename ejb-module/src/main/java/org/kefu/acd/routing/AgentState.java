package org.kefu.acd.routing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an agent is in the working day. The allowed moves are written here, in one place,
 * so that a wrong call event (say "answered" for an agent whose phone is not ringing) is refused
 * instead of silently corrupting the routing indexes.
 */
public enum AgentState {
    /** Not at a desk; owns no extension. */
    LOGGED_OUT,
    /** Waiting for a call: the only state in which the router offers calls. */
    READY,
    /** Logged in but not taking calls, always with a reason code. */
    NOT_READY,
    /** A call has been offered and the agent's phone is ringing. */
    RESERVED,
    /** On a call. */
    TALKING,
    /** After-call work: for the queue's wrap-up time, or until the agent ends it. */
    WRAP_UP,
    /** Seat locked while the agent is away; still logged in, takes no calls. */
    LOCKED;

    /** True when an agent in this state may move to {@code next}. */
    public boolean canMoveTo(AgentState next) {
        return successors().contains(next);
    }

    /** The states reachable in one step; a call in progress (RESERVED, TALKING) must finish first. */
    public Set<AgentState> successors() {
        return switch (this) {
            case LOGGED_OUT -> EnumSet.of(NOT_READY);
            case READY -> EnumSet.of(RESERVED, NOT_READY, LOCKED, LOGGED_OUT);
            // NOT_READY -> NOT_READY changes the reason code; -> RESERVED: a call transferred to the
            // agent by job number, or a colleague's consultation (a direct call, see Router#directCall).
            case NOT_READY -> EnumSet.of(READY, NOT_READY, LOCKED, LOGGED_OUT, RESERVED);
            // -> NOT_READY: ring no answer; -> READY: the caller hung up while it rang.
            case RESERVED -> EnumSet.of(TALKING, NOT_READY, READY);
            // -> READY directly when the queue has no wrap-up time; -> NOT_READY: back to the reason
            // the agent had before a direct call.
            case TALKING -> EnumSet.of(WRAP_UP, READY, NOT_READY);
            case WRAP_UP -> EnumSet.of(READY, NOT_READY, LOCKED, LOGGED_OUT, RESERVED);
            // Unlocking returns to NOT_READY: the agent says "ready" deliberately.
            case LOCKED -> EnumSet.of(NOT_READY, LOGGED_OUT);
        };
    }
}
