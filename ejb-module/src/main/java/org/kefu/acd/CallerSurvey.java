package org.kefu.acd;

import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;

/**
 * The ACD's port to the satisfaction survey: an agent hung up on a caller whose queue asks for a
 * rating, and the caller, still on the line, is handed to the queue's survey flow instead of being
 * cut off. Implemented above the ACD (the call flow, which owns IVR sessions).
 */
public interface CallerSurvey {

    /**
     * Hands the caller to {@code flowId}; false when that cannot be done (the flow is missing, the
     * caller left), and the ACD ends the call as it would without a survey.
     */
    boolean begin(CallId call, ConnectionId caller, String queue, String agentJob, String flowId);
}
