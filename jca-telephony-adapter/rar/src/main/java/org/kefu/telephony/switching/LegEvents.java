package org.kefu.telephony.switching;

import org.jboss.logging.Logger;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.sip.CallFailedException;
import org.kefu.telephony.sip.CallHandler;
import org.kefu.telephony.sip.InboundCall;
import org.kefu.telephony.sip.MediaDirection;
import org.kefu.telephony.sip.OutboundCall;
import org.kefu.telephony.sip.SipCall;

import java.time.Instant;
import java.util.concurrent.CompletionException;

/**
 * What the switch does when the SIP link reports on a leg: a new INVITE (admitted or refused 503,
 * then delivered to the application), a leg answered, put on hold by its phone, asking for a
 * transfer (REFER), failed or ended. The link calls it as its {@link CallHandler}; the legs the
 * switch places report here through {@link #follow}.
 */
final class LegEvents implements CallHandler {

    private static final Logger LOG = SwitchRuntime.LOG;

    /** Carries out a transfer a phone asked for (the switch's single-step transfer; wired by {@link SipSwitch}). */
    @FunctionalInterface
    interface ReferTransfer {
        void transfer(ConnectionId transferring, DeviceId destination) throws TelephonyException;
    }

    private final SwitchRuntime rt;
    private final CallTable table;
    private final ApplicationLoad load;
    private final WarmUp warmUp;
    private final ReferTransfer referTransfer;

    LegEvents(SwitchRuntime rt, CallTable table, ApplicationLoad load, WarmUp warmUp, ReferTransfer referTransfer) {
        this.rt = rt;
        this.table = table;
        this.load = load;
        this.warmUp = warmUp;
        this.referTransfer = referTransfer;
    }

    // ------------------------------------------------------------------ admission

    /**
     * Why a new call is refused now, or null: the application's refusal, else the call limit (every
     * call needs media ports: refuse early, the caller's network retries elsewhere, rather than answer
     * calls that cannot have audio).
     */
    String admissionRefusal() {
        if (warmUp.isRunning()) {
            return "warming up";
        }
        String why = load.refusal();
        if (why != null) {
            return why;
        }
        if (table.size() >= rt.maxCalls()) {
            return "call limit of " + rt.maxCalls() + " reached";
        }
        return null;
    }

    @Override
    public boolean exempt(String sourceHost, int sourcePort) {
        // The warm-up calls come from the warm-up caller's port on loopback, bound by this process.
        // A JVM being warmed up is slow by nature (that is why it is warmed up): no overload
        // signal may refuse the cure; only the call limit holds.
        return warmUp.isRunning() && warmUp.isSource(sourceHost, sourcePort) && table.size() < rt.maxCalls();
    }

    @Override
    public String refusal(String sourceHost, int sourcePort) {
        return admissionRefusal();
    }

    @Override
    public String overload() {
        return load.overload();
    }

    // ------------------------------------------------------------------ what the link reports

    @Override
    public void onInvite(InboundCall invite) {
        if (admissionRefusal() != null && !warmUp.isRunning()) {
            invite.reject(503); // the state changed since the SIP thread asked
            return;
        }
        String ani = invite.extension().orElse(invite.ani());
        if (ani == null || ani.isBlank()) {
            ani = "anonymous";
        }
        String dnis = invite.dnis() == null || invite.dnis().isBlank() ? "unknown" : invite.dnis();
        SwitchCall call = new SwitchCall(SwitchRuntime.newCallId(), ani, dnis, new DeviceId(dnis));
        Party caller = new Party(call.connection(new DeviceId(ani)), invite, true, ConnectionState.CONNECTED);
        call.parties.add(caller);
        call.data.put(CallData.ANI, ani);
        call.data.put(CallData.DNIS, dnis);
        invite.extension().ifPresent(ext -> call.data.put(CallData.FROM_EXTENSION, ext));
        table.add(call);
        table.legIn(invite, call);
        invite.ended().whenCompleteAsync((end, err) -> legEnded(caller, end == null
                ? ClearCause.NETWORK_FAILURE : SipCauses.causeOf(end, caller.state != ConnectionState.ALERTING)), rt.executor);
        caller.state = ConnectionState.ALERTING;
        rt.emit(new CallEvent.Delivered(call.id, Instant.now(), call.connection(call.routePoint), ani, dnis, call.data, true));
    }

    @Override
    public void onEstablished(SipCall leg) {
        SwitchCall call = table.callOf(leg);
        if (call == null) {
            return;
        }
        call.caller().filter(p -> p.sip == leg).ifPresent(caller -> {
            caller.state = ConnectionState.CONNECTED;
            caller.media = rt.negotiator.session(leg.callId());
            rt.emit(new CallEvent.Established(call.id, Instant.now(), call.connection(call.routePoint)));
        });
    }

