package org.kefu.acd;

/**
 * Where the ACD says who took a queued call: {@code org.kefu.reporting.CallDetailRecords} writes it
 * on the call's record, so that the ACD depends on nothing above it (reporting reads the ACD's
 * figures).
 */
public interface CallAssignments {

    /** The queue the call waited in and the agent who took it (the latest, after transfers). */
    void assigned(String callRef, String queueCode, String agentJobNumber);
}
