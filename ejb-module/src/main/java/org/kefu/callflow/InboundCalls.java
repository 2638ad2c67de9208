package org.kefu.callflow;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.AcdCallEvents;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.Offers;
import org.kefu.acd.QueueOverflows;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.callflow.routing.InboundRouting;
import org.kefu.callflow.routing.RoutingRule;
import org.kefu.callflow.routing.RuleTarget;
import org.kefu.crm.Customer;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.admin.IvrFlows;
import org.kefu.ivr.calls.IvrCalls;
import org.kefu.reporting.CallDetailRecords;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;
import org.kefu.voicemail.Voicemails;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Inbound rules and the entry menu. A black-listed caller gets busy; a call to a
 * desk phone's extension rings that phone; a call to a service number is answered with a
 * number's active IVR flow ({@link IvrCalls}; a flow's transfer to a queue comes back here and
 * is enqueued like menu choice 1), or, when the number has no active flow, with a greeting and the
 * fixed "1 agent, 2 self-service" menu. Anything else is unknown and refused. Before
 * the flow or menu, the inbound routing rules (R-2.3, {@link InboundRouting}, from memory) may
 * send the call elsewhere after their own announcement: a queue, a flow, voicemail, or away.
 */
@Stateless
@LocalBean
@Local(QueueOverflows.class)
@PermitAll
public class InboundCalls implements QueueOverflows {

    private static final Logger LOG = Logger.getLogger(InboundCalls.class);
    /** Longest message a caller may leave (seconds). */
    private static final int VOICEMAIL_MAX_SECONDS = Integer.getInteger("kefu.voicemail.maxSeconds", 120);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @EJB
    private CallDetailRecords cdr;

    @EJB
    private Offers offers;

    @EJB
    private AcdCallEvents acdEvents;

    @EJB
    private AgentSessions sessions;

    @EJB
    private IvrFlows flows;

    @EJB
    private IvrCalls ivr;

    @EJB
    private NumberPlan numberPlan;

    @EJB
    private InboundRouting routing;

    @EJB
    private Voicemails voicemails;

    @EJB
    private org.kefu.assisted.AssistedBanking assistedBanking;

    @EJB
    private org.kefu.banking.CallerVerifications callerVerifications;

    public void handle(CallEvent event) {
        try (SwitchConnection sw = switchFactory.getConnection()) {
            if (event instanceof CallEvent.Delivered d) {
                delivered(sw, d);
            } else if (event instanceof CallEvent.Established e) {
                if (!acdEvents.onCallEvent(e)) {
                    established(sw, e);
                    sessions.deskChanged(e.answering().device().value());
                }
            } else if ((event instanceof CallEvent.DigitsReceived || event instanceof CallEvent.PromptFinished
                    || event instanceof CallEvent.RecordingFinished) && ivr.inFlow(event.call())) {
                Optional<IvrCalls.Handover> handover = ivr.onEvent(sw, event);
                if (handover.isPresent()) {
                    fromFlow(sw, event.call(), handover.get());
                }
            } else if (event instanceof CallEvent.RecordingFinished r) {
                recordingFinished(sw, r);
            } else if (event instanceof CallEvent.DigitsReceived d) {
                if (!assistedBanking.onDigits(sw, d)) {
                    digits(sw, d);
                }
            } else if (event instanceof CallEvent.PromptFinished p) {
                promptFinished(sw, p);
            } else if (event instanceof CallEvent.Cleared c) {
                if (c.callEnded()) {
                    ivr.end(c.call());
                    assistedBanking.callEnded(c.call());
                    callerVerifications.callEnded(c.call().value());
                }
                if (!acdEvents.onCallEvent(c)) {
                    cleared(sw, c);
                    sessions.deskChanged(c.cleared().device().value());
                } else if (c.callEnded()) {
                    cdr.ended(c.call().value(), c.at(), c.cause().name());
                }
            } else if (event instanceof CallEvent.Failed f) {
                if (!acdEvents.onCallEvent(f)) {
                    failed(sw, f);
                    sessions.deskChanged(f.failed().device().value());
                }
            } else {
                LOG.debugf("%s", event);
            }
        } catch (TelephonyException e) {
            // The call ended meanwhile (a caller hanging up during a prompt, every few calls): nothing
            // to undo on our side, and not worth a log line per call at INFO.
            LOG.debugf("Call %s: %s", event.call(), e.getMessage());
        }
    }

