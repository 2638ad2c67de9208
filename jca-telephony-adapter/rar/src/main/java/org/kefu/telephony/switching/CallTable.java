package org.kefu.telephony.switching;

import org.jboss.logging.Logger;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.sip.InboundCall;
import org.kefu.telephony.sip.OutboundCall;
import org.kefu.telephony.sip.SipCall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The switch's calls: which calls exist, which call each SIP leg belongs to now (it changes on
 * transfer), the end of a call for every party still in it, and the sweep that clears calls no SIP
 * leg keeps alive any more.
 */
final class CallTable {

    private static final Logger LOG = SwitchRuntime.LOG;
    /** A caller the application never answered is refused after this long. */
    static final Duration UNANSWERED_LIMIT = Duration.ofSeconds(60);

    private final SwitchRuntime rt;
    private final Map<CallId, SwitchCall> calls = new ConcurrentHashMap<>();
    /** SIP Call-ID of a leg → the call that leg currently belongs to (changes on transfer). */
    private final Map<String, CallId> callOfLeg = new ConcurrentHashMap<>();

    CallTable(SwitchRuntime rt) {
        this.rt = rt;
    }

    // ------------------------------------------------------------------ the table

    void add(SwitchCall call) {
        calls.put(call.id, call);
    }

    /** Takes a call out of the table (ended, or merged into another); its legs' entries stay. */
    void remove(SwitchCall call) {
        calls.remove(call.id);
    }

    /** The leg now belongs to this call. */
    void legIn(SipCall leg, SwitchCall call) {
        callOfLeg.put(leg.callId(), call.id);
    }

    /** The leg no longer belongs to any call; the call it belonged to, if any, still in the table. */
    SwitchCall legOut(SipCall leg) {
        CallId id = callOfLeg.remove(leg.callId());
        return id == null ? null : calls.get(id);
    }

    boolean hasLeg(SipCall leg) {
        return callOfLeg.containsKey(leg.callId());
    }

    int size() {
        return calls.size();
    }

    Collection<SwitchCall> all() {
        return List.copyOf(calls.values());
    }

    Set<CallId> ids() {
        return Set.copyOf(calls.keySet());
    }

    // ------------------------------------------------------------------ lookups

    SwitchCall call(CallId id) throws TelephonyException {
        SwitchCall call = calls.get(id);
        if (call == null) {
            throw new TelephonyException("no such call: " + id);
        }
        return call;
    }

    Party party(ConnectionId id) throws TelephonyException {
        return call(id.call()).resolve(id)
                .orElseThrow(() -> new TelephonyException("no such connection: " + id));
    }

    /** The call a SIP leg belongs to now, or null. */
    SwitchCall callOf(SipCall leg) {
        CallId id = callOfLeg.get(leg.callId());
        return id == null ? null : calls.get(id);
    }

    static Party partyOf(SwitchCall call, SipCall leg) {
        for (Party p : call.parties) {
            if (p.sip == leg) {
                return p;
            }
        }
        return null;
    }

    /** The connections a device has in calls now. */
    List<CallSnapshot.Party> partiesOf(DeviceId device) {
        List<CallSnapshot.Party> in = new ArrayList<>();
        for (SwitchCall call : calls.values()) {
            call.party(device).ifPresent(p -> in.add(new CallSnapshot.Party(p.id, p.state)));
        }
        return in;
    }

    // ------------------------------------------------------------------ the end of calls

    /** Ends the call for every party still in it (once), and releases their legs and media. */
    void endCall(SwitchCall call, ClearCause cause) {
        List<Party> rest;
        synchronized (call) {
            if (call.ended) {
                return;
            }
            call.ended = true;
            rest = new ArrayList<>(call.parties);
            call.parties.clear();
            if (call.bridge != null) {
                call.bridge.close();
            }
        }
        calls.remove(call.id);
        for (Party p : rest) {
            callOfLeg.remove(p.sip.callId(), call.id);
            hangUp(p);
            // The SIP layer releases a leg's media when the leg ends; a leg that never ends
            // cleanly (a 200 never ACKed) must not keep its ports.
            rt.negotiator.released(p.sip.callId());
            rt.emit(new CallEvent.Cleared(call.id, Instant.now(), p.id, cause, true));
        }
        if (call.recordingRef != null) {
            rt.emit(new CallEvent.RecordingFinished(call.id, Instant.now(), call.connection(call.routePoint),
                    call.recordingRef, Duration.between(call.started, Instant.now()).toMillis()));
        }
    }

    /** Ends a party's leg from our side: refused or cancelled while it rings, else BYE. */
    static void hangUp(Party p) {
        p.leaving = true;
        if (p.sip instanceof InboundCall inbound && p.state == ConnectionState.ALERTING) {
            inbound.reject(480);
        } else if (p.sip instanceof OutboundCall outbound && p.state == ConnectionState.ALERTING) {
            outbound.cancel();
        } else {
            p.sip.hangup();
        }
    }

    /**
     * Housekeeping every few seconds, so that no call outlives its SIP legs and no caller waits
     * forever for an application that never answered (overload, a lost event).
     */
    void sweep() {
        Instant now = Instant.now();
        for (SwitchCall call : List.copyOf(calls.values())) {
            try {
                boolean allGone;
                synchronized (call) {
                    allGone = !call.ended && call.parties.stream().allMatch(p -> p.sip.isEnded());
                }
                if (allGone) {
                    LOG.debugf("Call %s has no live leg left: clearing it", call.id);
                    endCall(call, ClearCause.NETWORK_FAILURE);
                    continue;
                }
                call.caller().filter(p -> p.state == ConnectionState.ALERTING && p.sip instanceof InboundCall
                                && call.parties.size() == 1
                                && Duration.between(call.started, now).compareTo(UNANSWERED_LIMIT) > 0)
                        .ifPresent(p -> {
                            LOG.infof("Call %s not answered by the application in %s: refused", call.id, UNANSWERED_LIMIT);
                            endCall(call, ClearCause.NO_ANSWER);
                        });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Sweeping call %s failed", call.id);
            }
        }
    }
}
