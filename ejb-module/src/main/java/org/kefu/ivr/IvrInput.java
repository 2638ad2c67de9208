package org.kefu.ivr;

import org.kefu.telephony.CallEvent;

import java.util.Map;

/** What happened on the call, as the flow interpreter sees it (the EJB layer maps CallEvents to these). */
public sealed interface IvrInput {

    /** The call was answered by the IVR: start the flow. {@code data} is the call's data so far (ani, dnis …). */
    record Started(String callId, Map<String, String> data) implements IvrInput {
        public Started {
            data = Map.copyOf(data);
        }
    }

    record PromptFinished(CallEvent.PromptEnd end) implements IvrInput {
    }

    /**
     * Keys collected and why collection ended. The digits are never in {@link #toString()}: they
     * may be a PIN, and only the interpreter knows which node asked for them.
     */
    record DigitsReceived(String digits, CallEvent.DigitsEnd end) implements IvrInput {
        public DigitsReceived {
            digits = digits == null ? "" : digits;
        }

        @Override
        public String toString() {
            return "DigitsReceived[digits=" + "*".repeat(Math.min(digits.length(), 3)) + ", end=" + end + "]";
        }
    }

    /** A service node's operation answered. */
    record ServiceDone(Map<String, String> outputs) implements IvrInput {
        public ServiceDone {
            outputs = Map.copyOf(outputs);
        }
    }

    /** A service node's operation refused, with its error code (e.g. WRONG_PIN), or UNAVAILABLE. */
    record ServiceFailed(String errorCode) implements IvrInput {
    }

    /** A recording ended: where it is stored. */
    record RecordingFinished(String recordingRef, long millis) implements IvrInput {
    }

    /** Nothing came in time (an application timer): treated as silence. */
    record Timeout() implements IvrInput {
    }
}
