package org.kefu.acd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kefu.acd.routing.AgentState;
import org.kefu.calls.CallOwner;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;

import java.util.List;

class AcdClockTest {

    @Test
    void aTimedWrapUpEndsAtItsSecondAndTheAgentTakesTheNextCaller() {
        AcdBeans acd = new AcdBeans(AcdBeans.queue("banking", "banking", 10, 20)).start();
        acd.agent("1001", "8001", "banking");
        acd.ready("1001", "8001");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "banking", 0, null, null);
        acd.answeredAt("c1", "8001");
        acd.hungUp("c1", "8001", true);
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        acd.offers.enqueue(new CallId("c2"), AcdBeans.caller("c2"), "banking", 0, null, null);

        acd.seconds(19);
        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        acd.seconds(1);

        assertThat(acd.sessions.status("1001").state()).isEqualTo(AgentState.RESERVED);
        assertThat(acd.phones.commands("routeTo")).containsExactly("routeTo c1 8001", "routeTo c2 8001");
    }

    @Test
    void aCallerWaitingPastTheMaximumOverflowsToTheNextQueueAtItsSecond() {
        AcdBeans acd = new AcdBeans(
                AcdBeans.overflowing(AcdBeans.queue("vip", "vip", 10, 0), 30, "banking", "QUEUE", null),
                AcdBeans.queue("banking", "banking", 10, 0)).start();
        acd.agent("1001", "8001", "vip");
        acd.agent("1002", "8002", "banking");
        acd.sessions.login("1001", "8001"); // serves vip, not ready
        acd.ready("1002", "8002");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "vip", 0, null, null);

        acd.seconds(29);
        assertThat(acd.db.events(AcdEvent.OVERFLOW)).isEmpty();
        acd.seconds(1);

        assertThat(acd.db.events(AcdEvent.OVERFLOW)).singleElement().satisfies(e -> {
            assertThat(e.getQueueCode()).isEqualTo("vip");
            assertThat(e.getWaitMillis()).isEqualTo(30_000L);
        });
        assertThat(acd.phones.commands("routeTo")).containsExactly("routeTo c1 8002");
    }

    @Test
    void anOverflowToAFlowGoesToTheCallflow() {
        AcdBeans acd = new AcdBeans(
                AcdBeans.overflowing(AcdBeans.queue("hotline", "hotline", 10, 0), 60, null, "IVR", "survey")).start();
        acd.agent("1001", "8001", "hotline");
        acd.sessions.login("1001", "8001");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "hotline", 0, null, null);

        acd.seconds(60);

        assertThat(acd.overflowed).containsExactly("c1 IVR survey from hotline");
        assertThat(acd.offers.handles(new CallId("c1"))).isFalse();
    }

    @Test
    void anOverflowToNowhereSaysGoodbye() throws Exception {
        AcdBeans acd = new AcdBeans(
                AcdBeans.overflowing(AcdBeans.queue("hotline", "hotline", 10, 0), 60, null, "QUEUE", null)).start();
        acd.agent("1001", "8001", "hotline");
        acd.sessions.login("1001", "8001");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "hotline", 0, null, null);

        acd.seconds(60);

        assertThat(acd.phones.commands).contains("play c1 [goodbye]");
        assertThat(acd.calls.owner(new CallId("c1"))).contains(CallOwner.GOODBYE);
        assertThat(acd.overflowed).isEmpty();
        // The music the goodbye replaced stops first; the goodbye's own end ends the call.
        acd.prompts.finished(acd.phones.getConnection(), new CallEvent.PromptFinished(new CallId("c1"), acd.clock.instant(),
                AcdBeans.caller("c1"), CallEvent.PromptEnd.STOPPED));
        assertThat(acd.phones.commands("clearCall")).isEmpty();
        acd.prompts.finished(acd.phones.getConnection(), new CallEvent.PromptFinished(new CallId("c1"), acd.clock.instant(),
                AcdBeans.caller("c1"), CallEvent.PromptEnd.COMPLETED));
        assertThat(acd.phones.commands("clearCall")).containsExactly("clearCall c1");
    }

    @Test
    void waitingCallersHearTheirPositionDigitByDigitEveryAnnouncementPeriod() {
        AcdBeans acd = new AcdBeans(AcdBeans.queue("banking", "banking", 10, 0)).start();
        acd.agent("1001", "8001", "banking");
        acd.sessions.login("1001", "8001");
        for (int i = 1; i <= 11; i++) {
            acd.offers.enqueue(new CallId("c" + i), AcdBeans.caller("c" + i), "banking", 0, null, null);
        }
        int period = (int) AcdClock.ANNOUNCE_EVERY.toSeconds();

        acd.seconds(period - 1);
        assertThat(acd.phones.commands("play")).isEmpty();
        acd.seconds(1);

        List<String> plays = acd.phones.commands("play");
        assertThat(plays).hasSize(11);
        // Position 11 is read as two plain ones (not the 幺 of codes), as callers always heard it.
        assertThat(plays).anySatisfy(p -> assertThat(p)
                .startsWith("play c11 [your-position-is, digit-1, digit-1, expected-wait, ")
                .endsWith(", minutes, callback-offer]"));
        acd.seconds(period);
        assertThat(acd.phones.commands("play")).hasSize(22);
    }
}
