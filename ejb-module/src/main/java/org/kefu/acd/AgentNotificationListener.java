package org.kefu.acd;

/**
 * Told when something changed for an agent (its state, a call ringing at its desk), so that a
 * screen can refresh at once. Implemented by the web console: CDI events fired in the EJB jar do
 * not reach observers in the WAR, so the WAR registers a listener instead.
 */
@FunctionalInterface
public interface AgentNotificationListener {

    /** {@code what} is an agent state name (READY, TALKING, WRAP_UP …) or RINGING. Must not block. */
    void agentChanged(String jobNumber, String what);
}
