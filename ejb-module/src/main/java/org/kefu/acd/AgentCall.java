package org.kefu.acd;

import java.io.Serializable;
import java.util.Map;
import org.kefu.telephony.CallData;

/**
 * A call at the agent's desk phone as the console shows it: who calls, from which queue, after how
 * long a wait, and where the agent's own leg stands (ALERTING, CONNECTED, HELD). Getters for EL.
 */
public class AgentCall implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String callId;
    private final String legState;
    private final Map<String, String> data;
    private final boolean consultation;
    /** Everyone else in the call is on hold (music): the agent put this call aside (consultation, alternate). */
    private final boolean othersHeld;
    /** Parties in the call, the agent included: 3 or more is a conference. */
    private final int parties;

    public AgentCall(String callId, String legState, Map<String, String> data, boolean consultation) {
        this(callId, legState, data, consultation, false, 2);
    }

    public AgentCall(String callId, String legState, Map<String, String> data, boolean consultation,
                     boolean othersHeld, int parties) {
        this.callId = callId;
        this.legState = legState;
        this.data = Map.copyOf(data);
        this.consultation = consultation;
        this.othersHeld = othersHeld;
        this.parties = parties;
    }

    public boolean isOthersHeld() {
        return othersHeld;
    }

    public int getParties() {
        return parties;
    }

    public boolean isConference() {
        return parties >= 3;
    }

    public String getCallId() {
        return callId;
    }

    /** The agent's own connection: ALERTING (ringing), CONNECTED, HELD. */
    public String getLegState() {
        return legState;
    }

    public boolean isRinging() {
        return "ALERTING".equals(legState) || "INITIATED".equals(legState);
    }

    public boolean isHeld() {
        return "HELD".equals(legState);
    }

    public boolean isConsultation() {
        return consultation;
    }

    /** The caller's number (the far end for an outbound call). */
    public String getCallerNumber() {
        String ani = data.get(CallData.ANI);
        return ani != null ? ani : data.getOrDefault(CallData.DIALLED, "");
    }

    public String getQueue() {
        return data.getOrDefault(CallData.QUEUE, "");
    }

    /** Seconds the caller waited in the queue before it rang here. */
    public String getWaitSeconds() {
        return data.getOrDefault(CallData.WAIT_SECONDS, "");
    }

    public String getServiceNumber() {
        return data.getOrDefault(CallData.DNIS, "");
    }

    public Map<String, String> getData() {
        return data;
    }
}
