package org.kefu.callflow;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.kefu.security.SwitchRefusals;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallEventListener;

/**
 * The entry point of every call event from the telephony adapter: the adapter delivers
 * them here in order per call, on the container's WorkManager. The {@link CallEventRouter} hands
 * each to the call's owner; this bean only receives.
 */
@MessageDriven(messageListenerInterface = CallEventListener.class)
@ResourceAdapter("kefu.ear#kefu-telephony.rar")
@PermitAll
public class CallEventsListener implements CallEventListener {

    @EJB
    private CallEventRouter router;

    @EJB
    private SwitchRefusals refusals;

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallEvent.SecurityRefused refused) {
            refusals.record(refused); // not a call's event: the audit trail owns it
        } else {
            router.route(event);
        }
    }
}
