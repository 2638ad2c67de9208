package org.kefu.tickets;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The two columns a ticket keeps for the overdue list and the escalation scan, through its life. */
class TicketScheduleTest {

    private static final Instant OPENED = Instant.parse("2026-12-07T02:00:00Z");
    private static final Instant ACCEPT_BY = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant ANSWER_BY = Instant.parse("2026-12-14T10:00:00Z");

    private Ticket ticket() {
        Ticket t = new Ticket(new NewTicket(null, "13800138000", "REPAIR", "POWER", "停电", null, "AGENT", null, "1001"), OPENED);
        t.deadlines("REPAIR", ACCEPT_BY, ANSWER_BY);
        t.schedule();
        return t;
    }

    @Test
    void newItRunsToBeAcceptedAndTheSupervisorsHearWhenThatIsLate() {
        Ticket t = ticket();
        assertThat(t.getDueAt()).isEqualTo(ACCEPT_BY);
        assertThat(t.getNextEscalationAt()).isEqualTo(ACCEPT_BY);
    }

    @Test
    void withADepartmentTheHeadHearsFirstWhenTheClockTurnsYellowThenTheSupervisorsAtTheDeadline() {
        Ticket t = ticket();
        t.moveTo(TicketStatus.ACCEPTED, OPENED);
        t.schedule();
        assertThat(t.getDueAt()).isEqualTo(ANSWER_BY);
        assertThat(t.getNextEscalationAt()).as("accepted, at the centre: no head to warn").isEqualTo(ANSWER_BY);

        t.moveTo(TicketStatus.DISPATCHED, OPENED);
        t.dispatchTo("POWER", null);
        t.schedule();
        assertThat(t.getNextEscalationAt()).isEqualTo(t.getWarnAt()).isBefore(ANSWER_BY);

        t.escalated(1);
        t.schedule();
        assertThat(t.getNextEscalationAt()).isEqualTo(ANSWER_BY);
        t.escalated(2);
        t.schedule();
        assertThat(t.getNextEscalationAt()).as("both raised").isNull();
        assertThat(t.getDueAt()).as("still overdue-able").isEqualTo(ANSWER_BY);
    }

    @Test
    void nothingRunsWhileItWaitsForTheCustomerOrOnceAnswered() {
        Ticket t = ticket();
        t.moveTo(TicketStatus.WAITING, OPENED);
        t.schedule();
        assertThat(t.getDueAt()).isNull();
        assertThat(t.getNextEscalationAt()).isNull();

        t.moveTo(TicketStatus.ANSWERED, OPENED);
        t.schedule();
        assertThat(t.getDueAt()).isNull();
        assertThat(t.getNextEscalationAt()).isNull();
    }

    @Test
    void reopenedItRunsAgainAndNobodyHasBeenWarnedOfItsNewDeadline() {
        Ticket t = ticket();
        t.escalated(2);
        t.moveTo(TicketStatus.DISPATCHED, OPENED);
        Instant now = ANSWER_BY.plusSeconds(86_400);
        Instant again = now.plusSeconds(5 * 86_400);
        t.reopened(now, again);
        t.schedule();
        assertThat(t.getDueAt()).isEqualTo(again);
        assertThat(t.getNextEscalationAt()).isEqualTo(t.getWarnAt()).isAfter(now).isBefore(again);
    }

    @Test
    void aTicketWithoutTypeHasNoDeadline() {
        Ticket t = new Ticket(new NewTicket(null, null, null, "POWER", "x", null, "IVR", null, null), OPENED);
        t.schedule();
        assertThat(t.getDueAt()).isNull();
        assertThat(t.getNextEscalationAt()).isNull();
    }
}
