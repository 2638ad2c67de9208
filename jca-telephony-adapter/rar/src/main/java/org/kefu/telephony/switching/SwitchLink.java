package org.kefu.telephony.switching;

import org.kefu.telephony.CallControl;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.LinkStatus;

import java.util.function.Consumer;

/**
 * One link to a switch behind the switch-neutral API: the SIP link (Kefu is the switch) now, a
 * CSTA link to an external PBX later. The adapter owns its lifecycle and gives it a sink for
 * events, which the adapter delivers to the application in order per call.
 */
public interface SwitchLink extends CallControl {

    void start(Consumer<CallEvent> events) throws Exception;

    void stop();

    @Override
    LinkStatus linkStatus();
}
