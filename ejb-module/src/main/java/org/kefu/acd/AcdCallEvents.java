package org.kefu.acd;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.kefu.telephony.CallEvent;

/**
 * The ACD's share of call events: the agent's phone answered, failed or hung up, or the caller
 * left. Hands each to the bean whose call it is: {@link Offers} for queued calls,
 * {@link DirectCalls} for transfers, consultations and conferences.
 */
@Stateless
@PermitAll // local view only: the callflow calls it
public class AcdCallEvents {

    @EJB
    RoutingState state;

    @EJB
    Offers offers;

    @EJB
    DirectCalls directCalls;

    /** Returns true when the ACD took care of the event. */
    public boolean onCallEvent(CallEvent event) {
        boolean conferee = event instanceof CallEvent.Cleared gone && directCalls.confereeCleared(gone);
        AcdCall c = state.call(event.call().value());
        if (c == null) {
            return conferee;
        }
        if (event instanceof CallEvent.Established e) {
            return offers.answered(c, e.answering());
        } else if (event instanceof CallEvent.Failed f) {
            if (!c.ringsAt(f.failed())) {
                return false;
            }
            if (c.kind != AcdCall.Kind.QUEUE && c.kind != AcdCall.Kind.CALLBACK) {
                directCalls.directCallFailed(c.jobNumber, c.callId);
                return false; // the callflow handles the call itself as before
            }
            offers.takeBack(c, "failed: " + f.cause(), false);
            return true;
        } else if (event instanceof CallEvent.Cleared cl) {
            return offers.cleared(c, cl);
        }
        return false;
    }
}
