package org.kefu.tickets;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a work order stands: new → accepted by the centre → dispatched to a department → in
 * progress there (perhaps waiting for the customer meanwhile) → answered → customer informed →
 * visited → closed. Which action may move it on
 * from where is {@link TicketAction}'s to say.
 */
public enum TicketStatus {
    NEW, ACCEPTED, DISPATCHED, IN_PROGRESS,
    /** Waiting for the customer (documents, an appointment): its clock is paused. */
    WAITING,
    ANSWERED, INFORMED, VISITED, CLOSED;

    /** Still waiting for its answer: the statuses a repeat is linked to. */
    public static final Set<TicketStatus> AWAITING_ANSWER = EnumSet.of(NEW, ACCEPTED, DISPATCHED, IN_PROGRESS, WAITING);

    /** Awaiting the answer with the clock running: the statuses that can be overdue and escalated. */
    public static final Set<TicketStatus> CLOCK_RUNS = EnumSet.of(NEW, ACCEPTED, DISPATCHED, IN_PROGRESS);

    public boolean awaitsAnswer() {
        return AWAITING_ANSWER.contains(this);
    }

    public boolean clockRuns() {
        return CLOCK_RUNS.contains(this);
    }

    /**
     * The coarse word the IVR flows and the public query use (OPEN, RESOLVED, CLOSED), so that a
     * flow written before the detailed statuses still reads them right.
     */
    public String phase() {
        if (awaitsAnswer()) {
            return "OPEN";
        }
        return this == CLOSED ? "CLOSED" : "RESOLVED";
    }
}
