package org.kefu.acd.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent state machine: allowed moves, and the router refusing the others. */
class AgentStateTest {

    private final MutableClock clock = new MutableClock(DemoCenter.MORNING);
    private final Router router = DemoCenter.router(clock);

    @Test
    void theTableAllowsTheWorkingDayAndNothingElse() {
        assertThat(AgentState.LOGGED_OUT.successors()).containsExactly(AgentState.NOT_READY);
        assertThat(AgentState.READY.canMoveTo(AgentState.RESERVED)).isTrue();
        assertThat(AgentState.RESERVED.canMoveTo(AgentState.TALKING)).isTrue();
        assertThat(AgentState.TALKING.canMoveTo(AgentState.WRAP_UP)).isTrue();
        assertThat(AgentState.WRAP_UP.canMoveTo(AgentState.READY)).isTrue();
        assertThat(AgentState.LOCKED.canMoveTo(AgentState.NOT_READY)).isTrue();

        assertThat(AgentState.TALKING.canMoveTo(AgentState.LOGGED_OUT)).isFalse();
        assertThat(AgentState.RESERVED.canMoveTo(AgentState.LOGGED_OUT)).isFalse();
        assertThat(AgentState.LOCKED.canMoveTo(AgentState.READY)).isFalse();
        assertThat(AgentState.NOT_READY.canMoveTo(AgentState.TALKING)).isFalse();
        assertThat(AgentState.LOGGED_OUT.canMoveTo(AgentState.READY)).isFalse();
        assertThat(AgentState.READY.canMoveTo(AgentState.READY)).isFalse();
    }

    @Test
    void answeringWithoutARingingCallIsRefused() {
        DemoCenter.ready(router, clock, "1001");

        assertThatThrownBy(() -> router.offerAnswered("1001"))
                .isInstanceOf(IllegalAgentStateException.class)
                .hasMessageContaining("1001").hasMessageContaining("READY").hasMessageContaining("TALKING");
    }

    @Test
    void loggingOutDuringACallIsRefused() {
        DemoCenter.ready(router, clock, "1001");
        router.enqueue(WaitingCall.of("c1", "banking", clock.instant()));

        assertThatThrownBy(() -> router.logout("1001")).isInstanceOf(IllegalAgentStateException.class);
        router.offerAnswered("1001");
        IllegalAgentStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalAgentStateException.class, () -> router.logout("1001"));
        assertThat(refused.getFrom()).isEqualTo(AgentState.TALKING);
        assertThat(refused.getTo()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void aRingingAgentCannotJustGoReadyOrNotReady() {
        DemoCenter.ready(router, clock, "1001");
        router.enqueue(WaitingCall.of("c1", "banking", clock.instant()));

        assertThatThrownBy(() -> router.agentNotReady("1001", "break")).isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> router.agentReady("1001")).isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> router.callEnded("1001")).isInstanceOf(IllegalAgentStateException.class);
        assertThat(router.agentStatus("1001").orElseThrow().offeredCallId()).isEqualTo("c1");
    }

    @Test
    void aLockedSeatOpensOnlyThroughUnlock() {
        DemoCenter.ready(router, clock, "1001");
        router.lock("1001");

        assertThatThrownBy(() -> router.agentReady("1001")).isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> router.agentNotReady("1001", "break")).isInstanceOf(IllegalAgentStateException.class);
        // Locked agents are still logged in: calls queue for them.
        assertThat(router.enqueue(WaitingCall.of("c1", "banking", clock.instant())).outcome())
                .isEqualTo(EnqueueResult.Outcome.QUEUED);

        router.unlock("1001");
        assertThat(router.agentStatus("1001").orElseThrow().reason()).isEqualTo("unlocked");
        assertThat(router.agentReady("1001")).isPresent();
    }

    @Test
    void refusingOrEndingWhatIsNotThereIsRefused() {
        DemoCenter.login(router, "1001");

        assertThatThrownBy(() -> router.offerRefused("1001")).isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> router.wrapUpDone("1001")).isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> router.unlock("1001")).isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> DemoCenter.login(router, "1001")).isInstanceOf(IllegalAgentStateException.class);
        assertThatThrownBy(() -> router.agentReady("9999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyConfiguredNotReadyReasonsAreAccepted() {
        DemoCenter.login(router, "1001");

        assertThatThrownBy(() -> router.agentNotReady("1001", "nap"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nap").hasMessageContaining("lunch");
        router.agentNotReady("1001", "lunch");
        assertThat(router.agentStatus("1001").orElseThrow().reason()).isEqualTo("lunch");
        assertThat(NotReadyReasons.of("coaching").codes()).contains("coaching", "no-answer").doesNotContain("lunch");
    }
}
