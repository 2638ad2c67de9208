package org.kefu.telephony.switching;

import org.jboss.logging.Logger;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.dialplan.DialRefusedException;
import org.kefu.telephony.dialplan.NumberCategory;
import org.kefu.telephony.dialplan.NumberClassifier;
import org.kefu.telephony.sip.InboundCall;
import org.kefu.telephony.sip.OutboundCall;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legs the switch places: to a registered extension or, for an outside number the switch's
 * ceiling allows, through the outbound trunk; click to dial, routing a call to a device, deflecting
 * a ringing leg elsewhere. What happens to a placed leg afterwards is {@link LegEvents}'.
 */
final class Dialing {

    private static final Logger LOG = SwitchRuntime.LOG;

    private final SwitchRuntime rt;
    private final CallTable table;
    private final LegEvents legs;
    /**
     * What the switch dials through the outbound trunk at all, whoever asks (a REFER, a transfer, click
     * to dial, follow-me, a callback): the ceiling under the application's finer dial policy.
     */
    private volatile Set<NumberCategory> outsideAllowed = EnumSet.of(
            NumberCategory.MOBILE, NumberCategory.LANDLINE, NumberCategory.SERVICE);

    Dialing(SwitchRuntime rt, CallTable table, LegEvents legs) {
        this.rt = rt;
        this.table = table;
        this.legs = legs;
    }

    void outsideAllowed(Set<NumberCategory> categories) {
        this.outsideAllowed = categories.isEmpty() ? EnumSet.noneOf(NumberCategory.class) : EnumSet.copyOf(categories);
    }

    /**
     * Refuses an outside number the ceiling does not allow (reported as DIAL_REFUSED); internal
     * destinations pass.
     *
     * @param actor the device that asked, or null when the switch routes on its own
     */
    void checkOutside(DeviceId destination, String path, String actor) throws DialRefusedException {
        String number = destination.value();
        if (rt.devices.knows(number) || rt.sip.registrations().contactFor(number).isPresent() || rt.config.outboundTrunk() == null) {
            return;
        }
        NumberCategory category = NumberClassifier.classify(number);
        if (!outsideAllowed.contains(category)) {
            rt.refusals.refused("DIAL_REFUSED", actor, number, null, "path=" + path + " category=" + category
                    + ": not among the switch's outside categories " + outsideAllowed);
            throw new DialRefusedException(number, category, "the switch dials only " + outsideAllowed + " numbers");
        }
    }

    CallId makeCall(DeviceId from, DeviceId destination, Map<String, String> data) throws TelephonyException {
        checkOutside(destination, "makeCall", from.value()); // before the agent's phone rings for a number we will not dial
        // Click to dial: ring the agent's own phone first; when it answers, call the destination.
        SwitchCall call = new SwitchCall(SwitchRuntime.newCallId(), from.value(), destination.value(), from);
        call.data.putAll(data);
        table.add(call);
        Party agent = placeLeg(call, from, destination.value(), true);
        OutboundCall leg = (OutboundCall) agent.sip;
        leg.answered().thenRunAsync(() -> {
            try {
                routeTo(call.id, destination);
            } catch (TelephonyException e) {
                LOG.infof("Click-to-dial %s → %s failed: %s", from, destination, e.getMessage());
                table.endCall(call, ClearCause.UNREACHABLE);
            }
        }, rt.executor);
        return call.id;
    }

    CallId dialOut(DeviceId service, DeviceId destination, Map<String, String> data) throws TelephonyException {
        checkOutside(destination, "dialOut", service.value());
        // The service number is the route point, so the IVR's commands on it reach the customer;
        // the customer's leg is the caller: its hanging up ends the call.
        SwitchCall call = new SwitchCall(SwitchRuntime.newCallId(), destination.value(), service.value(), service);
        call.data.putAll(data);
        call.data.put(CallData.ANI, destination.value());
        call.data.put(CallData.DNIS, service.value());
        table.add(call);
        try {
            placeLeg(call, destination, service.value(), true);
        } catch (TelephonyException e) {
            table.endCall(call, ClearCause.UNREACHABLE);
            throw e;
        }
        return call.id;
    }

    ConnectionId routeTo(CallId callId, DeviceId destination) throws TelephonyException {
        SwitchCall call = table.call(callId);
        ConnectionId placed = placeLeg(call, destination, call.ani, false).id;
        // A caller not yet answered hears ringing while the destination rings.
        call.caller().filter(p -> p.state == ConnectionState.ALERTING && p.sip instanceof InboundCall)
                .ifPresent(p -> ((InboundCall) p.sip).ringing());
        return placed;
    }

    void deflect(ConnectionId alerting, DeviceId destination) throws TelephonyException {
        Party p = table.party(alerting);
        if (p.state != ConnectionState.ALERTING || !(p.sip instanceof OutboundCall outbound)) {
            throw new TelephonyException(alerting + " is not ringing at a device");
        }
        // The new leg first: the cancelled one ends in a Failed event, and the application ends a
        // direct call that has no other phone ringing at that moment (the caller was dropped when
        // the cancel's 487 won the race against placing the new leg).
        routeTo(alerting.call(), destination);
        p.leaving = true;
        outbound.cancel();
    }

    /** Places a SIP leg to a device for a call; when answered, the device joins the call's bridge. */
    Party placeLeg(SwitchCall call, DeviceId destination, String callerId, boolean caller) throws TelephonyException {
        synchronized (call) {
            if (++call.legsPlaced > SwitchCall.MAX_LEGS) {
                throw new TelephonyException("call " + call.id + " has placed " + SwitchCall.MAX_LEGS
                        + " legs already: refusing more (a routing loop?)");
            }
        }
        OutboundCall leg;
        try {
            if (rt.devices.knows(destination.value()) || rt.sip.registrations().contactFor(destination.value()).isPresent()) {
                if (rt.sip.registrations().contactFor(destination.value()).isEmpty()) {
                    throw new TelephonyException("extension " + destination + " is not registered");
                }
                leg = rt.sip.uac().callExtension(destination.value(), callerId);
            } else if (rt.config.outboundTrunk() != null) {
                checkOutside(destination, "switch", null);
                leg = rt.sip.uac().call(rt.config.outboundTrunk().replace("{number}", destination.value()), callerId);
            } else {
                throw new TelephonyException(destination + " is neither a registered extension nor reachable by a trunk");
            }
        } catch (RuntimeException e) {
            throw new TelephonyException("cannot call " + destination + ": " + e.getMessage(), e);
        }
        Party party = new Party(call.connection(destination), leg, caller, ConnectionState.ALERTING);
        synchronized (call) {
            call.parties.add(party);
        }
        table.legIn(leg, call);
        rt.emit(new CallEvent.Delivered(call.id, Instant.now(), party.id, call.ani, call.dnis, call.data, false));
        legs.follow(party, leg);
        return party;
    }
}