    private void delivered(SwitchConnection sw, CallEvent.Delivered d) throws TelephonyException {
        if (!d.arrival()) {
            return; // ringing where we sent it: nothing to decide
        }
        cdr.opened(d.call().value(), "INBOUND", d.ani(), d.dnis(), d.at());
        if (numberPlan.isBlacklisted(d.ani())) {
            LOG.infof("Call %s from a black-listed number refused", d.call());
            sw.reject(d.alerting(), ClearCause.BUSY);
            cdr.ended(d.call().value(), d.at(), "BLACKLISTED");
            return;
        }
        if (numberPlan.isDesk(d.dnis())) {
            sw.attachData(d.call(), Map.of(CallData.STEP, CallFlowStep.DIRECT_DIAL.name()));
            sw.routeTo(d.call(), new DeviceId(d.dnis()));
            return;
        }
        Optional<ServiceEntry> entry = numberPlan.serviceNumber(d.dnis());
        if (entry.isEmpty()) {
            sw.reject(d.alerting(), ClearCause.UNREACHABLE);
            cdr.ended(d.call().value(), d.at(), "UNKNOWN_NUMBER");
            return;
        }
        Optional<NumberPlan.GreenChannel> green = numberPlan.greenChannel(d.ani());
        if (green.isPresent()) {
            // White list: straight to the set queue (and agent, if ready), no IVR menu.
            Map<String, String> data = new java.util.HashMap<>(Map.of(CallData.ENTRY, entry.get().name(),
                    CallData.STEP, CallFlowStep.GREEN_CHANNEL.name(), CallData.GREEN_QUEUE, green.get().queue()));
            if (green.get().agent() != null) {
                data.put(CallData.GREEN_AGENT, green.get().agent());
            }
            sw.attachData(d.call(), data);
            sw.answer(d.alerting());
            return;
        }
        // Inbound routing rules, from memory: number, caller prefix, time, calendar.
        Optional<RoutingRule> rule = routing.match(d.dnis(), d.ani());
        if (rule.isPresent()) {
            RoutingRule r = rule.get();
            LOG.infof("Call %s to %s matches routing rule %d (%s): %s %s", d.call(), d.dnis(), r.id(), r.name(),
                    r.targetKind(), r.target() == null ? "" : r.target());
            if (r.targetKind() == RuleTarget.REJECT && r.announcement() == null) {
                sw.reject(d.alerting(), ClearCause.BUSY);
                cdr.ended(d.call().value(), d.at(), "RULE_REJECTED");
                return;
            }
            Map<String, String> data = new java.util.HashMap<>(Map.of(CallData.ENTRY, entry.get().name(),
                    CallData.STEP, CallFlowStep.RULE.name(), CallData.RULE, String.valueOf(r.id()), CallData.RULE_TARGET, r.targetKind().name()));
            if (r.target() != null) {
                data.put(CallData.RULE_TARGET_CODE, r.target());
            }
            if (r.announcement() != null) {
                data.put(CallData.RULE_ANNOUNCEMENT, r.announcement());
            }
            sw.attachData(d.call(), data);
            sw.answer(d.alerting());
            return;
        }
        sw.attachData(d.call(), Map.of(CallData.ENTRY, entry.get().name(), CallData.STEP, CallFlowStep.MENU.name()));
        sw.answer(d.alerting());
    }

