package org.kefu.telephony.switching;

import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.sip.Binding;
import org.kefu.telephony.sip.RegistrationListener;

import java.time.Instant;

/** A desk phone registered or went away: an event for the application, on the device's own pseudo-call. */
final class RegistrationEvents implements RegistrationListener {

    private final SwitchRuntime rt;

    RegistrationEvents(SwitchRuntime rt) {
        this.rt = rt;
    }

    @Override
    public void registered(Binding binding) {
        rt.emit(new CallEvent.DeviceRegistered(deviceCall(binding.aor()), Instant.now(),
                new DeviceId(binding.aor()), binding.contact()));
    }

    @Override
    public void unregistered(Binding binding, Reason reason) {
        rt.emit(new CallEvent.DeviceUnregistered(deviceCall(binding.aor()), Instant.now(),
                new DeviceId(binding.aor())));
    }

    /** Events about a device travel in order on a call id of their own. */
    private static CallId deviceCall(String device) {
        return new CallId("device:" + device);
    }
}
