package org.kefu.acd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.calls.CallOwner;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallId;

import java.time.Duration;
import java.time.Instant;

/** Callback requests in the ACD: their place in the queue, the desk first and the customer from it, RONA. */
class CallbackOffersTest {

    private AcdBeans acd;

    @BeforeEach
    void centre() {
        acd = new AcdBeans(AcdBeans.overflowing(AcdBeans.queue("hotline", "hotline", 10, 0), 60, null, "VOICEMAIL", null)).start();
        acd.agent("1001", "8001", "hotline");
        acd.sessions.login("1001", "8001"); // serves the hotline, not ready yet: everyone waits
    }

    private CallbackTicket ticket(String ref, Instant firstWaited) {
        return new CallbackTicket(ref, "13800000061", "hotline", firstWaited, 0, null);
    }

    @Test
    void aCallbackKeepsTheCallersPlaceAheadOfLaterCallersAndRingsTheDeskThenTheCustomer() {
        Instant earlier = acd.clock.instant().minus(Duration.ofMinutes(5));
        acd.offers.enqueue(new CallId("c2"), AcdBeans.caller("c2"), "hotline", 0, null, null);
        assertThat(acd.offers.enqueueCallback(ticket("42:1", earlier))).isEqualTo(EnqueueResult.Outcome.QUEUED);

        acd.sessions.ready("1001");

        // The request that first waited five minutes ago goes first: Kefu rings the agent's desk,
        // which then dials the customer; the caller who came later still waits.
        assertThat(acd.phones.commands("makeCall")).containsExactly("makeCall 8001 13800000061");
        assertThat(acd.phones.commands("routeTo")).isEmpty();
        assertThat(acd.phones.callData.get("placed1"))
                .containsEntry(CallData.CALLBACK, "42:1").containsEntry(CallData.AGENT, "1001").containsEntry(CallData.QUEUE, "hotline");
        assertThat(acd.calls.owner(new CallId("placed1"))).contains(CallOwner.OUTBOUND);
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.RESERVED);
        assertThat(acd.offers.isWaiting(new CallId("c2"))).isTrue();
        assertThat(acd.published).endsWith("1001 RINGING");
    }

    @Test
    void aWaitingCallbackNeverOverflowsByTheQueuesMaximumWait() {
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant().minus(Duration.ofHours(2))));
        acd.offers.enqueue(new CallId("c2"), AcdBeans.caller("c2"), "hotline", 0, null, null);

        acd.seconds(60);

        assertThat(acd.overflowed).containsExactly("c2 VOICEMAIL null from hotline");
        acd.sessions.ready("1001");
        assertThat(acd.phones.commands("makeCall")).containsExactly("makeCall 8001 13800000061");
    }

    @Test
    void aDeskThatDoesNotAnswerSendsTheCallbackBackToItsPlace() {
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant()));
        acd.sessions.ready("1001");

        acd.seconds(10);

        assertThat(acd.phones.commands).contains("clearCall placed1");
        assertThat(acd.db.events(AcdEvent.RONA)).singleElement().satisfies(e -> assertThat(e.getJobNumber()).isEqualTo("1001"));
        assertThat(acd.offers.isWaiting(new CallId("callback:42:1"))).isTrue();
        // The desk call's end, when the switch reports it, is no longer the ACD's: the request waits on.
        assertThat(acd.hungUp("placed1", "8001", true)).isFalse();
        assertThat(acd.offers.isWaiting(new CallId("callback:42:1"))).isTrue();
        acd.sessions.ready("1001");
        assertThat(acd.phones.commands("makeCall")).hasSize(2);
    }

    @Test
    void onceTheAgentAnswersTheCallIsTheAgentsTalkAndItsEndIsAWrapUp() {
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant()));
        acd.sessions.ready("1001");

        assertThat(acd.answeredAt("placed1", "8001")).isTrue();
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.TALKING);
        assertThat(acd.offers.callOf("1001")).contains("placed1");
        // The customer's phone answering is not the ACD's event: the outbound side records it.
        assertThat(acd.answeredAt("placed1", "13800000061")).isFalse();

        assertThat(acd.hungUp("placed1", "8001", true)).isTrue();
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.READY); // the queue has no wrap-up
        assertThat(acd.offers.handles(new CallId("placed1"))).isFalse();
        assertThat(acd.db.events(AcdEvent.ANSWER)).singleElement().satisfies(e -> assertThat(e.getQueueCode()).isNull());
    }

    @Test
    void aNumberTheSwitchWillNotDialLeavesTheAcdAndTheAgentFree() {
        acd.phones.unreachable.add("13800000061");
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant()));

        acd.sessions.ready("1001");

        assertThat(acd.notDialled).singleElement().satisfies(s -> assertThat(s).startsWith("42:1 "));
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.READY);
        assertThat(acd.offers.handles(new CallId("callback:42:1"))).isFalse();
    }

    @Test
    void theDialPolicyIsAskedAtDialTimeAndALaterCallerIsServedInstead() {
        // The request was accepted in the calling hours; when its turn came they had closed.
        Instant opening = Instant.parse("2026-03-03T01:00:00Z");
        acd.callbackDialCheck = (person, roles, number, path, source) -> {
            assertThat(path).isEqualTo(DialPath.CALLBACK);
            if (number.equals("13800000061")) {
                throw new DialRefused("CALLING_HOURS", "outside the calling hours until " + opening, opening);
            }
        };
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant().minus(Duration.ofMinutes(5))));
        acd.offers.enqueue(new CallId("c2"), AcdBeans.caller("c2"), "hotline", 0, null, null);

        acd.sessions.ready("1001");

        assertThat(acd.phones.commands("makeCall")).isEmpty();
        assertThat(acd.notDialled).containsExactly("42:1 CALLING_HOURS outside the calling hours until " + opening + " until " + opening);
        assertThat(acd.offers.handles(new CallId("callback:42:1"))).isFalse();
        // The agent is not held by it: the caller who came later rings at once.
        assertThat(acd.phones.commands("routeTo")).containsExactly("routeTo c2 8001");
    }

    @Test
    void aDeskThatCannotRingIsTheAgentsRonaAndTheCallbackWaitsOn() {
        acd.phones.unreachable.add("8001");
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant()));

        acd.sessions.ready("1001");

        assertThat(acd.notDialled).isEmpty();
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(acd.offers.isWaiting(new CallId("callback:42:1"))).isTrue();
    }

    @Test
    void aCallbackWithdrawnWhileTheDeskRingsStopsRingingAndFreesTheAgent() {
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant()));
        acd.sessions.ready("1001");

        assertThat(acd.offers.withdrawCallback("42:1")).isTrue();

        assertThat(acd.phones.commands).contains("clearCall placed1");
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.READY);
        assertThat(acd.hungUp("placed1", "8001", true)).isFalse(); // its end is nobody's in the ACD
        acd.seconds(10);
        assertThat(acd.db.events(AcdEvent.RONA)).isEmpty();
    }

    @Test
    void aCallbackDeliveredTwiceWaitsOnceAndAWithdrawnOneIsNeverDialled() {
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant()));
        acd.offers.enqueueCallback(ticket("42:1", acd.clock.instant()));
        assertThat(acd.offers.withdrawCallback("42:1")).isTrue();

        acd.sessions.ready("1001");

        assertThat(acd.phones.commands("makeCall")).isEmpty();
        assertThat(acd.offers.withdrawCallback("42:1")).isFalse();
    }
}
