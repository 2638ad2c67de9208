package org.kefu.tickets;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kefu.tickets.TicketAction.ACCEPT;
import static org.kefu.tickets.TicketAction.ANSWER;
import static org.kefu.tickets.TicketAction.CLOSE;
import static org.kefu.tickets.TicketAction.CO_HANDLE;
import static org.kefu.tickets.TicketAction.DISPATCH;
import static org.kefu.tickets.TicketAction.INFORM;
import static org.kefu.tickets.TicketAction.REOPEN;
import static org.kefu.tickets.TicketAction.RETURN;
import static org.kefu.tickets.TicketAction.START;
import static org.kefu.tickets.TicketAction.TRANSFER;
import static org.kefu.tickets.TicketAction.VISIT;
import static org.kefu.tickets.TicketStatus.ACCEPTED;
import static org.kefu.tickets.TicketStatus.ANSWERED;
import static org.kefu.tickets.TicketStatus.CLOSED;
import static org.kefu.tickets.TicketStatus.DISPATCHED;
import static org.kefu.tickets.TicketStatus.INFORMED;
import static org.kefu.tickets.TicketStatus.IN_PROGRESS;
import static org.kefu.tickets.TicketStatus.NEW;
import static org.kefu.tickets.TicketStatus.VISITED;

/** The lifecycle of issue 17 as a table: who may do what from where, and where it goes. */
class TicketActionTest {

    @Test
    void theWholeWayThroughADepartment() {
        TicketStatus s = NEW;
        for (TicketAction a : new TicketAction[]{ACCEPT, DISPATCH, START, ANSWER, INFORM, VISIT, CLOSE}) {
            assertThat(a.allowedFrom(s)).as(a + " from " + s).isTrue();
            s = a.target(s, true);
        }
        assertThat(s).isEqualTo(CLOSED);
    }

    @Test
    void waitingForTheCustomerStopsTheClockAndResumingGoesBackToWhoeverWaited() {
        assertThat(TicketAction.WAIT.target(IN_PROGRESS, true)).isEqualTo(TicketStatus.WAITING);
        assertThat(TicketAction.RESUME.target(TicketStatus.WAITING, true)).isEqualTo(IN_PROGRESS);
        assertThat(TicketAction.RESUME.target(TicketStatus.WAITING, false)).isEqualTo(ACCEPTED);
        assertThat(TicketStatus.WAITING.clockRuns()).isFalse();
        assertThat(TicketStatus.WAITING.awaitsAnswer()).as("a repeat is still linked to it").isTrue();
        assertThat(TicketAction.WAIT.needsNote(IN_PROGRESS)).as("what the customer is to bring").isTrue();
    }

    @Test
    void aClosedTicketTakesNoActionAtAll() {
        for (TicketAction a : TicketAction.values()) {
            assertThat(a.allowedFrom(CLOSED)).as(a.name()).isFalse();
        }
    }

    @Test
    void returnedTicketsGoBackToTheCentreAndReopenedOnesToTheirDepartmentIfTheyHadOne() {
        assertThat(RETURN.target(IN_PROGRESS, true)).isEqualTo(ACCEPTED);
        assertThat(REOPEN.target(INFORMED, true)).isEqualTo(DISPATCHED);
        assertThat(REOPEN.target(ANSWERED, false)).isEqualTo(ACCEPTED);
        assertThat(TRANSFER.target(IN_PROGRESS, true)).isEqualTo(DISPATCHED);
        assertThat(CO_HANDLE.target(IN_PROGRESS, true)).isEqualTo(IN_PROGRESS);
    }

    @Test
    void eachSideHasItsOwnActions() {
        assertThat(EnumSet.allOf(TicketAction.class).stream().filter(a -> a.mayBeTakenBy(true)))
                .containsExactlyInAnyOrder(START, RETURN, ANSWER, TicketAction.WAIT, TicketAction.RESUME);
        assertThat(EnumSet.allOf(TicketAction.class).stream().filter(a -> a.mayBeTakenBy(false)))
                .doesNotContain(START, RETURN).contains(ACCEPT, DISPATCH, TRANSFER, CO_HANDLE, ANSWER, INFORM, VISIT, CLOSE, REOPEN);
    }

    @Test
    void nobodyEscalatesByHandKefuDoes() {
        assertThat(TicketAction.ESCALATE.mayBeTakenBy(true)).isFalse();
        assertThat(TicketAction.ESCALATE.mayBeTakenBy(false)).isFalse();
        assertThat(EnumSet.allOf(TicketStatus.class).stream().filter(TicketAction.ESCALATE::allowedFrom)).isEmpty();
    }

    @Test
    void reasonsAreNeededWhereSomeoneElseMustUnderstandTheStep() {
        assertThat(RETURN.needsNote(DISPATCHED)).isTrue();
        assertThat(TRANSFER.needsNote(IN_PROGRESS)).isTrue();
        assertThat(REOPEN.needsNote(VISITED)).isTrue();
        assertThat(ANSWER.needsNote(IN_PROGRESS)).isTrue();
        assertThat(CLOSE.needsNote(NEW)).as("closing an unanswered ticket").isTrue();
        assertThat(CLOSE.needsNote(VISITED)).isFalse();
        assertThat(ACCEPT.needsNote(NEW)).isFalse();
    }

    @Test
    void skippingAStepIsNotAllowed() {
        assertThat(DISPATCH.allowedFrom(NEW)).as("dispatch before accepting").isFalse();
        assertThat(INFORM.allowedFrom(IN_PROGRESS)).as("inform before the answer").isFalse();
        assertThat(VISIT.allowedFrom(ANSWERED)).as("visit before informing").isFalse();
        assertThat(CLOSE.allowedFrom(ANSWERED)).as("close before informing").isFalse();
        assertThat(START.allowedFrom(ACCEPTED)).as("start what was not dispatched").isFalse();
    }

    @Test
    void theIvrsCoarseWordsStayTheOnesItsFlowsTest() {
        assertThat(EnumSet.allOf(TicketStatus.class).stream().map(TicketStatus::phase).distinct())
                .containsExactlyInAnyOrder("OPEN", "RESOLVED", "CLOSED");
        assertThat(IN_PROGRESS.phase()).isEqualTo("OPEN");
        assertThat(INFORMED.phase()).isEqualTo("RESOLVED");
    }
}
