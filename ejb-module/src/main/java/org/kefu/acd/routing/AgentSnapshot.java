package org.kefu.acd.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A copy of one agent's live record, safe to hand out of the router's lock.
 *
 * @param reason          not-ready reason code, or {@code null} in other states
 * @param lastCallEndedAt when the agent's last ACD call ended, or {@code null}
 * @param offeredCallId   the call ringing or being talked on, or {@code null}
 * @param wrapUpUntil     end of timed wrap-up, or {@code null}
 */
public record AgentSnapshot(String jobNumber, String extension, Map<String, Integer> skills, AgentState state,
                            String reason, Instant stateSince, Instant lastCallEndedAt, int callsAnsweredToday,
                            Set<String> queues, String offeredCallId, Instant wrapUpUntil) {
}
