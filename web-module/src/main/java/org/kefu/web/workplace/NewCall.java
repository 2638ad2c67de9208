package org.kefu.web.workplace;

/**
 * A call the agent's desk has not seen before rang or was dialled: the panels drop what the agent
 * entered for the last call (keys sent, wrap-up, banking, new customer).
 */
public record NewCall(String callRef) {
}