    private void established(SwitchConnection sw, CallEvent.Established e) throws TelephonyException {
        Map<String, String> data = sw.callData(e.call());
        cdr.answered(e.call().value(), e.at());
        if (!e.answering().device().value().equals(data.get(CallData.DNIS))) {
            return;
        }
        if (CallFlowStep.MENU.name().equals(data.get(CallData.STEP))) {
            flowOrMenu(sw, e.call(), e.answering(), data);
        } else if (CallFlowStep.RULE.name().equals(data.get(CallData.STEP))) {
            String announcement = data.get(CallData.RULE_ANNOUNCEMENT);
            if (announcement == null) {
                toRuleTarget(sw, e.call(), e.answering(), data);
            } else {
                // The rule's own announcement (an out-of-hours or holiday message), then its target.
                sw.attachData(e.call(), Map.of(CallData.STEP, CallFlowStep.RULE_ANNOUNCEMENT.name()));
                sw.play(e.answering(), new Prompt(List.of(announcement), CHINESE, false, false));
            }
        } else if (CallFlowStep.GREEN_CHANNEL.name().equals(data.get(CallData.STEP))) {
            sw.attachData(e.call(), Map.of(CallData.STEP, CallFlowStep.WAITING_FOR_AGENT.name()));
            toAgent(sw, e.call(), e.answering(), data, data.get(CallData.GREEN_QUEUE), data.get(CallData.GREEN_AGENT));
        }
    }

