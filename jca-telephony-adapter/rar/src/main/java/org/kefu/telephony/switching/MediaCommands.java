package org.kefu.telephony.switching;

import org.jboss.logging.Logger;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.media.DigitResult;
import org.kefu.telephony.media.DigitSpec;
import org.kefu.telephony.media.DtmfRelay;
import org.kefu.telephony.media.MediaSession;
import org.kefu.telephony.media.PromptNotFoundException;
import org.kefu.telephony.media.TelephoneEvent;
import org.kefu.telephony.timing.Timers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The media commands on a party or a call, carried out by the party's media session or the call's
 * bridge: prompts, digit collection, recording a message or the whole call, sending DTMF (RFC 4733
 * in the RTP stream, else SIP INFO) and stopping what plays.
 */
final class MediaCommands {

    private static final Logger LOG = SwitchRuntime.LOG;
    /** Digits per command: a long account number with its terminator fits; a runaway script does not. */
    private static final int MAX_DIGITS = 32;
    /** SIP INFO fallback: one key every 160 ms, the pace of the RFC 4733 sender (100 ms tone, 60 ms gap). */
    private static final long INFO_SPACING_MILLIS = 160;
    private static final int INFO_DURATION_MILLIS = 100;

    private final SwitchRuntime rt;
    private final CallTable table;

    MediaCommands(SwitchRuntime rt, CallTable table) {
        this.rt = rt;
        this.table = table;
    }

    void play(ConnectionId to, Prompt prompt) throws TelephonyException {
        Party p = table.party(to);
        MediaSession m = rt.mediaOf(p);
        CallId callId = to.call();
        try {
            if (prompt.loop() && prompt.names().equals(List.of("music-on-hold"))) {
                m.playMusicOnHold();
                return;
            }
            m.play(prompt.names(), prompt.locale(), prompt.bargeIn(), outcome -> rt.emit(new CallEvent.PromptFinished(
                    callId, Instant.now(), to, switch (outcome) {
                        case COMPLETED -> CallEvent.PromptEnd.COMPLETED;
                        case BARGED_IN -> CallEvent.PromptEnd.BARGED_IN;
                        default -> CallEvent.PromptEnd.STOPPED;
                    })));
        } catch (PromptNotFoundException e) {
            throw new TelephonyException(e.getMessage(), e);
        }
    }

    void collectDigits(ConnectionId from, DigitCollection spec) throws TelephonyException {
        Party p = table.party(from);
        MediaSession m = rt.mediaOf(p);
        CallId callId = from.call();
        DigitSpec ds = new DigitSpec(spec.maxDigits(), spec.terminator(),
                spec.firstDigit().toMillis(), spec.interDigit().toMillis());
        m.collectDigits(ds, result -> rt.emit(new CallEvent.DigitsReceived(callId, Instant.now(), from,
                result.digits(), endOf(result), spec.secret())));
    }

    private static CallEvent.DigitsEnd endOf(DigitResult result) {
        return switch (result.reason()) {
            case MAX_DIGITS -> CallEvent.DigitsEnd.MAX_DIGITS;
            case TERMINATOR -> CallEvent.DigitsEnd.TERMINATOR;
            case TIMEOUT -> CallEvent.DigitsEnd.TIMEOUT;
            default -> CallEvent.DigitsEnd.CANCELLED;
        };
    }

