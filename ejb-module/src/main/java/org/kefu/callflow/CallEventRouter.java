package org.kefu.callflow;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import org.jboss.logging.Logger;
import org.kefu.acd.AcdCallEvents;
import org.kefu.acd.AgentSessions;
import org.kefu.assisted.AssistedBanking;
import org.kefu.banking.CallerVerifications;
import org.kefu.calls.CallOwner;
import org.kefu.calls.CallSession;
import org.kefu.calls.CallSessions;
import org.kefu.calls.CallerPrompts;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.admin.IvrFlows;
import org.kefu.ivr.calls.IvrCalls;
import org.kefu.outbound.CallbackDialer;
import org.kefu.outbound.CallbackOutcome;
import org.kefu.outbound.PlacedCalls;
import org.kefu.outbound.dunning.VoiceReminders;
import org.kefu.outbound.informing.VisitCalls;
import org.kefu.reporting.CallDetailRecords;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import java.util.Map;
import java.util.Optional;

/**
 * Hands each call event to the one component that owns the call now ({@link CallOwner}, from the
 * in-memory {@link CallSessions}): the caller's keys, a prompt's end or a recording go to the
 * number plan, the IVR flow, the queue, assisted banking or the goodbye; the parties' answers,
 * failures and hang-ups go to the ACD for the calls it holds, and otherwise to the outbound side
 * for the calls Kefu placed (callbacks, voice reminders) and to the number plan for the rest.
 * A call's events arrive here in order (the adapter serialises them per call).
 */
@Stateless
@LocalBean
@PermitAll // local view only: the adapter's listener (and tests that inject events)
public class CallEventRouter {

    private static final Logger LOG = Logger.getLogger(CallEventRouter.class);

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @EJB
    private CallSessions calls;

    @EJB
    private InboundCalls entry;

    @EJB
    private IvrCalls ivr;

    @EJB
    private AcdCallEvents acd;

    @EJB
    private AgentSessions agents;

    @EJB
    private AssistedBanking assistedBanking;

    @EJB
    private CallerVerifications callerVerifications;

    @EJB
    private CallerPrompts prompts;

    @EJB
    private CallDetailRecords cdr;

    @EJB
    private CallbackDialer callbacks;

    @EJB
    private VoiceReminders voiceReminders;

    @EJB
    private IvrFlows flows;

    @EJB
    private PlacedCalls placedCalls;

    @EJB
    private VisitCalls visitCalls;

