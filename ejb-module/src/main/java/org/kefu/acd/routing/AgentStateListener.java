package org.kefu.acd.routing;

/**
 * Told of every agent state change, in order. Called while the router holds its lock: keep it quick
 * (append to a list or a queue and persist after the router call returns).
 */
@FunctionalInterface
public interface AgentStateListener {

    AgentStateListener NONE = change -> { };

    void stateChanged(AgentStateChange change);
}
