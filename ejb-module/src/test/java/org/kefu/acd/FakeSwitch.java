package org.kefu.acd;

import org.kefu.telephony.CallId;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.DeviceSnapshot;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.MonitorMode;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import javax.naming.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A switch connection factory without a switch, for the ACD beans' unit tests: every command the
 * beans give is written down as a line ("routeTo c1 8001"), a routeTo to an unreachable device
 * fails, and call data and connected legs are what the test says.
 */
final class FakeSwitch implements SwitchConnectionFactory {

    final List<String> commands = new ArrayList<>();
    /** Devices that cannot be rung: routeTo there fails as a switch refuses it. */
    final Set<String> unreachable = new HashSet<>();
    /** Call id → the data the switch keeps with it (attachData adds to it). */
    final Map<String, Map<String, String>> callData = new HashMap<>();
    /** How many calls makeCall placed ("placed1", "placed2" ...). */
    int placedCalls;
    /** Legs the switch reports CONNECTED in a call's snapshot. */
    final Set<ConnectionId> connected = new HashSet<>();

    /** The commands given so far that start with {@code prefix}. */
    List<String> commands(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    @Override
    public SwitchConnection getConnection() {
        return new FakeSwitchConnection();
    }

    @Override
    public LinkStatus linkStatus() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setReference(Reference reference) {
    }

    @Override
    public Reference getReference() {
        return null;
    }

    private final class FakeSwitchConnection implements SwitchConnection {

        @Override
        public ConnectionId routeTo(CallId call, DeviceId destination) throws TelephonyException {
            if (unreachable.contains(destination.value())) {
                throw new TelephonyException(destination.value() + " is not registered");
            }
            commands.add("routeTo " + call.value() + " " + destination.value());
            return new ConnectionId(call, destination);
        }

        @Override
        public void clearConnection(ConnectionId connection) {
            commands.add("clearConnection " + connection.call().value() + " " + connection.device().value());
        }

        @Override
        public void clearCall(CallId call) {
            commands.add("clearCall " + call.value());
        }

        @Override
        public void play(ConnectionId to, Prompt prompt) {
            commands.add("play " + to.call().value() + " " + prompt.names());
        }

        @Override
        public void attachData(CallId call, Map<String, String> data) {
            callData.computeIfAbsent(call.value(), k -> new HashMap<>()).putAll(data);
            commands.add("attachData " + call.value() + " " + new TreeMap<>(data));
        }

        @Override
        public Map<String, String> callData(CallId call) {
            return Map.copyOf(callData.getOrDefault(call.value(), Map.of()));
        }

        @Override
        public CallSnapshot snapshotCall(CallId call) {
            List<CallSnapshot.Party> parties = connected.stream().filter(c -> c.call().equals(call))
                    .map(c -> new CallSnapshot.Party(c, ConnectionState.CONNECTED)).toList();
            return new CallSnapshot(call, Instant.EPOCH, parties, Map.of());
        }

        @Override
        public void close() {
        }

        // The ACD gives none of these commands.

        @Override
        public LinkStatus linkStatus() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void answer(ConnectionId alerting) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reject(ConnectionId alerting, ClearCause cause) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CallId dialOut(DeviceId service, DeviceId destination, Map<String, String> data) throws TelephonyException {
            commands.add("dialOut " + service.value() + " " + destination.value());
            return new CallId("out-" + commands.size());
        }

        @Override
        public CallId makeCall(DeviceId from, DeviceId destination, Map<String, String> data) throws TelephonyException {
            commands.add("makeCall " + from.value() + " " + destination.value());
            if (unreachable.contains(destination.value())) {
                throw new org.kefu.telephony.dialplan.DialRefusedException(destination.value(),
                        org.kefu.telephony.dialplan.NumberCategory.INTERNATIONAL, "not among the switch's outside categories");
            }
            if (unreachable.contains(from.value())) {
                throw new TelephonyException(from.value() + " is not registered");
            }
            CallId placed = new CallId("placed" + (++placedCalls));
            callData.put(placed.value(), new TreeMap<>(data));
            return placed;
        }

        @Override
        public void hold(ConnectionId connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void retrieve(ConnectionId held) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void singleStepTransfer(ConnectionId transferring, DeviceId destination) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionId consultationCall(ConnectionId active, DeviceId destination) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void completeTransfer(ConnectionId held, ConnectionId consulted) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void alternate(ConnectionId held, ConnectionId active) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void conference(ConnectionId held, ConnectionId active) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deflect(ConnectionId alerting, DeviceId destination) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pickup(ConnectionId alerting, DeviceId picker) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void collectDigits(ConnectionId from, DigitCollection spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void record(ConnectionId of, int maxSeconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordCall(CallId call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopMedia(ConnectionId connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendDigits(ConnectionId from, String digits) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionId monitor(CallId call, DeviceId supervisor, MonitorMode mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changeMonitorMode(ConnectionId supervisor, MonitorMode mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeviceSnapshot snapshotDevice(DeviceId device) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void provisionDevice(DeviceId device, String realm, String digestHa1) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void provisionDevice(DeviceId device, String realm, String digestHa1, String digestHa1Sha256) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeDevice(DeviceId device) {
            throw new UnsupportedOperationException();
        }
    }
}
