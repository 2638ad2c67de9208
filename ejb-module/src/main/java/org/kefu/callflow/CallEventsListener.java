package org.kefu.callflow;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallEventListener;

/**
 * The entry point of every call event from the telephony adapter: the adapter delivers
 * them here in order per call, on the container's WorkManager. Routing decisions live in
 * {@link InboundCalls}; this bean only receives.
 */
@MessageDriven(messageListenerInterface = CallEventListener.class)
@ResourceAdapter("kefu.ear#kefu-telephony.rar")
@PermitAll
public class CallEventsListener implements CallEventListener {

    @EJB
    private InboundCalls inbound;

    @Override
    public void onCallEvent(CallEvent event) {
        inbound.handle(event);
    }
}
