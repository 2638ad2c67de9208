package org.kefu.acd.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A call's and an agent's way through the router: RONA, wrap-up, limits, overflow, announcements. */
class RouterLifecycleTest {

    private final MutableClock clock = new MutableClock(DemoCenter.MORNING);
    private final List<AgentStateChange> history = new ArrayList<>();
    private final Router router = DemoCenter.router(clock, PriorityRule.plusOneEvery(Duration.ofSeconds(30), 5), history::add);

    private WaitingCall call(String id, String queue) {
        return WaitingCall.of(id, queue, clock.instant());
    }

    private AgentSnapshot status(String jobNumber) {
        return router.agentStatus(jobNumber).orElseThrow();
    }

    @Test
    void ronaSendsTheAgentNotReadyAndTheCallBackToTheHead() {
        DemoCenter.login(router, "1001", "1005");
        router.agentReady("1005");
        Offer offer = router.enqueue(call("first", "banking")).offer().orElseThrow();
        assertThat(offer.jobNumber()).isEqualTo("1005");
        assertThat(offer.extension()).isEqualTo("8005");
        clock.advanceSeconds(5);
        router.enqueue(call("second", "banking"));
        clock.advanceSeconds(15);

        assertThat(router.offerRefused("1005")).isEmpty(); // nobody else is READY

        assertThat(status("1005").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(status("1005").reason()).isEqualTo("no-answer");
        assertThat(router.position("first")).hasValue(1);
        assertThat(router.position("second")).hasValue(2);
        Offer again = router.agentReady("1001").orElseThrow();
        assertThat(again.call().callId()).isEqualTo("first");
        assertThat(again.call().enqueuedAt()).isEqualTo(DemoCenter.MORNING); // waited since the start
    }

    @Test
    void ronaOffersTheCallAtOnceToAnotherReadyAgent() {
        DemoCenter.ready(router, clock, "1005", "1001");
        Offer offer = router.enqueue(call("c1", "banking")).offer().orElseThrow();
        assertThat(offer.jobNumber()).isEqualTo("1005");

        Offer next = router.offerRefused("1005").orElseThrow();

        assertThat(next.jobNumber()).isEqualTo("1001");
        assertThat(next.call().callId()).isEqualTo("c1");
    }

    @Test
    void timedWrapUpEndsOnTickThenTheAgentTakesTheNextCall() {
        router.defineQueue(QueueDefinition.of("banking", RoutingStrategy.MOST_SKILLED, Map.of("banking", 3))
                .withWrapUp(Duration.ofSeconds(30)));
        DemoCenter.ready(router, clock, "1001");
        router.enqueue(call("c1", "banking"));
        router.offerAnswered("1001");
        clock.advanceSeconds(60);

        assertThat(router.callEnded("1001")).isEmpty();
        assertThat(status("1001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(status("1001").wrapUpUntil()).isEqualTo(clock.instant().plusSeconds(30));
        router.enqueue(call("c2", "banking")); // waits: the agent is in after-call work

        assertThat(router.tick(clock.instant().plusSeconds(29))).isEmpty();
        List<Offer> offers = router.tick(clock.instant().plusSeconds(30));

        assertThat(offers).extracting(o -> o.call().callId()).containsExactly("c2");
        assertThat(status("1001").state()).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void openEndedWrapUpLastsUntilTheAgentEndsIt() {
        router.defineQueue(QueueDefinition.of("hotline", RoutingStrategy.FEWEST_CALLS, Map.of()).withWrapUp(null));
        DemoCenter.ready(router, clock, "1003");
        router.enqueue(call("c1", "hotline"));
        router.offerAnswered("1003");
        router.callEnded("1003");

        assertThat(router.tick(clock.instant().plusSeconds(3600))).isEmpty();
        assertThat(status("1003").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(router.wrapUpDone("1003")).isEmpty();
        assertThat(status("1003").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void agentMayEndTimedWrapUpEarlyOrGoNotReady() {
        router.defineQueue(QueueDefinition.of("hotline", RoutingStrategy.FEWEST_CALLS, Map.of()).withWrapUp(Duration.ofSeconds(30)));
        DemoCenter.ready(router, clock, "1003", "1002");
        router.enqueue(call("c1", "hotline"));
        router.enqueue(call("c2", "hotline"));
        router.offerAnswered("1003");
        router.offerAnswered("1002");
        router.callEnded("1003");
        router.callEnded("1002");

        router.wrapUpDone("1003");
        router.agentNotReady("1002", "lunch");

        assertThat(status("1003").state()).isEqualTo(AgentState.READY);
        assertThat(status("1002").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(router.tick(clock.instant().plusSeconds(60))).isEmpty(); // no stale wrap-up left
        assertThat(status("1002").state()).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void maxQueueLengthRejectsTheNextCaller() {
        router.defineQueue(QueueDefinition.of("english", RoutingStrategy.LONGEST_IDLE, Map.of("english", 6)).withMaxLength(2));
        DemoCenter.login(router, "1002");
        assertThat(router.enqueue(call("e1", "english")).outcome()).isEqualTo(EnqueueResult.Outcome.QUEUED);
        assertThat(router.enqueue(call("e2", "english")).outcome()).isEqualTo(EnqueueResult.Outcome.QUEUED);

        assertThat(router.enqueue(call("e3", "english")).outcome()).isEqualTo(EnqueueResult.Outcome.REJECTED_QUEUE_FULL);
        assertThat(router.position("e3")).isEmpty();
        assertThat(router.figures("english").waiting()).isEqualTo(2);
    }

    @Test
    void noAgentLoggedInIsReportedSoTheCallerCanOverflow() {
        assertThat(router.enqueue(call("c1", "hotline")).outcome()).isEqualTo(EnqueueResult.Outcome.NO_AGENTS_LOGGED_IN);

        DemoCenter.login(router, "1003");
        router.logout("1003");
        assertThat(router.enqueue(call("c2", "hotline")).outcome()).isEqualTo(EnqueueResult.Outcome.NO_AGENTS_LOGGED_IN);
    }

    @Test
    void loggedInButNotReadyAgentsLetCallsQueue() {
        DemoCenter.login(router, "1003");
        router.agentNotReady("1003", "break");

        assertThat(router.enqueue(call("c1", "utilities")).outcome()).isEqualTo(EnqueueResult.Outcome.QUEUED);
    }

    @Test
    void abandonWhileWaitingLeavesTheQueue() {
        DemoCenter.login(router, "1001");
        router.enqueue(call("c1", "banking"));
        router.enqueue(call("c2", "banking"));

        assertThat(router.abandon("c1")).isEmpty();

        assertThat(router.position("c1")).isEmpty();
        assertThat(router.position("c2")).hasValue(1);
        assertThat(router.agentReady("1001").orElseThrow().call().callId()).isEqualTo("c2");
    }

    @Test
    void abandonWhileRingingFreesTheAgentForTheNextCall() {
        DemoCenter.ready(router, clock, "1001");
        router.enqueue(call("c1", "banking"));
        router.enqueue(call("c2", "banking"));

        Offer next = router.abandon("c1").orElseThrow();

        assertThat(next.call().callId()).isEqualTo("c2");
        assertThat(next.jobNumber()).isEqualTo("1001");
        assertThat(router.abandon("unknown")).isEmpty();
    }

    @Test
    void overflowDueTakesCallsPastTheirMaxWait() {
        DemoCenter.login(router, "1001");
        router.enqueue(call("v1", "vip"));
        clock.advanceSeconds(10);
        router.enqueue(call("v2", "vip"));
        router.enqueue(call("b1", "banking")); // banking has no max wait

        assertThat(router.overflowDue(clock.instant().plusSeconds(19))).isEmpty();
        List<Overflow> due = router.overflowDue(clock.instant().plusSeconds(20));

        assertThat(due).extracting(o -> o.call().callId()).containsExactly("v1");
        assertThat(due.get(0).target()).isEqualTo("banking");
        assertThat(due.get(0).fromQueue()).isEqualTo("vip");
        assertThat(router.position("v1")).isEmpty();
        // The caller moves it on, keeping its seniority: it is served before b1.
        router.enqueue(due.get(0).call().movedTo("banking"));
        assertThat(router.position("v1")).hasValue(1);
        assertThat(router.figures("vip").waiting()).isEqualTo(1);
    }

    @Test
    void aPatientCallAtTheHeadStaysWhileLaterCallersPastTheirMaxWaitOverflowAndTheYoungOnesWait() {
        DemoCenter.login(router, "1001");
        router.enqueuePatient(call("cb", "vip")); // a callback request: waits as long as it takes
        clock.advanceSeconds(3600);
        router.enqueue(call("v1", "vip"));
        clock.advanceSeconds(10);
        router.enqueue(call("v2", "vip"));

        // vip's max wait is 30 s: at +20 s v1 has waited 30, v2 20.
        List<Overflow> due = router.overflowDue(clock.instant().plusSeconds(20));

        assertThat(due).extracting(o -> o.call().callId()).containsExactly("v1");
        assertThat(router.position("cb")).hasValue(1);
        assertThat(router.position("v2")).hasValue(2);
        assertThat(router.overflowDue(clock.instant().plusSeconds(20))).isEmpty();
        assertThat(router.overflowDue(clock.instant().plusSeconds(30))).extracting(o -> o.call().callId()).containsExactly("v2");
        assertThat(router.position("cb")).hasValue(1);
    }

    @Test
    void positionAndExpectedWaitForAnnouncements() {
        DemoCenter.ready(router, clock, "1003", "1005");
        // Both utilities agents handle a call in 120 s: the average handle time becomes 120 s.
        router.enqueue(call("u1", "utilities"));
        router.enqueue(call("u2", "utilities"));
        router.offerAnswered("1003");
        router.offerAnswered("1005");
        clock.advanceSeconds(120);
        router.callEnded("1003");
        router.callEnded("1005");
        router.enqueue(call("u3", "utilities"));
        router.enqueue(call("u4", "utilities"));
        router.offerAnswered("1003");
        router.offerAnswered("1005");
        router.enqueue(call("u5", "utilities"));
        router.enqueue(call("u6", "utilities"));
        router.enqueue(call("u7", "utilities"));
        clock.advanceSeconds(10);

        assertThat(router.position("u5")).hasValue(1);
        assertThat(router.position("u7")).hasValue(3);
        assertThat(router.expectedWaitOfCall("u6")).hasValue(Duration.ofSeconds(120)); // 2 × 120 s / 2 agents
        assertThat(router.expectedWait("utilities")).isEqualTo(Duration.ofSeconds(240)); // a 4th caller
        QueueFigures figures = router.figures("utilities");
        assertThat(figures.waiting()).isEqualTo(3);
        assertThat(figures.longestWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(figures.agentsByState()).containsExactlyEntriesOf(Map.of(AgentState.TALKING, 2));

        // A VIP caller goes ahead of everyone, and the others move back one place.
        router.enqueue(call("zhang-san", "utilities").withPriority(3));
        assertThat(router.position("zhang-san")).hasValue(1);
        assertThat(router.position("u5")).hasValue(2);
    }

    @Test
    void expectedWaitIsZeroWhileAnAgentIsReady() {
        DemoCenter.ready(router, clock, "1003");

        assertThat(router.expectedWait("utilities")).isEqualTo(Duration.ZERO);
        assertThat(router.expectedWaitOfCall("nope")).isEmpty();
    }

    @Test
    void stickyAgentGetsTheCallWhenReadyAndEligible() {
        DemoCenter.ready(router, clock, "1005", "1001"); // 1005 would win banking on skill

        Offer offer = router.enqueue(call("zhang-san", "banking").withCustomer("zhang-san").withPreferredAgent("1001"))
                .offer().orElseThrow();

        assertThat(offer.jobNumber()).isEqualTo("1001");
    }

    @Test
    void stickyAgentBusyOrNotEligibleFallsBackToNormalRouting() {
        DemoCenter.ready(router, clock, "1005", "1001", "1003");
        router.agentNotReady("1001", "break");

        assertThat(router.enqueue(call("c1", "banking").withPreferredAgent("1001")).offer().orElseThrow().jobNumber())
                .isEqualTo("1005");
        // 1003 is READY but has no banking skill.
        router.agentReady("1001");
        assertThat(router.enqueue(call("c2", "banking").withPreferredAgent("1003")).offer().orElseThrow().jobNumber())
                .isEqualTo("1001");
        assertThat(router.enqueue(call("c3", "banking").withPreferredAgent("9999")).outcome())
                .isEqualTo(EnqueueResult.Outcome.QUEUED);
    }

    @Test
    void hotDeskingLogsInAtAnyFreeExtensionAndKeepsTodaysCount() {
        DemoCenter.ready(router, clock, "1003");
        router.enqueue(call("c1", "hotline"));
        router.offerAnswered("1003");
        router.callEnded("1003");
        router.logout("1003");

        AgentSnapshot again = router.login("1003", "8006", DemoCenter.SKILLS.get("1003"));

        assertThat(again.extension()).isEqualTo("8006");
        assertThat(again.callsAnsweredToday()).isEqualTo(1);
        assertThat(again.state()).isEqualTo(AgentState.NOT_READY);
        assertThat(again.reason()).isEqualTo("logged-in");
        assertThatThrownBy(() -> router.login("1001", "8006", DemoCenter.SKILLS.get("1001")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("8006").hasMessageContaining("1003");
        router.resetDailyCounters();
        assertThat(status("1003").callsAnsweredToday()).isZero();
    }

    @Test
    void loginCanBeRestrictedToSomeQueues() {
        router.login("1005", "8005", DemoCenter.SKILLS.get("1005"), Set.of("vip", "english", "nonexistent"));

        assertThat(status("1005").queues()).containsExactlyInAnyOrder("vip", "english");
    }

    @Test
    void queueDefinedLaterPicksUpLoggedInAgentsAndServesWaitingCalls() {
        DemoCenter.ready(router, clock, "1002");

        router.defineQueue(QueueDefinition.of("insurance", RoutingStrategy.LONGEST_IDLE, Map.of("english", 8)));

        assertThat(status("1002").queues()).contains("insurance");
        assertThat(router.enqueue(call("i1", "insurance")).offer().orElseThrow().jobNumber()).isEqualTo("1002");
    }

    @Test
    void stateHistoryIsReportedWithTimestampsAndCalls() {
        DemoCenter.login(router, "1001");
        clock.advanceSeconds(5);
        router.agentReady("1001");
        router.enqueue(call("c1", "banking"));
        clock.advanceSeconds(3);
        router.offerRefused("1001");

        assertThat(history).extracting(AgentStateChange::from, AgentStateChange::to, AgentStateChange::reason,
                        AgentStateChange::callId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AgentState.LOGGED_OUT, AgentState.NOT_READY, "logged-in", null),
                        org.assertj.core.groups.Tuple.tuple(AgentState.NOT_READY, AgentState.READY, null, null),
                        org.assertj.core.groups.Tuple.tuple(AgentState.READY, AgentState.RESERVED, null, "c1"),
                        org.assertj.core.groups.Tuple.tuple(AgentState.RESERVED, AgentState.NOT_READY, "no-answer", "c1"));
        assertThat(history.get(3).at()).isEqualTo(DemoCenter.MORNING.plusSeconds(8));
        assertThat(history).allMatch(c -> c.jobNumber().equals("1001") && c.extension().equals("8001"));
    }

    @Test
    void duplicateCallIdsAndUnknownQueuesAreRefused() {
        DemoCenter.login(router, "1001");
        router.enqueue(call("c1", "banking"));

        assertThatThrownBy(() -> router.enqueue(call("c1", "banking"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> router.enqueue(call("c2", "nowhere"))).isInstanceOf(IllegalArgumentException.class);
    }
}
