package org.kefu.tickets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketStatusTest {

    @Test
    void workflowAllowsForwardMovesAndReopening() {
        assertTrue(TicketStatus.OPEN.canMoveTo(TicketStatus.IN_PROGRESS));
        assertTrue(TicketStatus.IN_PROGRESS.canMoveTo(TicketStatus.RESOLVED));
        assertTrue(TicketStatus.RESOLVED.canMoveTo(TicketStatus.CLOSED));
        assertTrue(TicketStatus.RESOLVED.canMoveTo(TicketStatus.OPEN));
    }

    @Test
    void closedIsFinalAndNoStatusMovesToItself() {
        for (TicketStatus s : TicketStatus.values()) {
            assertFalse(TicketStatus.CLOSED.canMoveTo(s));
            assertFalse(s.canMoveTo(s));
        }
        assertFalse(TicketStatus.IN_PROGRESS.canMoveTo(TicketStatus.CLOSED));
    }
}
