package org.kefu.telephony.switching;

import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.MonitorMode;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.media.MediaSession;
import org.kefu.telephony.sip.OutboundCall;

/**
 * A supervisor on a call: their phone rings, and once it answers it joins the call's bridge with
 * the mode's mix (silent: hears both; whisper: the agent hears, the customer does not; barge: all
 * hear). The mode travels with the call's data as {@code kefu.monitor.<device>}.
 */
final class Supervision {

    private final SwitchRuntime rt;
    private final CallTable table;
    private final Dialing dialing;

    Supervision(SwitchRuntime rt, CallTable table, Dialing dialing) {
        this.rt = rt;
        this.table = table;
        this.dialing = dialing;
    }

    ConnectionId monitor(CallId id, DeviceId supervisor, MonitorMode mode) throws TelephonyException {
        SwitchCall call = table.call(id);
        Party sup = dialing.placeLeg(call, supervisor, call.ani, false);
        call.data.put("kefu.monitor." + supervisor.value(), mode.name());
        ((OutboundCall) sup.sip).answered().thenRunAsync(() -> applyMonitorMode(call, sup, mode), rt.executor);
        return sup.id;
    }

    void changeMonitorMode(ConnectionId supervisor, MonitorMode mode) throws TelephonyException {
        SwitchCall call = table.call(supervisor.call());
        Party sup = table.party(supervisor);
        call.data.put("kefu.monitor." + supervisor.device().value(), mode.name());
        applyMonitorMode(call, sup, mode);
    }

    private void applyMonitorMode(SwitchCall call, Party sup, MonitorMode mode) {
        synchronized (call) {
            MediaSession s = sup.media != null ? sup.media : rt.negotiator.session(sup.sip.callId());
            if (s == null || call.bridge == null) {
                return;
            }
            sup.media = s;
            if (!call.bridge.legs().contains(s)) {
                call.bridge.add(s);
            }
            switch (mode) {
                case SILENT -> call.bridge.monitor(s);
                case BARGE -> call.bridge.barge(s);
                case WHISPER -> call.parties.stream()
                        .filter(p -> !p.caller && p != sup && p.media != null && p.state == ConnectionState.CONNECTED)
                        .findFirst()
                        .ifPresent(agent -> call.bridge.whisper(s, agent.media));
            }
        }
    }
}
