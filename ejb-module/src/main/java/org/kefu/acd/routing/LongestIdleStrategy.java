package org.kefu.acd.routing;

import java.util.Comparator;

/** The agent free the longest (since the last call ended, or since login) goes first: spreads work evenly in time. */
final class LongestIdleStrategy implements SelectionStrategy {

    @Override
    public Comparator<LiveAgent> order(QueueDefinition queue) {
        return LONGEST_IDLE_FIRST;
    }
}
