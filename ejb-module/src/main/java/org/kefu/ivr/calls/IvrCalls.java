package org.kefu.ivr.calls;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import org.jboss.logging.Logger;
import org.kefu.calls.CallerPrompts;
import org.kefu.ivr.FlowInterpreter;
import org.kefu.ivr.FlowNode;
import org.kefu.ivr.IvrAction;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.IvrInput;
import org.kefu.ivr.IvrState;
import org.kefu.ivr.SecretVault;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.kefu.ivr.Step;
import org.kefu.ivr.TransferKind;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.TelephonyException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a call's IVR flow on the switch: events become interpreter inputs, the interpreter's
 * actions become switch commands and self-service operations. Each call's {@link IvrState} and
 * {@link SecretVault} live here, in memory, keyed by call id, until the call is cleared (the vault
 * is then wiped); neither is ever attached to the call or logged. Events of one call arrive in
 * order (the adapter serialises them per call), so one call's session is never used by two threads
 * at once. A transfer to a queue is not done here: {@link #onEvent} reports it as a
 * {@link Handover} and the callflow ({@code InboundCalls}) enqueues the call as for its menu.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class IvrCalls {

    private static final Logger LOG = Logger.getLogger(IvrCalls.class);
    private static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The caller is to be queued (the flow has ended, its data is attached): a queue, or an agent
     * by job number (queue null: the entry's queue, the agent preferred as for "last agent").
     * {@code announced}: the flow's transfer node played its own prompts (they have finished when
     * the flow hands over), so the ACD must not announce the transfer a second time.
     */
    public record Handover(String queue, String agent, boolean announced) {
    }

    private static final class Session {
        final IvrFlow flow;
        final ConnectionId caller;
        IvrState state;
        SecretVault vault;

        Session(IvrFlow flow, ConnectionId caller) {
            this.flow = flow;
            this.caller = caller;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    // Flows' {"holiday": true} conditions read the routing rules' calendar (cached, no database access).
    private final FlowInterpreter interpreter = new FlowInterpreter(Clock.system(CENTER_ZONE),
            date -> this.routing != null && this.routing.isHoliday(date));

    @EJB
    private OfficeCalendar routing;

    @EJB
    private IvrServices services;

    @EJB
    private CallerPrompts prompts;

    /** Starts {@code flow} for a call the IVR answered ({@code caller} is the caller's connection). */
    public Optional<Handover> start(SwitchConnection sw, IvrFlow flow, CallId call, ConnectionId caller,
                                    Map<String, String> callData) throws TelephonyException {
        Session s = new Session(flow, caller);
        sessions.put(call.value(), s);
        Map<String, String> data = new java.util.HashMap<>();
        // The interpreter takes the caller's and the dialled number from these keys (as the switch names them).
        data.put(CallData.ANI, callData.getOrDefault(CallData.ANI, ""));
        data.put(CallData.DNIS, callData.getOrDefault(CallData.DNIS, ""));
        // Set by Kefu alone, when it calls out with a reminder; a caller cannot attach call data.
        data.put(CallData.DUNNING_NOTICE, callData.getOrDefault(CallData.DUNNING_NOTICE, ""));
        data.put(CallData.TICKET_VISIT, callData.getOrDefault(CallData.TICKET_VISIT, ""));
        data.put(CallData.LANG, callData.getOrDefault(CallData.LANG, ""));
        LOG.debugf("Call %s: IVR flow %s:%d started", call, flow.id(), flow.version());
        synchronized (s) {
            return apply(sw, call, s, interpreter.start(flow, new IvrInput.Started(call.value(), data)));
        }
    }

    /** Whether the call is in an IVR flow now. */
    public boolean inFlow(CallId call) {
        return sessions.containsKey(call.value());
    }

    /**
     * A prompt, digits or a recording for a call in a flow: carried on. Empty result and
     * {@code false} from {@link #inFlow} afterwards when the flow ended by itself.
     */
    public Optional<Handover> onEvent(SwitchConnection sw, CallEvent event) throws TelephonyException {
        Session s = sessions.get(event.call().value());
        if (s == null) {
            return Optional.empty();
        }
        IvrInput input = null;
        if (event instanceof CallEvent.PromptFinished p) {
            // STOPPED is a prompt that the next one replaced: the flow waits for the new one.
            if (p.end() != CallEvent.PromptEnd.STOPPED) {
                input = new IvrInput.PromptFinished(p.end());
            }
        } else if (event instanceof CallEvent.DigitsReceived d) {
            input = new IvrInput.DigitsReceived(d.digits(), d.end());
        } else if (event instanceof CallEvent.RecordingFinished r) {
            input = new IvrInput.RecordingFinished(r.recordingRef(), r.millis());
        }
        if (input == null) {
            return Optional.empty();
        }
        // The adapter orders one call's events; the lock also covers events injected by other
        // components (or tests) for the same call.
        synchronized (s) {
            if (sessions.get(event.call().value()) != s) {
                return Optional.empty();
            }
            return apply(sw, event.call(), s, interpreter.step(s.flow, s.state, s.vault, input));
        }
    }

    /** The call ended: forget its flow and wipe its secrets. */
    public void end(CallId call) {
        Session s = sessions.remove(call.value());
        if (s != null && s.vault != null) {
            s.vault.wipe();
        }
    }

    /** How many calls are in a flow now (health, tests). */
    public int activeCalls() {
        return sessions.size();
    }

    /** The state of a call's flow (tests); never the vault. */
    public Optional<IvrState> stateOf(CallId call) {
        Session s = sessions.get(call.value());
        return s == null ? Optional.empty() : Optional.ofNullable(s.state);
    }

    private Optional<Handover> apply(SwitchConnection sw, CallId call, Session s, Step first) throws TelephonyException {
        Step step = first;
        while (true) {
            s.state = step.state();
            s.vault = step.vault();
            IvrInput next = null;
            for (IvrAction a : step.actions()) {
                if (a instanceof IvrAction.Play p) {
                    prompts.play(sw, s.caller, p.prompt());
                } else if (a instanceof IvrAction.Collect c) {
                    sw.collectDigits(s.caller, c.spec());
                } else if (a instanceof IvrAction.AttachData d) {
                    sw.attachData(call, d.data());
                } else if (a instanceof IvrAction.Record r) {
                    sw.record(s.caller, r.maxSeconds());
                } else if (a instanceof IvrAction.Hangup) {
                    finish(call);
                    sw.clearCall(call);
                    return Optional.empty();
                } else if (a instanceof IvrAction.Transfer t) {
                    boolean played = s.flow.node(s.state.node())
                            .map(n -> n instanceof FlowNode.Transfer tn && !tn.prompts().isEmpty()).orElse(false);
                    sw.attachData(call, t.data());
                    finish(call);
                    if (t.kind() == TransferKind.QUEUE) {
                        return Optional.of(new Handover(t.target(), null, played));
                    }
                    if (t.kind() == TransferKind.AGENT) {
                        return Optional.of(new Handover(null, t.target(), played));
                    }
                    sw.routeTo(call, new DeviceId(t.target()));
                    return Optional.empty();
                } else if (a instanceof IvrAction.InvokeService i) {
                    ServiceOutcome outcome = services.invoke(call.value(), i.operation(), i.inputs(),
                            s.vault.select(i.secretInputs()), i.idempotencyKey());
                    LOG.debugf("Call %s: %s at node %s: %s", call, i.operation(), i.node(),
                            outcome.failed() ? outcome.errorCode() : "ok");
                    next = outcome.toInput();
                }
            }
            if (next == null || step.finished()) {
                if (step.finished()) {
                    finish(call);
                }
                return Optional.empty();
            }
            step = interpreter.step(s.flow, s.state, s.vault, next);
        }
    }

    private void finish(CallId call) {
        Session s = sessions.remove(call.value());
        if (s != null && s.vault != null) {
            s.vault.wipe();
        }
    }
}
