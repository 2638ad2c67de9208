package org.kefu.acd.routing;

import java.util.Comparator;

/**
 * The agent with the highest summed level on the queue's required skills goes first (ties: longest
 * idle), so each request reaches the most suitable agent. Skills the queue does not require
 * do not count: a polyglot is not better at banking for it.
 */
final class MostSkilledStrategy implements SelectionStrategy {

    @Override
    public Comparator<LiveAgent> order(QueueDefinition queue) {
        return Comparator.comparingInt((LiveAgent a) -> -queue.skillScore(a.skills)).thenComparing(LONGEST_IDLE_FIRST);
    }
}
