package org.kefu.acd.routing;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of agent and call events on the demo center, checking after every step the
 * invariants the routing relies on: no READY agent has a call waiting in a queue it serves, and
 * every call is in exactly one place (waiting, or with exactly one agent).
 */
class RouterInvariantTest {

    @RepeatedTest(20)
    void invariantsHoldUnderRandomEvents(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        MutableClock clock = new MutableClock(DemoCenter.MORNING);
        Router router = DemoCenter.router(clock);
        router.defineQueue(DemoCenter.QUEUES.get(0).withWrapUp(Duration.ofSeconds(20)).withMaxLength(6));
        List<String> queues = DemoCenter.QUEUES.stream().map(QueueDefinition::code).toList();
        Set<String> live = new HashSet<>();
        int calls = 0;

        for (int step = 0; step < 400; step++) {
            clock.advanceSeconds(random.nextInt(8));
            String job = DemoCenter.AGENTS.get(random.nextInt(DemoCenter.AGENTS.size()));
            AgentState state = router.agentStatus(job).map(AgentSnapshot::state).orElse(AgentState.LOGGED_OUT);
            switch (random.nextInt(9)) {
                case 0 -> {
                    if (state == AgentState.LOGGED_OUT) {
                        DemoCenter.login(router, job);
                    } else if (state == AgentState.NOT_READY || state == AgentState.WRAP_UP) {
                        router.agentReady(job);
                    }
                }
                case 1, 2 -> {
                    String id = "c" + ++calls;
                    EnqueueResult result = router.enqueue(WaitingCall.of(id, queues.get(random.nextInt(queues.size())),
                            clock.instant()).withPriority(random.nextInt(4)));
                    if (result.outcome() == EnqueueResult.Outcome.OFFERED || result.outcome() == EnqueueResult.Outcome.QUEUED) {
                        live.add(id);
                    }
                }
                case 3 -> {
                    if (state == AgentState.RESERVED) {
                        if (random.nextBoolean()) {
                            router.offerAnswered(job);
                        } else {
                            router.offerRefused(job);
                        }
                    }
                }
                case 4 -> {
                    if (state == AgentState.TALKING) {
                        live.remove(router.agentStatus(job).orElseThrow().offeredCallId());
                        router.callEnded(job);
                    }
                }
                case 5 -> {
                    if (!live.isEmpty() && random.nextInt(3) == 0) {
                        String id = live.stream().sorted().skip(random.nextInt(live.size())).findFirst().orElseThrow();
                        boolean talking = DemoCenter.AGENTS.stream().anyMatch(a -> router.agentStatus(a)
                                .filter(s -> s.state() == AgentState.TALKING && id.equals(s.offeredCallId())).isPresent());
                        router.abandon(id);
                        if (!talking) {
                            live.remove(id);
                        }
                    }
                }
                case 6 -> router.tick(clock.instant());
                case 7 -> router.overflowDue(clock.instant()).forEach(o -> live.remove(o.call().callId()));
                default -> {
                    if (state == AgentState.READY || state == AgentState.NOT_READY) {
                        if (random.nextBoolean()) {
                            router.agentNotReady(job, "break");
                        } else {
                            router.logout(job);
                        }
                    }
                }
            }
            checkInvariants(router, live);
        }
    }

    private static void checkInvariants(Router router, Set<String> live) {
        Set<String> waiting = new HashSet<>();
        for (QueuedCall queued : router.waitingCalls()) {
            waiting.add(queued.call().callId());
        }
        Set<String> withAgents = new HashSet<>();
        for (String job : DemoCenter.AGENTS) {
            AgentSnapshot agent = router.agentStatus(job).orElse(null);
            if (agent == null) {
                continue;
            }
            if (agent.state() == AgentState.READY) {
                for (String queue : agent.queues()) {
                    assertThat(router.figures(queue).waiting()).as("%s READY while %s has calls", job, queue).isZero();
                }
            }
            if (agent.state() == AgentState.RESERVED || agent.state() == AgentState.TALKING) {
                assertThat(agent.offeredCallId()).isNotNull();
                assertThat(withAgents.add(agent.offeredCallId())).as("call at two agents").isTrue();
            } else {
                assertThat(agent.offeredCallId()).isNull();
            }
        }
        Set<String> both = new HashSet<>(waiting);
        both.retainAll(withAgents);
        assertThat(both).as("calls both waiting and with an agent").isEmpty();
        Set<String> all = new HashSet<>(waiting);
        all.addAll(withAgents);
        assertThat(all).isEqualTo(live);
    }
}