    /** The number's usual handling: its active IVR flow, or the fixed entry menu. */
    private void flowOrMenu(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data) throws TelephonyException {
        Optional<IvrFlow> flow = flows.activeFor(data.get(CallData.DNIS));
        if (flow.isPresent()) {
            startFlow(sw, call, caller, data, flow.get());
            return;
        }
        sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.MENU.name()));
        Optional<String> lastAgent = offers.lastAgentOf(data.get(CallData.ANI));
        if (lastAgent.isPresent()) {
            sw.attachData(call, Map.of(CallData.LAST_AGENT, lastAgent.get()));
        }
        offerMenu(sw, caller, data.get(CallData.ENTRY), lastAgent.isPresent());
    }

    private void startFlow(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data, IvrFlow flow)
            throws TelephonyException {
        sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.IVR.name()));
        Optional<IvrCalls.Handover> handover = ivr.start(sw, flow, call, caller, data);
        if (handover.isPresent()) {
            fromFlow(sw, call, handover.get());
        }
    }

    /** Carries out the matched rule's target (after its announcement, if any). */
    private void toRuleTarget(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data)
            throws TelephonyException {
        RuleTarget kind = RuleTarget.valueOf(data.get(CallData.RULE_TARGET));
        String target = data.get(CallData.RULE_TARGET_CODE);
        switch (kind) {
            case QUEUE -> {
                sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.WAITING_FOR_AGENT.name()));
                toAgent(sw, call, caller, data, target, null);
            }
            case IVR -> toFlow(sw, call, caller, data, target);
            case VOICEMAIL -> startVoicemail(sw, call, caller, data, target);
            case MENU -> flowOrMenu(sw, call, caller, data);
            default -> {
                sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
                sw.play(caller, new Prompt(List.of("goodbye"), CHINESE, false, false));
            }
        }
    }

    private void toFlow(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data, String flowId)
            throws TelephonyException {
        Optional<IvrFlow> flow = flows.activeFlow(flowId);
        if (flow.isPresent()) {
            startFlow(sw, call, caller, data, flow.get());
        } else {
            LOG.warnf("Call %s: IVR flow %s has no active version: goodbye", call, flowId);
            sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
            sw.play(caller, new Prompt(List.of("goodbye"), CHINESE, false, false));
        }
    }

    /** "Leave a message after the tone", then the caller is recorded; the row is linked to the caller. */
    private void startVoicemail(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data, String queue)
            throws TelephonyException {
        Customer customer = customerOf(data.get(CallData.ANI));
        voicemails.started(call.value(), data.get(CallData.ANI), customer == null ? null : customer.getId(), queue);
        Map<String, String> step = new java.util.HashMap<>(Map.of(CallData.STEP, CallFlowStep.VOICEMAIL_PROMPT.name()));
        if (queue != null) {
            step.put(CallData.VOICEMAIL_QUEUE, queue);
        }
        sw.attachData(call, step);
        sw.play(caller, new Prompt(List.of("leave-message-after-tone", "beep"), CHINESE, false, false));
    }

    /**
     * The ACD gave up on a waiting call after its queue's max wait and the queue overflows to an
     * IVR flow or to voicemail: the call leaves the queue's music for that target.
     */
    @Override
    public void overflowed(CallId call, ConnectionId caller, String kind, String target, String fromQueue) {
        try (SwitchConnection sw = switchFactory.getConnection()) {
            Map<String, String> data = sw.callData(call);
            // Change the step before stopping the music, so that the stop's events are not taken for the caller's.
            sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.RULE.name()));
            sw.stopMedia(caller);
            if ("IVR".equals(kind)) {
                toFlow(sw, call, caller, data, target);
            } else {
                startVoicemail(sw, call, caller, data, fromQueue);
            }
        } catch (TelephonyException e) {
            LOG.infof("Call %s: overflow to %s failed: %s", call, kind, e.getMessage());
        }
    }

    private void recordingFinished(SwitchConnection sw, CallEvent.RecordingFinished r) {
        if (!voicemails.recorded(r.call().value(), r.recordingRef(), r.millis())) {
            return;
        }
        try {
            sw.attachData(r.call(), Map.of(CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
            sw.play(r.of(), new Prompt(List.of("transaction-done", "goodbye"), CHINESE, false, false));
        } catch (TelephonyException e) {
            LOG.debugf("Call %s ended with its message", r.call());
        }
    }

    private void offerMenu(SwitchConnection sw, ConnectionId caller, String entry, boolean sticky) throws TelephonyException {
        String menu = "BANKING".equals(entry) ? "main-menu-banking" : "main-menu-hotline";
        // A returning caller may ask for the agent it last spoke to.
        List<String> names = sticky ? List.of("welcome", "press-star-for-last-agent", menu) : List.of("welcome", menu);
        sw.play(caller, new Prompt(names, CHINESE, true, false));
        sw.collectDigits(caller, new DigitCollection(1, (char) 0, Duration.ofSeconds(8), Duration.ofSeconds(5), false));
    }

    private void digits(SwitchConnection sw, CallEvent.DigitsReceived d) throws TelephonyException {
        Map<String, String> data = sw.callData(d.call());
        String step = data.get(CallData.STEP);
        if (CallFlowStep.WAITING_FOR_AGENT.name().equals(step)) {
            waitingDigits(sw, d, data);
            return;
        }
        if (!CallFlowStep.MENU.name().equals(step) && !CallFlowStep.MENU_RETRY.name().equals(step)) {
            return;
        }
        String choice = d.digits();
        if ("1".equals(choice) || "0".equals(choice) || "*".equals(choice) && data.containsKey(CallData.LAST_AGENT)) {
            sw.attachData(d.call(), Map.of(CallData.MENU_CHOICE, choice, CallData.STEP, CallFlowStep.WAITING_FOR_AGENT.name()));
            toAgent(sw, d.call(), d.from(), data, null, "*".equals(choice) ? data.get(CallData.LAST_AGENT) : null);
        } else if ("2".equals(choice) || "9".equals(choice)) { // main-menu-hotline: 9 ends the call
            sw.attachData(d.call(), Map.of(CallData.MENU_CHOICE, choice, CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
            sw.play(d.from(), new Prompt(List.of("goodbye"), CHINESE, false, false));
        } else if (CallFlowStep.MENU.name().equals(step)) {
            sw.attachData(d.call(), Map.of(CallData.STEP, CallFlowStep.MENU_RETRY.name()));
            sw.play(d.from(), new Prompt(List.of("invalid-input"), CHINESE, true, false));
            offerMenu(sw, d.from(), data.get(CallData.ENTRY), data.containsKey(CallData.LAST_AGENT));
        } else {
            sw.attachData(d.call(), Map.of(CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
            sw.play(d.from(), new Prompt(List.of("goodbye"), CHINESE, false, false));
        }
    }

    /** The flow transferred the caller to a queue or an agent: the ACD takes over as for menu choice 1. */
    private void fromFlow(SwitchConnection sw, CallId call, IvrCalls.Handover handover) throws TelephonyException {
        Map<String, String> data = sw.callData(call);
        sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.WAITING_FOR_AGENT.name()));
        ConnectionId caller = new ConnectionId(call, new DeviceId(data.get(CallData.DNIS)));
        toAgent(sw, call, caller, data, handover.queue(), handover.agent(), !handover.announced());
    }

    /**
     * The caller asked for an agent: the ACD takes over with the entry's queue, the caller
     * identified by number for priority (VIP level) and the screen pop.
     */
    private void toAgent(SwitchConnection sw, CallId call, ConnectionId from, Map<String, String> data, String queueOverride,
                         String preferredAgent) throws TelephonyException {
        toAgent(sw, call, from, data, queueOverride, preferredAgent, true);
    }

    /** @param announce false when an IVR flow has just announced the transfer in its own words: music at once */
    private void toAgent(SwitchConnection sw, CallId call, ConnectionId from, Map<String, String> data, String queueOverride,
                         String preferredAgent, boolean announce) throws TelephonyException {
        Customer customer = customerOf(data.get(CallData.ANI));
        int vip = customer == null ? 0 : customer.getVipLevel();
        String entryQueue = queueFor(data.get(CallData.ENTRY), 0);
        // A flow that sends a caller to the entry's own queue still lets VIP callers jump to theirs,
        // and callers known to speak English to the English queue.
        String queue = queueOverride != null && !queueOverride.equals(entryQueue)
                ? queueOverride : queueFor(data.get(CallData.ENTRY), vip, customer == null ? null : customer.getLanguage());
        EnqueueResult.Outcome outcome = offers.enqueue(call, from, queue, vip,
                customer == null ? null : String.valueOf(customer.getId()), preferredAgent);
        if (outcome == EnqueueResult.Outcome.OFFERED || outcome == EnqueueResult.Outcome.QUEUED) {
            // Music on hold follows when this prompt completes (promptFinished); 9 asks for a callback.
            // In the language the caller chose in a flow (kefu.lang), Chinese otherwise.
            Locale lang = "en".equals(data.get(CallData.LANG)) ? Locale.ENGLISH : CHINESE;
            if (announce) {
                sw.play(from, new Prompt(List.of("transfer-to-agent", "please-hold"), lang, false, false));
            } else {
                sw.play(from, new Prompt(List.of("music-on-hold"), lang, false, true));
            }
            listenWhileWaiting(sw, from);
        } else {
            // Nobody to take the call: say so politely rather than leave the caller with music.
            LOG.infof("Call %s: no agent for queue %s (%s)", call, queue, outcome);
            sw.attachData(call, Map.of(CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
            sw.play(from, new Prompt(List.of("goodbye"), CHINESE, false, false));
        }
    }

    private static void listenWhileWaiting(SwitchConnection sw, ConnectionId caller) throws TelephonyException {
        sw.collectDigits(caller, new DigitCollection(1, (char) 0, Duration.ofMinutes(30), Duration.ofSeconds(5), false));
    }

    /** A key pressed while waiting for an agent: 9 leaves a callback request that keeps the caller's place. */
    private void waitingDigits(SwitchConnection sw, CallEvent.DigitsReceived d, Map<String, String> data) throws TelephonyException {
        if (d.end() == CallEvent.DigitsEnd.CANCELLED) {
            return;
        }
        if ("9".equals(d.digits()) && offers.requestCallback(d.call(), data.getOrDefault(CallData.ANI, "anonymous"))) {
            sw.attachData(d.call(), Map.of(CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
            sw.play(d.from(), new Prompt(List.of("transaction-done", "goodbye"), CHINESE, false, false));
            return;
        }
        if (offers.isWaiting(d.call())) {
            listenWhileWaiting(sw, d.from());
        }
    }

    private Customer customerOf(String ani) {
        return em.createQuery("select c from Customer c join c.phones p where p.phone = :phone", Customer.class)
                .setParameter("phone", ani == null ? "" : ani)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** The queue of an entry for a caller: an English-speaking customer goes to the english queue. */
    static String queueFor(String entry, int vipLevel, String language) {
        if (language != null && language.toLowerCase(Locale.ROOT).startsWith("en")) {
            return "english";
        }
        return queueFor(entry, vipLevel);
    }

    /** The ACD queue of an entry (shared/DEMO-CENTER.md): VIP banking callers (level 2 and up) go to vip. */
    static String queueFor(String entry, int vipLevel) {
        if (entry == null) {
            return "hotline";
        }
        return switch (entry) {
            case "BANKING" -> vipLevel >= 2 ? "vip" : "banking";
            case "SECURITIES" -> "securities";
            case "UTILITIES" -> "utilities";
            default -> "hotline";
        };
    }

    private void promptFinished(SwitchConnection sw, CallEvent.PromptFinished p) throws TelephonyException {
        Map<String, String> data = sw.callData(p.call());
        String step = data.get(CallData.STEP);
        if (p.end() != CallEvent.PromptEnd.STOPPED && CallFlowStep.RULE_ANNOUNCEMENT.name().equals(step)) {
            toRuleTarget(sw, p.call(), p.to(), data);
            return;
        }
        if (p.end() == CallEvent.PromptEnd.COMPLETED && CallFlowStep.VOICEMAIL_PROMPT.name().equals(step)) {
            sw.attachData(p.call(), Map.of(CallData.STEP, CallFlowStep.VOICEMAIL.name()));
            sw.record(p.to(), VOICEMAIL_MAX_SECONDS);
            return;
        }
        if (CallFlowStep.SAYING_GOODBYE.name().equals(step)) {
            // STOPPED is the music or prompt that the goodbye replaced: wait for the goodbye itself.
            if (p.end() != CallEvent.PromptEnd.STOPPED) {
                sw.clearCall(p.call());
            }
        } else if (CallFlowStep.WAITING_FOR_AGENT.name().equals(step) && p.end() == CallEvent.PromptEnd.COMPLETED) {
            sw.play(p.to(), new Prompt(List.of("music-on-hold"), CHINESE, false, true));
        }
    }

    private void cleared(SwitchConnection sw, CallEvent.Cleared c) throws TelephonyException {
        if (c.callEnded()) {
            cdr.ended(c.call().value(), c.at(), c.cause().name());
            return;
        }
        // In a direct-dialled call, the phone hanging up ends the call for the caller too.
        if (c.cause() != ClearCause.TRANSFERRED) {
            Map<String, String> data = sw.callData(c.call());
            if (CallFlowStep.DIRECT_DIAL.name().equals(data.get(CallData.STEP))) {
                sw.clearCall(c.call());
            }
        }
    }

    private void failed(SwitchConnection sw, CallEvent.Failed f) throws TelephonyException {
        Map<String, String> data = sw.callData(f.call());
        // A desk phone the switch stopped ringing on purpose (the call was deflected or picked up
        // elsewhere) leaves the call to the phone now ringing or talking: only the last one ends it.
        if (CallFlowStep.DIRECT_DIAL.name().equals(data.get(CallData.STEP)) && !anotherPhoneRemains(sw, f.call(), data.get(CallData.ANI))) {
            // Nobody at that desk: tell the caller and end the call.
            ConnectionId caller = new ConnectionId(f.call(), new DeviceId(data.get(CallData.ANI)));
            sw.attachData(f.call(), Map.of(CallData.STEP, CallFlowStep.SAYING_GOODBYE.name()));
            sw.clearCall(f.call());
            LOG.debugf("Direct dial failed for %s (%s)", caller, f.cause());
        }
    }

    /** Whether a party other than the caller still rings or talks in the call. */
    private static boolean anotherPhoneRemains(SwitchConnection sw, org.kefu.telephony.CallId call, String ani) {
        try {
            return sw.snapshotCall(call).parties().stream()
                    .filter(p -> ani == null || !ani.equals(p.connection().device().value()))
                    .anyMatch(p -> p.state() == org.kefu.telephony.ConnectionState.ALERTING
                            || p.state() == org.kefu.telephony.ConnectionState.CONNECTED
                            || p.state() == org.kefu.telephony.ConnectionState.HELD);
        } catch (TelephonyException e) {
            return false; // the call is gone already
        }
    }
}
