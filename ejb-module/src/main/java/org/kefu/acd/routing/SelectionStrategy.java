package org.kefu.acd.routing;


import java.util.Comparator;

/**
 * How a queue picks among its READY agents, expressed as a total order: the first agent in the
 * order gets the call. Being an order (not a search) lets each queue keep its ready agents in a
 * sorted set, so a decision costs O(log n) however many agents there are.
 * <p>
 * Every order ends with the job number so that it is total and the decision deterministic.
 */
interface SelectionStrategy {

    Comparator<LiveAgent> order(QueueDefinition queue);

    /** The implementation of a configured strategy. */
    static SelectionStrategy of(RoutingStrategy strategy) {
        return switch (strategy) {
            case LONGEST_IDLE -> new LongestIdleStrategy();
            case FEWEST_CALLS -> new FewestCallsStrategy();
            case MOST_SKILLED -> new MostSkilledStrategy();
            case ROUND_ROBIN -> new RoundRobinStrategy();
        };
    }

    /** Shared tie-break: the agent idle longest, then the lowest job number. */
    Comparator<LiveAgent> LONGEST_IDLE_FIRST =
            Comparator.comparing((LiveAgent a) -> a.idleSince).thenComparing(a -> a.jobNumber);
}
