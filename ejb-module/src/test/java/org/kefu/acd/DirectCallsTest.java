package org.kefu.acd;

import org.kefu.calls.CallOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.telephony.CallId;

class DirectCallsTest {

    private AcdBeans acd;

    @BeforeEach
    void centre() {
        acd = new AcdBeans(AcdBeans.queue("banking", "banking", 10, 30), AcdBeans.queue("securities", "securities", 10, 0)).start();
        acd.agent("1001", "8001", "banking");
        acd.agent("1002", "8002", "banking");
        acd.agent("1004", "8004", "securities");
        acd.ready("1001", "8001");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "banking", 0, null, null);
        acd.answeredAt("c1", "8001"); // 1001 talks with the caller of c1
    }

    @Test
    void aBlindTransferToAColleagueKeepsItBusyAndEndsTheSendersPart() {
        acd.sessions.login("1002", "8002"); // not ready: a direct call still reaches it
        String reservation = acd.directCalls.reserveForDirectCall("1001", "1002", "c1", false);
        assertThat(acd.sessions.status("1002").state()).isEqualTo(AgentState.RESERVED);

        acd.directCalls.directCallPlaced(reservation, "c1", AcdBeans.caller("c1"));

        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.db.events(AcdEvent.TRANSFER)).singleElement().satisfies(e -> assertThat(e.getJobNumber()).isEqualTo("1001"));
        assertThat(acd.answeredAt("c1", "8002")).isTrue();
        assertThat(acd.sessions.status("1002").state()).isEqualTo(AgentState.TALKING);
        // Not the queue's answer: the first agent's answer was the one counted.
        assertThat(acd.db.events(AcdEvent.ANSWER)).extracting(AcdEvent::getQueueCode).containsExactly("banking", null);
    }

    @Test
    void aColleagueWhoAnsweredBeforeTheRecordExistedIsTalking() {
        acd.sessions.login("1002", "8002");
        String reservation = acd.directCalls.reserveForDirectCall("1001", "1002", "c1", false);
        acd.phones.connected.add(AcdBeans.leg("c1", "8002"));

        acd.directCalls.directCallPlaced(reservation, "c1", AcdBeans.caller("c1"));

        assertThat(acd.sessions.status("1002").state()).isEqualTo(AgentState.TALKING);
    }

    @Test
    void aColleagueWhoIsTalkingCannotBeReserved() {
        acd.ready("1002", "8002");
        acd.offers.enqueue(new CallId("c2"), AcdBeans.caller("c2"), "banking", 0, null, null);
        acd.answeredAt("c2", "8002");

        assertThatThrownBy(() -> acd.directCalls.reserveForDirectCall("1001", "1002", "c1", true))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.CONFLICT));
    }

    @Test
    void aDirectCallTheSwitchRefusedLeavesTheColleagueAsBefore() {
        acd.sessions.login("1002", "8002");
        acd.sessions.notReady("1002", "lunch");
        String reservation = acd.directCalls.reserveForDirectCall("1001", "1002", "c1", true);

        acd.directCalls.directCallFailed("1002", reservation);

        assertThat(acd.sessions.status("1002").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(acd.sessions.status("1002").reason()).isEqualTo("lunch");
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.TALKING);
    }

    @Test
    void aCompletedConsultationHandsTheCallerToTheColleague() {
        acd.ready("1002", "8002");
        String reservation = acd.directCalls.reserveForDirectCall("1001", "1002", "c1", true);
        acd.directCalls.directCallPlaced(reservation, "k1", AcdBeans.leg("k1", "8001"));
        acd.answeredAt("k1", "8002");

        acd.directCalls.consultationCompleted("1001", "c1", "k1", AcdBeans.caller("c1"));

        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.offers.callOf("1002")).contains("c1");
        acd.hungUp("c1", "8002", true);
        assertThat(acd.sessions.status("1002").state()).isEqualTo(AgentState.WRAP_UP); // the banking queue's wrap-up
    }

    @Test
    void aConfereeWhoLeavesEndsItsPartAndTheOthersTalkOn() {
        acd.sessions.login("1002", "8002");
        String reservation = acd.directCalls.reserveForDirectCall("1001", "1002", "c1", true);
        acd.directCalls.directCallPlaced(reservation, "k1", AcdBeans.leg("k1", "8001"));
        acd.answeredAt("k1", "8002");
        acd.directCalls.consultationConferenced("1001", "c1", "k1", AcdBeans.caller("c1"));

        // The call stays 1001's: the event is not the ACD's to answer (the callflow sees it too), as ever.
        acd.hungUp("c1", "8002", false);

        assertThat(acd.sessions.status("1002").state()).isEqualTo(AgentState.NOT_READY); // back to its reason: no queue of its own
        assertThat(acd.db.events(AcdEvent.END)).singleElement().satisfies(e -> {
            assertThat(e.getJobNumber()).isEqualTo("1002");
            assertThat(e.getCallRef()).isEqualTo("c1");
        });
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.TALKING);
        assertThat(acd.phones.commands("clearCall")).isEmpty();
    }

    @Test
    void aTransferToAQueueMakesTheCallerWaitThere() {
        acd.ready("1004", "8004");
        acd.sessions.lock("1004"); // the securities queue has an agent, but not a free one

        assertThat(acd.directCalls.transferToQueue("1001", "securities")).isEqualTo(EnqueueResult.Outcome.QUEUED);

        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.phones.commands).containsSubsequence(
                "attachData c1 {kefu.transferredBy=1001}",
                "clearConnection c1 8001",
                "play c1 [transfer-to-agent, please-hold]");
        assertThat(acd.offers.isWaiting(new CallId("c1"))).isTrue();
        assertThat(acd.calls.owner(new CallId("c1"))).contains(CallOwner.QUEUE);
        acd.sessions.unlock("1004");
        acd.sessions.ready("1004");
        assertThat(acd.phones.commands("routeTo")).endsWith("routeTo c1 8004");
    }
}
