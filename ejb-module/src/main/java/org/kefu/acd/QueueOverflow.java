package org.kefu.acd;

import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;

/**
 * The ACD's decision that a caller leaves its queue for an IVR flow ({@code kind} IVR, {@code target}
 * the flow) or for voicemail ({@code kind} VOICEMAIL): returned by {@link AcdClock#tick} for the
 * call flow, which owns the caller's media, to carry out. The ACD no longer holds the call.
 */
public record QueueOverflow(CallId call, ConnectionId caller, String kind, String target, String fromQueue) {
}
