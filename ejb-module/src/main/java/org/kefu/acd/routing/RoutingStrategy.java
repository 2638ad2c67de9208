package org.kefu.acd.routing;

/** How a queue picks among the agents able to take its call. */
public enum RoutingStrategy {
    LONGEST_IDLE, FEWEST_CALLS, MOST_SKILLED, ROUND_ROBIN
}