    public void route(CallEvent event) {
        CallSession session = calls.find(event.call()).orElse(null);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            boolean placed = session != null && session.owner() == CallOwner.OUTBOUND;
            if (event instanceof CallEvent.Delivered d) {
                if (placed && !d.arrival()) {
                    callback(sw, d, d.alerting());
                } else {
                    entry.delivered(sw, d);
                }
            } else if (event instanceof CallEvent.Established e) {
                if (!acd.onCallEvent(e)) {
                    if ((placed || session == null) && placedForFlow(sw, e)) {
                        return;
                    }
                    if (placed) {
                        callback(sw, e, e.answering());
                    } else {
                        entry.established(sw, e, session);
                    }
                    agents.deskChanged(e.answering().device().value());
                }
            } else if (event instanceof CallEvent.Cleared c) {
                cleared(sw, c, session);
            } else if (event instanceof CallEvent.Failed f) {
                if (!acd.onCallEvent(f)) {
                    if ((placed || session == null) && placedForFlow(sw, f)) {
                        return;
                    }
                    if (placed) {
                        callback(sw, f, f.failed());
                    } else {
                        entry.failed(sw, f, session);
                    }
                    agents.deskChanged(f.failed().device().value());
                }
            } else if (event instanceof CallEvent.DigitsReceived || event instanceof CallEvent.PromptFinished
                    || event instanceof CallEvent.RecordingFinished) {
                toOwner(sw, session, event);
            } else {
                LOG.debugf("%s", event);
            }
        } catch (TelephonyException e) {
            // The call ended meanwhile (a caller hanging up during a prompt, every few calls): nothing
            // to undo on our side, and not worth a log line per call at INFO.
            LOG.debugf("Call %s: %s", event.call(), e.getMessage());
        }
    }

    /** The caller's media events: to the call's owner, and to nobody else. */
    private void toOwner(SwitchConnection sw, CallSession session, CallEvent event) throws TelephonyException {
        CallOwner owner = session == null ? null : session.owner();
        if (owner == CallOwner.IVR) {
            Optional<IvrCalls.Handover> handover = ivr.onEvent(sw, event);
            if (handover.isPresent()) {
                entry.fromFlow(sw, event.call(), handover.get());
            }
        } else if (event instanceof CallEvent.RecordingFinished r) {
            // Also after the call's end (its session gone): a message left before hanging up is kept.
            entry.recordingFinished(sw, r);
        } else if (owner == CallOwner.ENTRY) {
            entry.onEntryMedia(sw, session, event);
        } else if (owner == CallOwner.QUEUE) {
            entry.whileWaiting(sw, event);
        } else if (owner == CallOwner.ASSISTED_BANKING && event instanceof CallEvent.DigitsReceived d) {
            assistedBanking.onDigits(sw, d);
        } else if (owner == CallOwner.GOODBYE && event instanceof CallEvent.PromptFinished p) {
            prompts.finished(sw, p);
        }
        // AGENT, or a call Kefu does not handle (an agent's own call): the caller's keys mean nothing here.
    }

    /**
     * A call Kefu placed to call a customer back: the customer's phone rings, answers or fails
     * (the agent's desk is the ACD's). A failed customer ends the call for the agent too.
     */
    private void callback(SwitchConnection sw, CallEvent event, ConnectionId leg) throws TelephonyException {
        Map<String, String> data = sw.callData(event.call());
        String ref = data.get(CallData.CALLBACK);
        if (ref == null || !leg.device().value().equals(data.get(CallData.DIALLED))) {
            return; // the agent's own leg
        }
        String agent = data.get(CallData.AGENT);
        if (event instanceof CallEvent.Delivered) {
            callbacks.dialling(ref, event.call().value(), agent);
        } else if (event instanceof CallEvent.Established) {
            callbacks.answered(ref, event.call().value(), agent);
        } else if (event instanceof CallEvent.Failed f) {
            callbacks.failed(ref, event.call().value(), agent, CallbackOutcome.of(f.cause()));
            sw.clearCall(event.call());
        }
    }

    /**
     * A call Kefu placed for an IVR flow (issue 16's voice reminder, issue 17's satisfaction visit):
     * answered, its flow speaks to the customer; failed, the reminder is tried again or fails, the
     * visit's failure is recorded. False for every other call. Known by {@link PlacedCalls}, not by
     * the call's data: a failed call's data is gone with it.
     */
    private boolean placedForFlow(SwitchConnection sw, CallEvent event) throws TelephonyException {
        if (event instanceof CallEvent.Failed f) {
            CallbackOutcome outcome = CallbackOutcome.of(f.cause());
            Optional<PlacedCalls.Purpose> failed = placedCalls.failed(f.call(), outcome);
            if (failed.isEmpty()) {
                return false;
            }
            notAnswered(failed.get(), outcome);
            calls.ended(event.call()); // the customer was the only party: the call is gone, with no Cleared to follow
            return true;
        }
        Optional<PlacedCalls.Purpose> answered = placedCalls.answered(event.call());
        if (answered.isEmpty()) {
            return false;
        }
        long id = answered.get().id();
        String flowId = answered.get().kind() == PlacedCalls.Kind.DUNNING ? VoiceReminders.FLOW : VisitCalls.FLOW;
        Optional<IvrFlow> flow = flows.activeFlow(flowId);
        if (flow.isEmpty()) {
            LOG.errorf("%s %d answered, but IVR flow %s is not active: the call ends", answered.get().kind(), id, flowId);
            if (answered.get().kind() == PlacedCalls.Kind.DUNNING) {
                voiceReminders.unspoken(id, "IVR flow " + flowId + " is not active");
            }
            sw.clearCall(event.call());
            return true;
        }
        if (answered.get().kind() == PlacedCalls.Kind.DUNNING && !voiceReminders.answered(id, event.call())) {
            sw.clearCall(event.call()); // settled meanwhile (found UNCERTAIN after a failed delivery): nothing to say
            return true;
        }
        Map<String, String> data = sw.callData(event.call());
        entry.startFlow(sw, event.call(), new ConnectionId(event.call(), new DeviceId(data.get(CallData.DNIS))), data, flow.get());
        return true;
    }

    private void notAnswered(PlacedCalls.Purpose purpose, CallbackOutcome outcome) {
        switch (purpose.kind()) {
            case DUNNING -> voiceReminders.unanswered(purpose.id(), outcome);
            case VISIT -> visitCalls.unanswered(purpose.id(), outcome);
        }
    }

    private void cleared(SwitchConnection sw, CallEvent.Cleared c, CallSession session) throws TelephonyException {
        if (c.callEnded() && session != null && session.owner() == CallOwner.OUTBOUND) {
            callbacks.callEnded(c.call().value());
        }
        if (c.callEnded() && session == null) {
            // A call placed for a flow that ended before it was answered, without a Failed event
            // (the switch's sweep ended it between the far end's refusal and the leg's report):
            // settled as not answered, like a Failed one. Answered ones have a session by now.
            CallbackOutcome outcome = CallbackOutcome.of(c.cause());
            placedCalls.failed(c.call(), outcome).ifPresent(p -> notAnswered(p, outcome));
        }
        if (c.callEnded()) {
            ivr.end(c.call());
            assistedBanking.callEnded(c.call());
            callerVerifications.callEnded(c.call().value());
        }
        try {
            if (!acd.onCallEvent(c)) {
                entry.cleared(sw, c, session);
                agents.deskChanged(c.cleared().device().value());
            } else if (c.callEnded()) {
                cdr.ended(c.call().value(), c.at(), c.cause().name());
            }
        } finally {
            if (c.callEnded()) {
                calls.ended(c.call());
            }
        }
    }
}
