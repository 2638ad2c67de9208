package org.kefu.acd.routing;

import java.time.Instant;

/**
 * The router's decision: ring {@code call} at the agent's extension. The agent is RESERVED until
 * {@link Router#offerAnswered}, {@link Router#offerRefused} (RONA) or {@link Router#abandon}.
 */
public record Offer(WaitingCall call, String jobNumber, String extension, Instant offeredAt) {
}
