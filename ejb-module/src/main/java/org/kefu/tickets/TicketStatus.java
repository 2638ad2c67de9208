package org.kefu.tickets;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a work order stands: new → accepted by the centre → dispatched to a department → in
 * progress there → answered → customer informed → visited → closed. Which action may move it on
 * from where is {@link TicketAction}'s to say.
 */
public enum TicketStatus {
    NEW, ACCEPTED, DISPATCHED, IN_PROGRESS, ANSWERED, INFORMED, VISITED, CLOSED;

    /** Still waiting for its answer: the statuses a repeat is linked to and whose deadlines run. */
    public static final Set<TicketStatus> AWAITING_ANSWER = EnumSet.of(NEW, ACCEPTED, DISPATCHED, IN_PROGRESS);

    public boolean awaitsAnswer() {
        return AWAITING_ANSWER.contains(this);
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
