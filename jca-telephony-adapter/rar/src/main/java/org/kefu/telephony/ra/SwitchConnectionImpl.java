package org.kefu.telephony.ra;

import org.kefu.telephony.CallId;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.DeviceSnapshot;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.MonitorMode;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.switching.SwitchLink;

import java.util.Map;

/**
 * The application's handle: every command goes to the adapter's switch link, as long as the
 * handle is open. It holds no call state, so a pooled handle can serve any call.
 */
class SwitchConnectionImpl implements SwitchConnection {

    private volatile SwitchManagedConnection mc;

    SwitchConnectionImpl(SwitchManagedConnection mc) {
        this.mc = mc;
    }

    void reassign(SwitchManagedConnection mc) {
        this.mc = mc;
    }

    void invalidate() {
        this.mc = null;
    }

    private SwitchLink link() throws TelephonyException {
        SwitchManagedConnection current = mc;
        if (current == null) {
            throw new TelephonyException("connection to the switch is closed");
        }
        return current.factory().link();
    }

    @Override
    public LinkStatus linkStatus() throws TelephonyException {
        return link().linkStatus();
    }

    @Override
    public void answer(ConnectionId alerting) throws TelephonyException {
        link().answer(alerting);
    }

    @Override
    public void reject(ConnectionId alerting, ClearCause cause) throws TelephonyException {
        link().reject(alerting, cause);
    }

    @Override
    public void clearConnection(ConnectionId connection) throws TelephonyException {
        link().clearConnection(connection);
    }

    @Override
    public void clearCall(CallId call) throws TelephonyException {
        link().clearCall(call);
    }

    @Override
    public CallId makeCall(DeviceId from, DeviceId destination, Map<String, String> data) throws TelephonyException {
        return link().makeCall(from, destination, data);
    }

    @Override
    public CallId dialOut(DeviceId service, DeviceId destination, Map<String, String> data) throws TelephonyException {
        return link().dialOut(service, destination, data);
    }

    @Override
    public ConnectionId routeTo(CallId call, DeviceId destination) throws TelephonyException {
        return link().routeTo(call, destination);
    }

    @Override
    public void hold(ConnectionId connection) throws TelephonyException {
        link().hold(connection);
    }

    @Override
    public void retrieve(ConnectionId held) throws TelephonyException {
        link().retrieve(held);
    }

    @Override
    public void singleStepTransfer(ConnectionId transferring, DeviceId destination) throws TelephonyException {
        link().singleStepTransfer(transferring, destination);
    }

    @Override
    public ConnectionId consultationCall(ConnectionId active, DeviceId destination) throws TelephonyException {
        return link().consultationCall(active, destination);
    }

    @Override
    public void completeTransfer(ConnectionId held, ConnectionId consulted) throws TelephonyException {
        link().completeTransfer(held, consulted);
    }

    @Override
    public void alternate(ConnectionId held, ConnectionId active) throws TelephonyException {
        link().alternate(held, active);
    }

    @Override
    public void conference(ConnectionId held, ConnectionId active) throws TelephonyException {
        link().conference(held, active);
    }

    @Override
    public void deflect(ConnectionId alerting, DeviceId destination) throws TelephonyException {
        link().deflect(alerting, destination);
    }

    @Override
    public void pickup(ConnectionId alerting, DeviceId picker) throws TelephonyException {
        link().pickup(alerting, picker);
    }

    @Override
    public void play(ConnectionId to, Prompt prompt) throws TelephonyException {
        link().play(to, prompt);
    }

    @Override
    public void collectDigits(ConnectionId from, DigitCollection spec) throws TelephonyException {
        link().collectDigits(from, spec);
    }

    @Override
    public void sendDigits(ConnectionId from, String digits) throws TelephonyException {
        link().sendDigits(from, digits);
    }

    @Override
    public void record(ConnectionId of, int maxSeconds) throws TelephonyException {
        link().record(of, maxSeconds);
    }

    @Override
    public void recordCall(CallId call) throws TelephonyException {
        link().recordCall(call);
    }

    @Override
    public void stopMedia(ConnectionId connection) throws TelephonyException {
        link().stopMedia(connection);
    }

    @Override
    public ConnectionId monitor(CallId call, DeviceId supervisor, MonitorMode mode) throws TelephonyException {
        return link().monitor(call, supervisor, mode);
    }

    @Override
    public void changeMonitorMode(ConnectionId supervisor, MonitorMode mode) throws TelephonyException {
        link().changeMonitorMode(supervisor, mode);
    }

    @Override
    public void attachData(CallId call, Map<String, String> data) throws TelephonyException {
        link().attachData(call, data);
    }

    @Override
    public Map<String, String> callData(CallId call) throws TelephonyException {
        return link().callData(call);
    }

    @Override
    public CallSnapshot snapshotCall(CallId call) throws TelephonyException {
        return link().snapshotCall(call);
    }

    @Override
    public DeviceSnapshot snapshotDevice(DeviceId device) throws TelephonyException {
        return link().snapshotDevice(device);
    }

    @Override
    public void provisionDevice(DeviceId device, String realm, String digestHa1) throws TelephonyException {
        link().provisionDevice(device, realm, digestHa1);
    }

    @Override
    public void provisionDevice(DeviceId device, String realm, String digestHa1, String digestHa1Sha256)
            throws TelephonyException {
        link().provisionDevice(device, realm, digestHa1, digestHa1Sha256);
    }

    @Override
    public void removeDevice(DeviceId device) throws TelephonyException {
        link().removeDevice(device);
    }

    @Override
    public void close() {
        SwitchManagedConnection current = mc;
        if (current != null) {
            mc = null;
            current.closeHandle(this);
        }
    }
}
