package org.kefu.acd.routing;

import java.time.Duration;
import java.util.Map;

/**
 * Live figures of one queue for wallboards and supervisors.
 *
 * @param agentsByState logged-in agents who serve the queue, counted by state
 * @param expectedWait  what a caller joining now would be told
 */
public record QueueFigures(String queue, int waiting, Duration longestWait,
                           Map<AgentState, Integer> agentsByState, Duration expectedWait) {
}