    void record(ConnectionId of, int maxSeconds) throws TelephonyException {
        if (maxSeconds < 1 || maxSeconds > 3600) {
            throw new TelephonyException("a recording lasts 1 to 3600 seconds, not " + maxSeconds);
        }
        Party p = table.party(of);
        MediaSession m = rt.mediaOf(p);
        String ref = RecordingNames.ofMessage(of.call()); // never the caller's number
        Path file = rt.config.recordingDir().resolve(ref);
        Instant began = Instant.now();
        try {
            m.startRecording(file);
        } catch (IOException e) {
            throw new TelephonyException("cannot record to " + file + ": " + e.getMessage(), e);
        }
        Runnable finish = () -> {
            m.stopRecording();
            rt.emit(new CallEvent.RecordingFinished(of.call(), Instant.now(), of, ref,
                    Duration.between(began, Instant.now()).toMillis()));
        };
        // Ends at the time limit, or when the caller presses # (or hangs up: the session closes).
        Timers t = rt.timers;
        Timers.Task limit = t.after(Duration.ofSeconds(maxSeconds), finish);
        m.collectDigits(new DigitSpec(1, '#', maxSeconds * 1000L, maxSeconds * 1000L), r -> {
            if (limit.cancel()) {
                finish.run();
            }
        });
    }

    void recordCall(CallId id) throws TelephonyException {
        SwitchCall call = table.call(id);
        synchronized (call) {
            if (call.recordingRef != null) {
                return;
            }
            call.joinBridge(rt.media, rt.negotiator);
            String ref = RecordingNames.ofCall(id);
            try {
                call.bridge.startRecording(rt.config.recordingDir().resolve(ref));
            } catch (IOException e) {
                throw new TelephonyException("cannot record call " + id + ": " + e.getMessage(), e);
            }
            call.recordingRef = ref;
        }
    }

    void sendDigits(ConnectionId from, String digits) throws TelephonyException {
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw new TelephonyException("send 1 to " + MAX_DIGITS + " DTMF digits at a time, not "
                    + (digits == null ? 0 : digits.length()));
        }
        for (int i = 0; i < digits.length(); i++) {
            // The position, never the character: whatever was typed may be part of a PIN.
            if (!TelephoneEvent.isDtmf(digits.charAt(i))) {
                throw new TelephonyException("character " + (i + 1) + " of the digits is not a DTMF key (0-9 * # A-D)");
            }
        }
        String keys = digits.toUpperCase(Locale.ROOT);
        SwitchCall call = table.call(from.call());
        Party sender = table.party(from);
        if (sender.state != ConnectionState.CONNECTED) {
            throw new TelephonyException(from + " is " + sender.state + ": only a connected party sends digits");
        }
        List<Party> receivers = new ArrayList<>();
        synchronized (call) {
            for (Party p : call.parties) {
                // Held parties hear music and are not part of the conversation the keys are meant for.
                if (p != sender && p.state == ConnectionState.CONNECTED) {
                    receivers.add(p);
                }
            }
        }
        if (receivers.isEmpty()) {
            throw new TelephonyException("nobody else is connected in " + call.id + " to receive the digits");
        }
        for (Party p : receivers) {
            MediaSession m = p.media != null ? p.media : rt.negotiator.session(p.sip.callId());
            if (m != null && m.canSendDtmf()) {
                m.sendDigits(keys); // RFC 4733 events in the RTP stream towards that party
            } else {
                sendByInfo(p, keys);
            }
        }
        LOG.debugf("%d digit(s) from %s sent to %d party(ies)", Integer.valueOf(keys.length()), from, Integer.valueOf(receivers.size()));
    }

    /** For a party that negotiated no telephone-event: one SIP INFO application/dtmf-relay per key, in order. */
    private void sendByInfo(Party p, String keys) {
        Timers t = rt.timers;
        for (int i = 0; i < keys.length(); i++) {
            String body = DtmfRelay.relayBody(keys.charAt(i), INFO_DURATION_MILLIS);
            t.after(Duration.ofMillis(i * INFO_SPACING_MILLIS), () -> p.sip.info("application", "dtmf-relay", body)
                    .whenComplete((status, err) -> {
                        if (err != null || status >= 300) {
                            LOG.debugf("DTMF INFO to %s: %s", p.id, err != null ? err.getMessage() : "answered " + status);
                        }
                    }));
        }
    }

    void stopMedia(ConnectionId connection) throws TelephonyException {
        Party p = table.party(connection);
        MediaSession m = rt.mediaOf(p);
        m.stopPlayback();
        m.cancelDigits();
    }
}
