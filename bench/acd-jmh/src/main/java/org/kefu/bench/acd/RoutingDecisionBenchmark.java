package org.kefu.bench.acd;

import org.kefu.acd.routing.RoutingStrategy;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.acd.routing.Offer;
import org.kefu.acd.routing.PriorityRule;
import org.kefu.acd.routing.QueueDefinition;
import org.kefu.acd.routing.Router;
import org.kefu.acd.routing.WaitingCall;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One ACD routing decision in a large center: 5,000 agents over 100 skills (3–8 each, levels 1–10),
 * 200 queues requiring 1–3 skills, about 300 calls waiting, 60 % of agents busy or ready.
 * <ul>
 * <li>{@code agentReady}: a NOT_READY agent says ready and gets the best call across all its queues.</li>
 * <li>{@code enqueue}: a call arrives in a random queue and goes to the strategy's first READY agent or waits.</li>
 * </ul>
 * Each invocation is undone outside the measurement (RONA or back to not ready; abandon), so every
 * sample sees the same large center. Seeded: every run builds the same center.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RoutingDecisionBenchmark {

    static final int AGENTS = 5_000;
    static final int SKILLS = 100;
    static final int QUEUES = 200;
    static final int WAITING_CALLS = 300;
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    /**
     * The large center, built the same way for both benchmarks. Each benchmark's state extends it
     * rather than depending on it, so that the per-invocation set-up and undo are sure to act on the
     * very router the benchmark measured.
     */
    public abstract static class Center {
        Router router;
        String[] queueCodes;
        List<String> notReadyAgents = new ArrayList<>();
        Random random = new Random(7);

        void build() {
            Random seeded = new Random(42);
            router = new Router(Clock.fixed(T0, ZoneOffset.UTC), PriorityRule.plusOneEvery(Duration.ofSeconds(30), 5));

            List<Map<String, Integer>> skills = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                Map<String, Integer> agentSkills = new HashMap<>();
                int count = 3 + seeded.nextInt(6);
                while (agentSkills.size() < count) {
                    agentSkills.put("s" + seeded.nextInt(SKILLS), 1 + seeded.nextInt(10));
                }
                skills.add(agentSkills);
            }
            // Each queue's requirements are taken from some agent's skills, so every queue is staffable.
            RoutingStrategy[] strategies = RoutingStrategy.values();
            queueCodes = new String[QUEUES];
            for (int q = 0; q < QUEUES; q++) {
                Map<String, Integer> model = skills.get(seeded.nextInt(AGENTS));
                List<String> modelSkills = new ArrayList<>(model.keySet());
                java.util.Collections.sort(modelSkills);
                java.util.Collections.shuffle(modelSkills, seeded);
                Map<String, Integer> required = new HashMap<>();
                int count = 1 + seeded.nextInt(3);
                for (String skill : modelSkills.subList(0, Math.min(count, modelSkills.size()))) {
                    required.put(skill, 1 + seeded.nextInt(model.get(skill)));
                }
                queueCodes[q] = "q" + q;
                router.defineQueue(QueueDefinition.of(queueCodes[q], strategies[q % strategies.length], required));
            }
            for (int i = 0; i < AGENTS; i++) {
                router.login(job(i), "e" + i, skills.get(i));
            }
            // Calls wait while everybody is not ready ...
            int callId = 0;
            for (int c = 0; c < WAITING_CALLS; c++) {
                router.enqueue(call("w" + callId++, seeded));
            }
            // ... then 60 % of the agents say ready, taking calls they are offered.
            for (int i = 0; i < AGENTS; i++) {
                if (seeded.nextInt(10) < 6) {
                    router.agentReady(job(i)).ifPresent(this::answer);
                } else {
                    notReadyAgents.add(job(i));
                }
            }
            // Top the waiting calls up to about WAITING_CALLS again (arrivals at busy queues wait).
            for (int guard = 0; guard < 50_000 && waiting() < WAITING_CALLS; guard++) {
                router.enqueue(call("w" + callId++, seeded)).offer().ifPresent(this::answer);
            }
            int ready = 0;
            for (int i = 0; i < AGENTS; i++) {
                if (router.agentStatus(job(i)).orElseThrow().state() == AgentState.READY) {
                    ready++;
                }
            }
            double queuesPerAgent = 0;
            for (int i = 0; i < AGENTS; i++) {
                queuesPerAgent += router.agentStatus(job(i)).orElseThrow().queues().size();
            }
            System.out.printf("%nCenter: %d agents (%d READY, %d NOT_READY), %d skills, %d queues, %d calls waiting, "
                            + "%.1f queues per agent%n", AGENTS, ready, notReadyAgents.size(), SKILLS, QUEUES, waiting(),
                    queuesPerAgent / AGENTS);
        }

        private void answer(Offer offer) {
            router.offerAnswered(offer.jobNumber());
        }

        int waiting() {
            int total = 0;
            for (String code : queueCodes) {
                total += router.figures(code).waiting();
            }
            return total;
        }

        WaitingCall call(String id, Random random) {
            return WaitingCall.of(id, queueCodes[random.nextInt(QUEUES)], T0.minusSeconds(random.nextInt(300)))
                    .withPriority(random.nextInt(4));
        }

        static String job(int i) {
            return String.format("%05d", i);
        }
    }

    /** A NOT_READY agent to make ready, restored after each invocation. */
    @State(Scope.Thread)
    public static class ReadyTurn extends Center {
        String jobNumber;
        Optional<Offer> offer;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            build();
        }

        @Setup(Level.Invocation)
        public void pick() {
            jobNumber = notReadyAgents.get(next++ % notReadyAgents.size());
        }

        @TearDown(Level.Invocation)
        public void undo() {
            if (offer.isPresent()) {
                // The call goes back to the head of its queue; no other READY agent can take it,
                // as READY agents never have calls waiting in their queues.
                router.offerRefused(jobNumber);
            } else {
                router.agentNotReady(jobNumber, "break");
            }
        }
    }

    /** An arriving call, abandoned after each invocation (which frees the agent it was offered to). */
    @State(Scope.Thread)
    public static class Arrival extends Center {
        WaitingCall call;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            build();
        }

        @Setup(Level.Invocation)
        public void make() {
            call = call("a" + next++, random);
        }

        @TearDown(Level.Invocation)
        public void undo() {
            router.abandon(call.callId());
        }
    }

    @Benchmark
    public Optional<Offer> agentReady(ReadyTurn turn) {
        turn.offer = turn.router.agentReady(turn.jobNumber);
        return turn.offer;
    }

    @Benchmark
    public EnqueueResult enqueue(Arrival arrival) {
        return arrival.router.enqueue(arrival.call);
    }
}
