package org.kefu.telephony;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * Something that happened on the switch, delivered to message-driven beans that implement
 * {@link CallEventListener}. Events of one call arrive in the order they happened.
 */
public sealed interface CallEvent extends Serializable {

    CallId call();

    Instant at();

    /**
     * A call is ringing at a device, or waits at a service number for the application to answer.
     * {@code arrival} is true when the call has just come into the switch (from a trunk or a
     * phone) and needs a routing decision; false when it rings where the application sent it.
     */
    record Delivered(CallId call, Instant at, ConnectionId alerting, String ani, String dnis,
                     Map<String, String> data, boolean arrival) implements CallEvent {
        public Delivered {
            data = Map.copyOf(data);
        }
    }

    /** A connection was answered: the parties (or the IVR) can talk. */
    record Established(CallId call, Instant at, ConnectionId answering) implements CallEvent {
    }

    record Held(CallId call, Instant at, ConnectionId held) implements CallEvent {
    }

    record Retrieved(CallId call, Instant at, ConnectionId retrieved) implements CallEvent {
    }

    /** The call now continues as {@code call} with the transferred-to device; data travelled with it. */
    record Transferred(CallId call, Instant at, CallId fromCall, DeviceId transferringDevice,
                       DeviceId transferredTo) implements CallEvent {
    }

    record Conferenced(CallId call, Instant at, DeviceId addedDevice) implements CallEvent {
    }

    /** One connection left the call; {@code callEnded} when it was the last that mattered. */
    record Cleared(CallId call, Instant at, ConnectionId cleared, ClearCause cause, boolean callEnded)
            implements CallEvent {
    }

    /** A connection attempt failed (busy, no answer, unreachable). */
    record Failed(CallId call, Instant at, ConnectionId failed, ClearCause cause) implements CallEvent {
    }

    /**
     * Digits collected as asked. {@code secret} collections keep their digits out of toString:
     * PINs pass through here and must never reach a log.
     */
    record DigitsReceived(CallId call, Instant at, ConnectionId from, String digits, DigitsEnd end,
                          boolean secret) implements CallEvent {
        @Override
        public String toString() {
            return "DigitsReceived[call=" + call + ", from=" + from + ", digits="
                    + (secret ? "*".repeat(digits.length()) : digits) + ", end=" + end + "]";
        }
    }

    record PromptFinished(CallId call, Instant at, ConnectionId to, PromptEnd end) implements CallEvent {
    }

    record RecordingFinished(CallId call, Instant at, ConnectionId of, String recordingRef, long millis)
            implements CallEvent {
    }

    /** A device (an agent's phone) registered with the switch; not tied to a call. */
    record DeviceRegistered(CallId call, Instant at, DeviceId device, String contact) implements CallEvent {
    }

    record DeviceUnregistered(CallId call, Instant at, DeviceId device) implements CallEvent {
    }

    /**
     * The switch refused something for its own protection (toll fraud, password guessing, a policy):
     * a failed phone login, a block after repeated failures, an outside number above the switch's
     * dial ceiling, a transfer asked by a leg that may not transfer, a call without the required
     * SRTP, a call over an extension's limit. For the application's audit trail; the refusal itself
     * has already been answered on the wire. Not tied to a call: each {@code action} travels in order
     * on a call id of its own ({@code security:<action>}).
     *
     * <p>Under a flood the switch reports at most a few of one kind per minute one by one and then
     * one summary: {@code occurrences} says how many refusals this event stands for (1, or the number
     * left out of the one-by-one reports in that minute).
     *
     * @param actor  who asked (an extension or a calling number), or null when unknown
     * @param target what was refused (a dialled number, an extension), or null
     * @param source the network address the request came from, or null
     */
    record SecurityRefused(CallId call, Instant at, String action, String actor, String target, String source,
                           String detail, long occurrences) implements CallEvent {
    }

    /** Why digit collection ended. */
    enum DigitsEnd {
        MAX_DIGITS, TERMINATOR, TIMEOUT, CANCELLED
    }

    /** Why a prompt stopped. */
    enum PromptEnd {
        COMPLETED, BARGED_IN, STOPPED
    }
}
