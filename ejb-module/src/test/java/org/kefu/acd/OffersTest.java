package org.kefu.acd;

import org.kefu.calls.CallOwner;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.telephony.CallId;

class OffersTest {

    private AcdBeans acd;

    @BeforeEach
    void centre() {
        acd = new AcdBeans(AcdBeans.queue("banking", "banking", 10, 0)).start();
        acd.agent("1001", "8001", "banking");
        acd.agent("1002", "8002", "banking");
    }

    private EnqueueResult.Outcome call(String callId) {
        return acd.offers.enqueue(new CallId(callId), AcdBeans.caller(callId), "banking", 0, "42", null);
    }

    @Test
    void aReadyAgentsDeskRingsWithTheCallsData() {
        acd.ready("1001", "8001");

        assertThat(call("c1")).isEqualTo(EnqueueResult.Outcome.OFFERED);

        assertThat(acd.phones.commands).containsSubsequence(
                "attachData c1 {kefu.agent=1001, kefu.customerId=42, kefu.queue=banking, kefu.waitSeconds=0}",
                "routeTo c1 8001");
        assertThat(acd.published).endsWith("1001 RINGING");
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.RESERVED);
        assertThat(acd.db.events(AcdEvent.ENQUEUE)).hasSize(1);
        assertThat(acd.db.events(AcdEvent.OFFER)).singleElement().satisfies(e -> assertThat(e.getJobNumber()).isEqualTo("1001"));
    }

    @Test
    void ronaAfterTheQueuesRingTimeTakesTheCallToTheNextAgent() {
        acd.ready("1001", "8001");
        acd.clock.advanceSeconds(1);
        acd.ready("1002", "8002");
        call("c1");
        assertThat(acd.phones.commands("routeTo")).containsExactly("routeTo c1 8001");

        acd.seconds(9);
        assertThat(acd.db.events(AcdEvent.RONA)).isEmpty();
        acd.seconds(1);

        assertThat(acd.db.events(AcdEvent.RONA)).singleElement().satisfies(e -> assertThat(e.getJobNumber()).isEqualTo("1001"));
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(acd.phones.commands).containsSubsequence("clearConnection c1 8001", "routeTo c1 8002");
        assertThat(acd.sessions.status("1002").state()).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void anUnreachableDeskIsRonaAtOnce() {
        acd.ready("1001", "8001");
        acd.phones.unreachable.add("8001");

        call("c1");

        assertThat(acd.db.events(AcdEvent.RONA)).singleElement().satisfies(e -> assertThat(e.getJobNumber()).isEqualTo("1001"));
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(acd.offers.isWaiting(new CallId("c1"))).isTrue();
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingAbandons() {
        acd.sessions.login("1001", "8001"); // not ready: the caller waits
        call("c1");
        acd.clock.advanceSeconds(12);

        assertThat(acd.hungUp("c1", "trunk", true)).isTrue();

        assertThat(acd.db.events(AcdEvent.ABANDON)).singleElement().satisfies(e -> {
            assertThat(e.getQueueCode()).isEqualTo("banking");
            assertThat(e.getWaitMillis()).isEqualTo(12_000L);
        });
        assertThat(acd.offers.handles(new CallId("c1"))).isFalse();
    }

    @Test
    void aCallerWhoHangsUpWhileRingingFreesTheAgent() {
        acd.ready("1001", "8001");
        call("c1");

        acd.hungUp("c1", "trunk", true);

        assertThat(acd.db.events(AcdEvent.ABANDON)).singleElement().satisfies(e -> assertThat(e.getJobNumber()).isEqualTo("1001"));
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theAnswerIsCountedAndTheAgentsHangUpEndsTheCall() {
        acd.ready("1001", "8001");
        call("c1");
        acd.clock.advanceSeconds(3);

        assertThat(acd.answeredAt("c1", "8001")).isTrue();
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.TALKING);
        assertThat(acd.db.events(AcdEvent.ANSWER)).singleElement().satisfies(e -> assertThat(e.getWaitMillis()).isEqualTo(3_000L));
        assertThat(acd.assigned).containsExactly("c1 banking 1001");
        assertThat(acd.calls.owner(new CallId("c1"))).contains(CallOwner.AGENT);
        assertThat(acd.offers.callOf("1001")).contains("c1");

        acd.clock.advanceSeconds(60);
        assertThat(acd.hungUp("c1", "8001", false)).isTrue();

        assertThat(acd.phones.commands).endsWith("clearCall c1");
        assertThat(acd.db.events(AcdEvent.END)).singleElement().satisfies(e -> assertThat(e.getJobNumber()).isEqualTo("1001"));
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.READY); // the queue has no wrap-up
        assertThat(acd.offers.callOf("1001")).isEmpty();
    }

    @Test
    void aQueueWithoutAgentsRefusesTheCall() {
        assertThat(call("c1")).isEqualTo(EnqueueResult.Outcome.NO_AGENTS_LOGGED_IN);
        assertThat(acd.offers.handles(new CallId("c1"))).isFalse();
    }
}
