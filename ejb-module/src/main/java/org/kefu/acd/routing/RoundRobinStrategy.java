package org.kefu.acd.routing;

import java.util.Comparator;

/**
 * Agents take turns per queue: the one who got a call from this queue least recently goes first
 * (never-served agents by job number). The turn is the queue's own, so a call from another queue
 * does not cost an agent its place here.
 */
final class RoundRobinStrategy implements SelectionStrategy {

    @Override
    public Comparator<LiveAgent> order(QueueDefinition queue) {
        String code = queue.code();
        return Comparator.comparingLong((LiveAgent a) -> a.turnIn(code)).thenComparing(a -> a.jobNumber);
    }
}