    @Override
    public void onMediaChange(SipCall leg, MediaDirection remoteDirection) {
        SwitchCall call = table.callOf(leg);
        if (call == null) {
            return;
        }
        Party party = CallTable.partyOf(call, leg);
        if (party == null) {
            return;
        }
        boolean holding = remoteDirection != MediaDirection.SENDRECV && remoteDirection != MediaDirection.RECVONLY;
        // The phone put the others on hold: they hear music until it takes them back.
        synchronized (call) {
            for (Party other : call.parties) {
                if (other != party && other.media != null) {
                    if (holding) {
                        other.media.playMusicOnHold();
                    } else {
                        other.media.stopPlayback();
                    }
                }
            }
            party.state = holding ? ConnectionState.HELD : ConnectionState.CONNECTED;
        }
        rt.emit(holding ? new CallEvent.Held(call.id, Instant.now(), party.id)
                : new CallEvent.Retrieved(call.id, Instant.now(), party.id));
    }

    @Override
    public int onRefer(SipCall leg, String referTo) {
        SwitchCall call = table.callOf(leg);
        Party party = call == null ? null : CallTable.partyOf(call, leg);
        if (party == null) {
            return 481; // the leg is no longer part of a call
        }
        try {
            referTransfer.transfer(party.id, new DeviceId(userOf(referTo)));
            return 200;
        } catch (org.kefu.telephony.dialplan.DialRefusedException e) {
            LOG.infof("Transfer asked by %s to %s refused: %s", party.id, referTo, e.getMessage());
            return 403;
        } catch (TelephonyException e) {
            LOG.infof("Transfer asked by %s to %s refused: %s", party.id, referTo, e.getMessage());
            return 503;
        } catch (IllegalArgumentException e) {
            LOG.infof("Transfer asked by %s to %s refused: %s", party.id, referTo, e.getMessage());
            return 404;
        }
    }

    private static String userOf(String uri) {
        String s = uri.replaceAll("^<|>$", "");
        int colon = s.indexOf(':');
        int at = s.indexOf('@');
        return at > colon && colon >= 0 ? s.substring(colon + 1, at) : s;
    }

    // ------------------------------------------------------------------ legs the switch placed

    /** Reports on a leg the switch placed for a party: answered, failed, ended. */
    void follow(Party party, OutboundCall leg) {
        // Futures complete on SIP stack threads: continue on the application's threads.
        leg.answered().whenCompleteAsync((ok, err) -> {
            if (err == null) {
                connected(party);
            } else {
                failed(party, err);
            }
        }, rt.executor);
        leg.ended().whenCompleteAsync((end, err) -> {
            if (party.state != ConnectionState.ALERTING) {
                legEnded(party, end == null ? ClearCause.NETWORK_FAILURE : SipCauses.causeOf(end, true));
            }
        }, rt.executor);
    }

    /** A party moved between calls keeps its SIP leg; its end must now be reported in the new call. */
    void rewire(Party old, Party moved) {
        old.sip.ended().whenCompleteAsync((end, err) -> legEnded(moved,
                end == null ? ClearCause.NETWORK_FAILURE : SipCauses.causeOf(end, true)), rt.executor);
    }

    private void connected(Party party) {
        SwitchCall call = table.hasLeg(party.sip) ? table.callOf(party.sip) : null;
        if (call == null) {
            party.sip.hangup();
            return;
        }
        synchronized (call) {
            party.state = ConnectionState.CONNECTED;
            party.media = rt.negotiator.session(party.sip.callId());
            // Back-to-back: the caller's INVITE is answered when the called phone answers.
            call.caller().filter(p -> p.state == ConnectionState.ALERTING && p.sip instanceof InboundCall)
                    .ifPresent(p -> {
                        if (((InboundCall) p.sip).answer()) {
                            p.state = ConnectionState.CONNECTED;
                            p.media = rt.negotiator.session(p.sip.callId());
                        }
                    });
            call.joinBridge(rt.media, rt.negotiator);
        }
        rt.emit(new CallEvent.Established(call.id, Instant.now(), party.id));
    }

    private void failed(Party party, Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        ClearCause why = cause instanceof CallFailedException f ? SipCauses.causeOf(f.statusCode()) : ClearCause.NETWORK_FAILURE;
        SwitchCall call = table.legOut(party.sip);
        if (call == null) {
            return;
        }
        boolean remove;
        synchronized (call) {
            remove = call.parties.remove(party);
            party.state = ConnectionState.FAILED;
        }
        if (remove) {
            rt.emit(new CallEvent.Failed(call.id, Instant.now(), party.id, party.leaving ? ClearCause.NORMAL : why));
            if (call.parties.isEmpty()) {
                table.endCall(call, why);
            }
        }
    }

    /** A leg ended at the far end (or by us). The caller leaving ends the call for everyone. */
    private void legEnded(Party party, ClearCause cause) {
        SwitchCall call = table.legOut(party.sip);
        if (call == null) {
            return;
        }
        boolean endCall;
        ConnectionState before;
        synchronized (call) {
            if (!call.parties.remove(party)) {
                return;
            }
            call.removeFromBridge(party);
            endCall = party.caller || call.parties.stream().noneMatch(Party::talking);
            before = party.state;
            party.state = ConnectionState.CLEARED;
        }
        if (before != ConnectionState.ALERTING || party.caller) {
            rt.emit(new CallEvent.Cleared(call.id, Instant.now(), party.id, party.leaving ? ClearCause.NORMAL : cause, endCall));
        }
        if (endCall) {
            table.endCall(call, party.caller ? cause : ClearCause.NORMAL);
        }
    }
}
