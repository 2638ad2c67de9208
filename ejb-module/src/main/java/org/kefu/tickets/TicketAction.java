package org.kefu.tickets;

import java.util.EnumSet;
import java.util.Set;

import static org.kefu.tickets.TicketStatus.ACCEPTED;
import static org.kefu.tickets.TicketStatus.ANSWERED;
import static org.kefu.tickets.TicketStatus.CLOSED;
import static org.kefu.tickets.TicketStatus.DISPATCHED;
import static org.kefu.tickets.TicketStatus.INFORMED;
import static org.kefu.tickets.TicketStatus.IN_PROGRESS;
import static org.kefu.tickets.TicketStatus.NEW;
import static org.kefu.tickets.TicketStatus.VISITED;
import static org.kefu.tickets.TicketStatus.WAITING;

/**
 * What someone does to a ticket, from which statuses, to which, and by whom: the centre (agents,
 * supervisors) accepts, dispatches, transfers, informs, visits, closes and reopens; the department
 * the ticket is dispatched to takes it (START), returns it to the centre (退单, with its reason) or
 * answers it. The centre may also answer a ticket itself without dispatching it (一次办结).
 * A visit carries what the customer said ({@link TicketWorkflow#visit}).
 */
public enum TicketAction {
    ACCEPT(EnumSet.of(NEW), ACCEPTED, Side.CENTRE, false),
    DISPATCH(EnumSet.of(ACCEPTED), DISPATCHED, Side.CENTRE, false),
    TRANSFER(EnumSet.of(DISPATCHED, IN_PROGRESS), DISPATCHED, Side.CENTRE, true),
    CO_HANDLE(EnumSet.of(DISPATCHED, IN_PROGRESS), null, Side.CENTRE, false),
    START(EnumSet.of(DISPATCHED), IN_PROGRESS, Side.DEPARTMENT, false),
    RETURN(EnumSet.of(DISPATCHED, IN_PROGRESS), ACCEPTED, Side.DEPARTMENT, true),
    ANSWER(EnumSet.of(ACCEPTED, IN_PROGRESS), ANSWERED, Side.EITHER, true),
    /** Waits for the customer (what is needed, as the note): the clock stops. */
    WAIT(EnumSet.of(ACCEPTED, IN_PROGRESS), WAITING, Side.EITHER, true),
    /** The customer came back: the clock runs again, its deadline later by the working days it waited. */
    RESUME(EnumSet.of(WAITING), IN_PROGRESS, Side.EITHER, false),
    INFORM(EnumSet.of(ANSWERED), INFORMED, Side.CENTRE, false),
    /** Satisfied → VISITED; not satisfied → reopened (see {@link #target}). Taken with what the customer said. */
    VISIT(EnumSet.of(INFORMED), VISITED, Side.CENTRE, false),
    CLOSE(EnumSet.of(NEW, INFORMED, VISITED), CLOSED, Side.CENTRE, false),
    REOPEN(EnumSet.of(ANSWERED, INFORMED, VISITED), DISPATCHED, Side.CENTRE, true),
    /** Kefu's own: a warning to the department's head or the centre's supervisors; no one takes it. */
    ESCALATE(EnumSet.noneOf(TicketStatus.class), null, Side.KEFU, false);

    /** Who may take the action. */
    public enum Side { CENTRE, DEPARTMENT, EITHER, KEFU }

    private final Set<TicketStatus> from;
    private final TicketStatus to;
    private final Side side;
    private final boolean needsNote;

    TicketAction(Set<TicketStatus> from, TicketStatus to, Side side, boolean needsNote) {
        this.from = from;
        this.to = to;
        this.side = side;
        this.needsNote = needsNote;
    }

    public boolean allowedFrom(TicketStatus status) {
        return from.contains(status);
    }

    /**
     * Where the ticket goes: the fixed target, except that co-handling leaves it where it is, and a
     * reopened or resumed ticket without a department goes back to the centre.
     */
    public TicketStatus target(TicketStatus current, boolean hasDepartment) {
        if (to == null) {
            return current;
        }
        if ((this == REOPEN || this == RESUME) && !hasDepartment) {
            return ACCEPTED;
        }
        return to;
    }

    public boolean mayBeTakenBy(boolean department) {
        return side == Side.EITHER || side == Side.DEPARTMENT && department || side == Side.CENTRE && !department;
    }

    /** A closing without an answer (a ticket closed as NEW: spam, a wrong number) needs its reason too. */
    public boolean needsNote(TicketStatus current) {
        return needsNote || (this == CLOSE && current == NEW);
    }

    public Set<TicketStatus> from() {
        return from;
    }
}
