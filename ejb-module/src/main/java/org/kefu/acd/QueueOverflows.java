package org.kefu.acd;

import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;

/**
 * Where a call goes when its queue overflows to an IVR flow or to voicemail: the ACD owns this
 * question and the call flow ({@code org.kefu.callflow.InboundCalls}, which owns the caller's
 * media) carries it out, so that the ACD depends on nothing above it.
 */
public interface QueueOverflows {

    /** Takes {@code caller} off the queue's music to the flow {@code target} (kind IVR) or to voicemail (kind VOICEMAIL). */
    void overflowed(CallId call, ConnectionId caller, String kind, String target, String fromQueue);
}
