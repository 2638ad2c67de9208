package org.kefu.acd.routing;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The agents and queues of /shared/DEMO-CENTER.md, as the router sees them. */
final class DemoCenter {

    static final Instant MORNING = Instant.parse("2026-03-02T01:00:00Z");

    static final Map<String, Map<String, Integer>> SKILLS = Map.of(
            "1001", Map.of("banking", 8, "mandarin", 9),
            "1002", Map.of("banking", 5, "securities", 7, "english", 8),
            "1003", Map.of("utilities", 9, "mandarin", 9),
            "1004", Map.of("securities", 9, "banking", 3),
            "1005", Map.of("banking", 10, "mandarin", 10, "securities", 10, "utilities", 10, "english", 10));

    static final List<String> AGENTS = List.of("1001", "1002", "1003", "1004", "1005");

    static final List<QueueDefinition> QUEUES = List.of(
            QueueDefinition.of("banking", RoutingStrategy.MOST_SKILLED, Map.of("banking", 3)),
            QueueDefinition.of("vip", RoutingStrategy.LONGEST_IDLE, Map.of("banking", 7))
                    .withMaxWait(Duration.ofSeconds(30), "banking"),
            QueueDefinition.of("securities", RoutingStrategy.LONGEST_IDLE, Map.of("securities", 5)),
            QueueDefinition.of("utilities", RoutingStrategy.LONGEST_IDLE, Map.of("utilities", 5)),
            QueueDefinition.of("english", RoutingStrategy.LONGEST_IDLE, Map.of("english", 6)),
            QueueDefinition.of("hotline", RoutingStrategy.FEWEST_CALLS, Map.of()));

    private DemoCenter() {
    }

    /** Extension 8001 for 1001 and so on. */
    static String extensionOf(String jobNumber) {
        return "800" + jobNumber.charAt(3);
    }

    static Router router(MutableClock clock, PriorityRule rule, AgentStateListener listener) {
        Router router = new Router(clock, rule, NotReadyReasons.defaults(), listener, Duration.ofMinutes(3));
        QUEUES.forEach(router::defineQueue);
        return router;
    }

    static Router router(MutableClock clock) {
        return router(clock, PriorityRule.plusOneEvery(Duration.ofSeconds(30), 5), AgentStateListener.NONE);
    }

    static void login(Router router, String... jobNumbers) {
        for (String job : jobNumbers) {
            router.login(job, extensionOf(job), SKILLS.get(job));
        }
    }

    /** Logs in and readies the agents one second apart, in the order given (first = idle longest). */
    static void ready(Router router, MutableClock clock, String... jobNumbers) {
        for (String job : jobNumbers) {
            if (router.agentStatus(job).map(a -> a.state() == AgentState.LOGGED_OUT).orElse(true)) {
                login(router, job);
            }
            router.agentReady(job);
            clock.advanceSeconds(1);
        }
    }
}
