package org.kefu.acd.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Direct calls: a call transferred to an agent by job number, or a colleague's consultation. The
 * agent is busy for the router while it rings and talks (no second call is offered), then wraps
 * up as after a queue's call, or goes back to not-ready if it was.
 */
class RouterDirectCallTest {

    private final MutableClock clock = new MutableClock(DemoCenter.MORNING);
    private final List<AgentStateChange> history = new ArrayList<>();
    private final Router router = DemoCenter.router(clock, PriorityRule.plusOneEvery(Duration.ofSeconds(30), 5), history::add);

    private AgentSnapshot status(String jobNumber) {
        return router.agentStatus(jobNumber).orElseThrow();
    }

    @Test
    void aReadyAgentWhoTakesATransferredCallIsOfferedNothingElseThenWrapsUp() {
        router.defineQueue(QueueDefinition.of("banking", RoutingStrategy.MOST_SKILLED, Map.of("banking", 3))
                .withWrapUp(Duration.ofSeconds(20)));
        DemoCenter.ready(router, clock, "1001");

        Offer direct = router.directCall("1001", WaitingCall.of("transferred", "banking", clock.instant()));
        assertThat(direct.extension()).isEqualTo("8001");
        assertThat(status("1001").state()).isEqualTo(AgentState.RESERVED);
        assertThat(status("1001").offeredCallId()).isEqualTo("transferred");
        // A caller arriving now waits: the agent's phone rings with the transferred call.
        assertThat(router.enqueue(WaitingCall.of("new", "banking", clock.instant())).outcome())
                .isEqualTo(EnqueueResult.Outcome.QUEUED);

        router.offerAnswered("1001");
        assertThat(status("1001").state()).isEqualTo(AgentState.TALKING);
        clock.advanceSeconds(30);
        assertThat(router.callEnded("1001")).isEmpty();
        assertThat(status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        List<Offer> offers = router.tick(clock.instant().plusSeconds(20));
        assertThat(offers).extracting(o -> o.call().callId()).containsExactly("new");
    }

    @Test
    void aNotReadyAgentConsultedByAColleagueGoesBackToItsReasonAfterwards() {
        DemoCenter.login(router, "1002");
        router.agentNotReady("1002", "break");

        router.directCall("1002", WaitingCall.of("consult", "", clock.instant()));
        router.offerAnswered("1002");
        assertThat(status("1002").state()).isEqualTo(AgentState.TALKING);
        assertThat(router.callEnded("1002")).isEmpty();

        assertThat(status("1002").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(status("1002").reason()).isEqualTo("break");
    }

    @Test
    void aDirectCallThatNeverReachedTheAgentLeavesItAsBefore() {
        DemoCenter.ready(router, clock, "1001");
        DemoCenter.login(router, "1002");
        router.agentNotReady("1002", "lunch");
        router.directCall("1001", WaitingCall.of("a", "", clock.instant()));
        router.directCall("1002", WaitingCall.of("b", "", clock.instant()));

        assertThat(router.directCallFailed("1001")).isEmpty();
        assertThat(router.abandon("b")).isEmpty(); // the caller hung up while it rang

        assertThat(status("1001").state()).isEqualTo(AgentState.READY);
        assertThat(status("1002").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(status("1002").reason()).isEqualTo("lunch");
    }

    @Test
    void aCompletedConsultationMovesTheAgentsCallAndABusyAgentIsRefused() {
        DemoCenter.ready(router, clock, "1001", "1002");
        router.directCall("1002", WaitingCall.of("consultation", "", clock.instant()));
        router.offerAnswered("1002");

        router.directCallMoved("1002", WaitingCall.of("original", "", clock.instant()));
        assertThat(status("1002").offeredCallId()).isEqualTo("original");
        assertThatThrownBy(() -> router.directCall("1001", WaitingCall.of("original", "", clock.instant())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1002");
        assertThatThrownBy(() -> router.directCall("1002", WaitingCall.of("third", "", clock.instant())))
                .isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> router.offerRefused("1002")).isInstanceOf(IllegalAgentStateException.class);

        router.callEnded("1002");
        assertThat(status("1002").state()).isEqualTo(AgentState.READY); // no queue: no wrap-up
        assertThat(status("1002").offeredCallId()).isNull();
    }
}
