package org.kefu.telephony.switching;

import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.media.MediaSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hold, transfers and conferences. Media is anchored in the switch, so each of them moves parties'
 * media between bridges and parties between calls; no SIP dialog changes, and a party that leaves
 * gets BYE.
 */
final class Transfers {

    private final SwitchRuntime rt;
    private final CallTable table;
    private final Dialing dialing;
    private final LegEvents legs;

    Transfers(SwitchRuntime rt, CallTable table, Dialing dialing, LegEvents legs) {
        this.rt = rt;
        this.table = table;
        this.dialing = dialing;
        this.legs = legs;
    }

    void hold(ConnectionId connection) throws TelephonyException {
        SwitchCall call = table.call(connection.call());
        Party p = table.party(connection);
        MediaSession m = rt.mediaOf(p);
        synchronized (call) {
            // Media is anchored here: holding a party is taking it out of the mix and giving it music.
            call.removeFromBridge(p);
            m.playMusicOnHold();
            p.state = ConnectionState.HELD;
        }
        rt.emit(new CallEvent.Held(call.id, Instant.now(), p.id));
    }

    void retrieve(ConnectionId held) throws TelephonyException {
        SwitchCall call = table.call(held.call());
        Party p = table.party(held);
        synchronized (call) {
            if (p.state != ConnectionState.HELD) {
                return;
            }
            p.state = ConnectionState.CONNECTED;
            call.joinBridge(rt.media, rt.negotiator);
        }
        rt.emit(new CallEvent.Retrieved(call.id, Instant.now(), p.id));
    }

    void singleStepTransfer(ConnectionId transferring, DeviceId destination) throws TelephonyException {
        dialing.checkOutside(destination, "transfer", transferring.device().value()); // before the caller is put to music for a number we will not dial
        SwitchCall call = table.call(transferring.call());
        Party leaving = table.party(transferring);
        for (Party other : call.parties) {
            if (other != leaving && other.media != null) {
                other.media.playMusicOnHold(); // the caller hears music while the destination rings
            }
        }
        ConnectionId target = dialing.routeTo(call.id, destination);
        leaving.leaving = true;
        synchronized (call) {
            call.parties.remove(leaving);
            call.removeFromBridge(leaving);
        }
        table.legOut(leaving.sip);
        leaving.sip.hangup();
        rt.emit(new CallEvent.Transferred(call.id, Instant.now(), call.id, leaving.id.device(), target.device()));
        rt.emit(new CallEvent.Cleared(call.id, Instant.now(), leaving.id, ClearCause.TRANSFERRED, false));
    }

    ConnectionId consultationCall(ConnectionId active, DeviceId destination) throws TelephonyException {
        dialing.checkOutside(destination, "consultation", active.device().value());
        SwitchCall first = table.call(active.call());
        Party agent = table.party(active);
        MediaSession agentMedia = rt.mediaOf(agent);
        // The others in the first call wait with music; the agent's media moves to a new call.
        synchronized (first) {
            for (Party other : first.parties) {
                if (other != agent && other.media != null) {
                    first.removeFromBridge(other);
                    other.media.playMusicOnHold();
                    other.state = ConnectionState.HELD;
                    rt.emit(new CallEvent.Held(first.id, Instant.now(), other.id));
                }
            }
            first.removeFromBridge(agent);
        }
        SwitchCall consult = new SwitchCall(SwitchRuntime.newCallId(), agent.id.device().value(), destination.value(),
                agent.id.device());
        consult.data.putAll(first.data);
        consult.data.put(CallData.CONSULTATION_OF, first.id.value());
        Party agentInConsult = agent.movedTo(consult.connection(agent.id.device()));
        agentInConsult.state = ConnectionState.CONNECTED;
        agentInConsult.media = agentMedia;
        consult.parties.add(agentInConsult);
        table.add(consult);
        dialing.placeLeg(consult, destination, agent.id.device().value(), false);
        return agentInConsult.id;
    }

