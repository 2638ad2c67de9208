package org.kefu.telephony.switching;

import java.util.UUID;
import java.util.regex.Pattern;

import org.kefu.telephony.CallId;

/**
 * File names of recordings and voice messages in the switch's recording folder (issue 14 item
 * 10): made of identifiers the switch generated itself, never of anything a caller sent (the
 * calling number, a device name taken from a From header), so nothing outside can choose a name,
 * a folder or a personal datum on disk.
 */
final class RecordingNames {

    private static final Pattern GENERATED_CALL_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private RecordingNames() {
    }

    /** A whole call's recording: the switch's call id (a random UUID) when it is one. */
    static String ofCall(CallId call) {
        return generated(call) ? call.value() + ".wav" : "call-" + UUID.randomUUID() + ".wav";
    }

    /** A message recorded on one leg (voicemail, an IVR record node): a fresh random name. */
    static String ofMessage(CallId call) {
        return (generated(call) ? call.value() + "-" : "msg-") + UUID.randomUUID() + ".wav";
    }

    private static boolean generated(CallId call) {
        return call != null && GENERATED_CALL_ID.matcher(call.value()).matches();
    }
}
