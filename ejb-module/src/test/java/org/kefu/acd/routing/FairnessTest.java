package org.kefu.acd.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which waiting call an agent gets: priority, aging, and fairness across queues. */
class FairnessTest {

    private final MutableClock clock = new MutableClock(DemoCenter.MORNING);
    /** +1 per 30 s waited, at most +5. */
    private final Router router = DemoCenter.router(clock);

    private WaitingCall call(String id, String queue, int vip) {
        return WaitingCall.of(id, queue, clock.instant()).withPriority(vip);
    }

    private String nextCallFor(String jobNumber) {
        return router.agentReady(jobNumber).orElseThrow().call().callId();
    }

    /** The agent says ready, then takes calls back to back (no wrap-up in the demo queues). */
    private List<String> servedInOrder(String jobNumber, int calls) {
        List<String> order = new ArrayList<>();
        Offer offer = router.agentReady(jobNumber).orElseThrow();
        for (int i = 0; i < calls; i++) {
            order.add(offer.call().callId());
            router.offerAnswered(jobNumber);
            clock.advanceSeconds(1);
            Offer next = router.callEnded(jobNumber).orElse(null);
            if (next == null) {
                break;
            }
            offer = next;
        }
        return order;
    }

    @Test
    void vipCallOvertakesAnOrdinaryCallThatWaitedALittle() {
        DemoCenter.login(router, "1001");
        router.enqueue(call("ordinary", "banking", 0));
        clock.advanceSeconds(20);
        router.enqueue(call("zhang-san", "banking", 3)); // 张三, VIP 3

        assertThat(nextCallFor("1001")).isEqualTo("zhang-san");
    }

    @Test
    void equalPriorityGoesToTheLongestWaiting() {
        DemoCenter.login(router, "1001");
        router.enqueue(call("first", "banking", 1));
        clock.advanceSeconds(1);
        router.enqueue(call("second", "banking", 1));

        assertThat(nextCallFor("1001")).isEqualTo("first");
    }

    @Test
    void agingLetsAnOldOrdinaryCallOvertakeNewVips() {
        DemoCenter.login(router, "1001");
        router.enqueue(call("li-si", "banking", 0)); // 李四, VIP 0
        // A VIP 3 caller arrives every 20 s, just as the agent finishes the previous call.
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 10 && !served.contains("li-si"); i++) {
            clock.advanceSeconds(20);
            router.enqueue(call("vip-" + i, "banking", 3));
            Offer offer = (i == 0 ? router.agentReady("1001") : router.callEnded("1001")).orElseThrow();
            served.add(offer.call().callId());
            router.offerAnswered("1001");
        }
        // At 100 s li-si ranks 0 + 3 like a fresh VIP 3 and, older, goes first: no starvation.
        assertThat(served).containsExactly("vip-0", "vip-1", "vip-2", "vip-3", "li-si");
    }

    @Test
    void withoutAgingVipsWouldStarveTheOrdinaryCall() {
        Router noAging = DemoCenter.router(clock, PriorityRule.none(), AgentStateListener.NONE);
        DemoCenter.login(noAging, "1001");
        noAging.enqueue(call("li-si", "banking", 0));
        for (int i = 0; i < 10; i++) {
            clock.advanceSeconds(20);
            noAging.enqueue(call("vip-" + i, "banking", 3));
            Offer offer = (i == 0 ? noAging.agentReady("1001") : noAging.callEnded("1001")).orElseThrow();
            assertThat(offer.call().callId()).isEqualTo("vip-" + i);
            noAging.offerAnswered("1001");
        }
        assertThat(noAging.position("li-si")).hasValue(1);
    }

    @Test
    void agingCapKeepsVipsAheadOfEquallyOldCalls() {
        Router capped = DemoCenter.router(clock, PriorityRule.plusOneEvery(Duration.ofSeconds(30), 2), AgentStateListener.NONE);
        DemoCenter.login(capped, "1001");
        capped.enqueue(call("old", "banking", 0));
        clock.advanceSeconds(600);
        capped.enqueue(call("vip", "banking", 3)); // 0 + at most 2 < 3

        assertThat(capped.agentReady("1001").orElseThrow().call().callId()).isEqualTo("vip");
    }

    @Test
    void agentInTwoQueuesGetsTheLongestWaitingAcrossBoth() {
        DemoCenter.login(router, "1002"); // banking 5 and securities 7 (and english, hotline)
        router.enqueue(call("b1", "banking", 0));
        clock.advanceSeconds(5);
        router.enqueue(call("s1", "securities", 0));
        clock.advanceSeconds(5);
        router.enqueue(call("b2", "banking", 0));
        clock.advanceSeconds(5);
        router.enqueue(call("s2", "securities", 0));

        assertThat(servedInOrder("1002", 4)).containsExactly("b1", "s1", "b2", "s2");
    }

    @Test
    void higherPriorityInOneQueueBeatsLongerWaitInAnother() {
        DemoCenter.login(router, "1002");
        router.enqueue(call("english-old", "english", 0));
        clock.advanceSeconds(10);
        router.enqueue(call("securities-vip", "securities", 2));

        assertThat(nextCallFor("1002")).isEqualTo("securities-vip");
    }

    @Test
    void agingCountsAcrossQueuesToo() {
        DemoCenter.login(router, "1002");
        router.enqueue(call("english-old", "english", 0));
        clock.advanceSeconds(90); // +3
        router.enqueue(call("securities-vip", "securities", 2));

        assertThat(nextCallFor("1002")).isEqualTo("english-old");
    }

    @Test
    void callsOfAQueueTheAgentDoesNotServeAreNotOffered() {
        DemoCenter.login(router, "1004"); // securities 9, banking 3: not vip, not utilities
        router.enqueue(call("u1", "utilities", 5)); // nobody serving utilities is logged in
        DemoCenter.login(router, "1003");
        router.enqueue(call("u2", "utilities", 5));
        router.enqueue(call("s1", "securities", 0));

        assertThat(nextCallFor("1004")).isEqualTo("s1");
    }

    @Test
    void sameMillisecondCallsAreServedInArrivalOrder() {
        DemoCenter.login(router, "1005");
        for (int i = 0; i < 5; i++) {
            router.enqueue(call("c" + i, i % 2 == 0 ? "banking" : "hotline", 0));
        }
        assertThat(servedInOrder("1005", 5)).containsExactly("c0", "c1", "c2", "c3", "c4");
    }
}
