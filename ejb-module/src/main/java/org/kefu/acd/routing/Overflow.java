package org.kefu.acd.routing;

/**
 * A call taken out of its queue after the queue's max wait; the caller of
 * {@link Router#overflowDue} sends it to {@code target} (another queue, IVR, voicemail).
 */
public record Overflow(WaitingCall call, String fromQueue, String target) {
}
