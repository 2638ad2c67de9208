package org.kefu.tickets;

/** Where a work order stands. Open → in progress → resolved → closed; resolved may reopen. */
public enum TicketStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED;

    /** The moves the workflow allows; anything else is refused. */
    public boolean canMoveTo(TicketStatus next) {
        switch (this) {
            case OPEN:
                return next == IN_PROGRESS || next == RESOLVED || next == CLOSED;
            case IN_PROGRESS:
                return next == RESOLVED || next == OPEN;
            case RESOLVED:
                return next == CLOSED || next == OPEN;
            default:
                return false;
        }
    }

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
