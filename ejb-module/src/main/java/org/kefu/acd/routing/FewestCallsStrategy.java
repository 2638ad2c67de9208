package org.kefu.acd.routing;

import java.util.Comparator;

/** The agent who answered the fewest calls today goes first (ties: longest idle): evens out the count. */
final class FewestCallsStrategy implements SelectionStrategy {

    @Override
    public Comparator<LiveAgent> order(QueueDefinition queue) {
        return Comparator.comparingInt((LiveAgent a) -> a.callsAnsweredToday).thenComparing(LONGEST_IDLE_FIRST);
    }
}
