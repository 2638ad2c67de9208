package org.kefu.acd.routing;

import java.time.Instant;

/**
 * One entry of an agent's state history, handed to the {@link AgentStateListener} so that the
 * EJB layer can persist it (the router itself keeps only the current state).
 *
 * @param reason not-ready reason code when {@code to} is NOT_READY, else {@code null}
 * @param callId the call involved (offered, answered, ended), or {@code null}
 */
public record AgentStateChange(String jobNumber, String extension, AgentState from, AgentState to,
                               String reason, String callId, Instant at) {
}
