package org.kefu.acd.routing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each strategy picks the right agent among the demo center's. */
class RoutingStrategyTest {

    private final MutableClock clock = new MutableClock(DemoCenter.MORNING);
    private Router router;
    private int calls;

    @BeforeEach
    void setUp() {
        router = DemoCenter.router(clock);
    }

    private String routedTo(String queue) {
        EnqueueResult result = router.enqueue(WaitingCall.of("c" + ++calls, queue, clock.instant()));
        assertThat(result.outcome()).isEqualTo(EnqueueResult.Outcome.OFFERED);
        return result.offer().orElseThrow().jobNumber();
    }

    /** Answers and ends the agent's call; the demo queues have no wrap-up, so it is READY again. */
    private void handle(String jobNumber) {
        router.offerAnswered(jobNumber);
        clock.advanceSeconds(10);
        router.callEnded(jobNumber);
    }

    @Test
    void mostSkilledServesBankingBestFirst() {
        // Ready order deliberately the reverse of skill, so idle time would pick otherwise.
        DemoCenter.ready(router, clock, "1004", "1002", "1001", "1005", "1003");

        assertThat(routedTo("banking")).isEqualTo("1005"); // banking 10
        assertThat(routedTo("banking")).isEqualTo("1001"); // 8
        assertThat(routedTo("banking")).isEqualTo("1002"); // 5
        assertThat(routedTo("banking")).isEqualTo("1004"); // 3, the minimum
        // 1003 has no banking skill: the next banking call waits although 1003 is READY.
        assertThat(router.enqueue(WaitingCall.of("c99", "banking", clock.instant())).outcome())
                .isEqualTo(EnqueueResult.Outcome.QUEUED);
        assertThat(router.agentStatus("1003").orElseThrow().state()).isEqualTo(AgentState.READY);
    }

    @Test
    void mostSkilledBreaksTiesByLongestIdle() {
        router.defineQueue(QueueDefinition.of("mandarin", RoutingStrategy.MOST_SKILLED, Map.of("mandarin", 5)));
        DemoCenter.ready(router, clock, "1003", "1001"); // both mandarin 9, 1003 idle longer

        assertThat(routedTo("mandarin")).isEqualTo("1003");
        assertThat(routedTo("mandarin")).isEqualTo("1001");
    }

    @Test
    void vipRequirementExcludes1004And1002() {
        DemoCenter.ready(router, clock, "1004", "1002");

        assertThat(router.agentStatus("1004").orElseThrow().queues()).contains("banking", "securities").doesNotContain("vip");
        assertThat(router.agentStatus("1002").orElseThrow().queues()).doesNotContain("vip");
        // Logged-in agents, but none who may serve vip.
        assertThat(router.enqueue(WaitingCall.of("v1", "vip", clock.instant())).outcome())
                .isEqualTo(EnqueueResult.Outcome.NO_AGENTS_LOGGED_IN);
    }

    @Test
    void longestIdleServesVipFromTheAgentFreeLongest() {
        DemoCenter.ready(router, clock, "1005", "1001");
        assertThat(routedTo("vip")).isEqualTo("1005");

        // 1005 handles the call and is free again later than 1001.
        handle("1005");
        assertThat(routedTo("vip")).isEqualTo("1001");
        handle("1001");
        assertThat(routedTo("vip")).isEqualTo("1005");
    }

    @Test
    void fewestCallsTodayServesTheHotline() {
        DemoCenter.ready(router, clock, "1001", "1002", "1003");
        // 1001 takes two calls, 1002 one; both become free before 1003 would by idle time.
        router.agentNotReady("1003", "break");
        handle(routedTo("hotline"));
        handle(routedTo("hotline"));
        handle(routedTo("hotline"));
        assertThat(router.agentStatus("1001").orElseThrow().callsAnsweredToday()
                + router.agentStatus("1002").orElseThrow().callsAnsweredToday()).isEqualTo(3);
        router.agentReady("1003");

        assertThat(routedTo("hotline")).isEqualTo("1003"); // none today, though idle the shortest
    }

    @Test
    void fewestCallsTiesGoToTheLongestIdle() {
        DemoCenter.ready(router, clock, "1002", "1001");
        assertThat(routedTo("hotline")).isEqualTo("1002");
        handle("1002");
        assertThat(routedTo("hotline")).isEqualTo("1001");
        handle("1001");
        // One call each now; 1002 has been free longer.
        assertThat(routedTo("hotline")).isEqualTo("1002");
    }

    @Test
    void roundRobinRotatesThroughTheQueuesAgents() {
        router.defineQueue(QueueDefinition.of("rr", RoutingStrategy.ROUND_ROBIN, Map.of("mandarin", 1)));
        DemoCenter.ready(router, clock, "1005", "1003", "1001");

        String first = routedTo("rr");
        handle(first);
        String second = routedTo("rr");
        handle(second);
        String third = routedTo("rr");
        handle(third);

        assertThat(new String[] {first, second, third}).containsExactly("1001", "1003", "1005");
        assertThat(routedTo("rr")).isEqualTo("1001");
    }

    @Test
    void roundRobinTurnIsPerQueue() {
        router.defineQueue(QueueDefinition.of("rr", RoutingStrategy.ROUND_ROBIN, Map.of("mandarin", 1)));
        DemoCenter.ready(router, clock, "1001", "1003");
        handle(routedTo("rr")); // 1001's turn in rr is used
        // A hotline call to 1003 does not use 1003's rr turn.
        router.agentNotReady("1001", "break");
        handle(routedTo("hotline"));
        router.agentReady("1001");

        assertThat(routedTo("rr")).isEqualTo("1003");
    }

    @Test
    void strategyTakesOnlyReadyAgents() {
        DemoCenter.ready(router, clock, "1005", "1001");
        router.agentNotReady("1005", "lunch");

        assertThat(routedTo("banking")).isEqualTo("1001");
    }
}