    void completeTransfer(ConnectionId held, ConnectionId consulted) throws TelephonyException {
        SwitchCall first = table.call(held.call());
        SwitchCall consult = table.call(consulted.call());
        Party agent = table.party(held);
        List<Party> joining = closeAndTakeOthers(consult, agent.id.device());
        if (joining.isEmpty()) {
            throw new TelephonyException("nobody to transfer to in " + consult.id);
        }
        Party transferredTo = null;
        synchronized (first) {
            first.parties.remove(agent);
            first.removeFromBridge(agent);
            for (Party p : joining) {
                transferredTo = moveInto(first, p);
            }
            retrieveHeldAndBridge(first);
        }
        agent.leaving = true;
        table.legOut(agent.sip);
        agent.sip.hangup();
        rt.emit(new CallEvent.Transferred(first.id, Instant.now(), consult.id, agent.id.device(), transferredTo.id.device()));
        rt.emit(new CallEvent.Cleared(first.id, Instant.now(), agent.id, ClearCause.TRANSFERRED, false));
        rt.emit(new CallEvent.Cleared(consult.id, Instant.now(), consulted, ClearCause.TRANSFERRED, true));
    }

    void alternate(ConnectionId held, ConnectionId active) throws TelephonyException {
        SwitchCall toResume = table.call(held.call());
        SwitchCall toHold = table.call(active.call());
        Party agentActive = table.party(active);
        MediaSession agentMedia = rt.mediaOf(agentActive);
        synchronized (toHold) {
            for (Party p : toHold.parties) {
                if (p != agentActive && p.media != null) {
                    toHold.removeFromBridge(p);
                    p.media.playMusicOnHold();
                    p.state = ConnectionState.HELD;
                }
            }
            toHold.removeFromBridge(agentActive);
        }
        synchronized (toResume) {
            toResume.resolve(held).ifPresent(p -> p.media = agentMedia);
            retrieveHeldAndBridge(toResume);
        }
        rt.emit(new CallEvent.Held(toHold.id, Instant.now(), active));
        rt.emit(new CallEvent.Retrieved(toResume.id, Instant.now(), held));
    }

    void conference(ConnectionId held, ConnectionId active) throws TelephonyException {
        SwitchCall first = table.call(held.call());
        SwitchCall second = table.call(active.call());
        List<Party> joining = closeAndTakeOthers(second, held.device());
        synchronized (first) {
            for (Party p : joining) {
                moveInto(first, p);
            }
            retrieveHeldAndBridge(first);
        }
        for (Party p : joining) {
            rt.emit(new CallEvent.Conferenced(first.id, Instant.now(), p.id.device()));
        }
        rt.emit(new CallEvent.Cleared(second.id, Instant.now(), active, ClearCause.NORMAL, true));
    }

    /** Ends a call without hanging anyone up and takes its parties other than the agent's device out of it. */
    private List<Party> closeAndTakeOthers(SwitchCall call, DeviceId agentDevice) {
        List<Party> others = new ArrayList<>();
        synchronized (call) {
            for (Party p : call.parties) {
                if (!p.id.device().equals(agentDevice)) {
                    others.add(p);
                }
            }
            call.parties.clear();
            call.ended = true;
            if (call.bridge != null) {
                call.bridge.close();
            }
        }
        table.remove(call);
        return others;
    }

    /** Moves a party (its leg and media) into another call; under that call's monitor. */
    private Party moveInto(SwitchCall call, Party p) {
        Party moved = p.movedTo(call.connection(p.id.device()));
        call.parties.add(moved);
        table.legIn(p.sip, call);
        legs.rewire(p, moved);
        return moved;
    }

    /** Everyone held in the call is connected again, and all connected parties share its bridge; under its monitor. */
    private void retrieveHeldAndBridge(SwitchCall call) {
        for (Party p : call.parties) {
            if (p.state == ConnectionState.HELD) {
                p.state = ConnectionState.CONNECTED;
            }
        }
        call.joinBridge(rt.media, rt.negotiator);
    }
}
