package org.kefu.callflow;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.Offers;
import org.kefu.acd.QueueOverflow;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.callflow.routing.InboundRouting;
import org.kefu.callflow.routing.RoutingRule;
import org.kefu.callflow.routing.RuleTarget;
import org.kefu.calls.CallOwner;
import org.kefu.calls.CallSession;
import org.kefu.calls.CallSessions;
import org.kefu.calls.CallerPrompts;
import org.kefu.calls.EntryStep;
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
@PermitAll // local view only: the call event router and the call clock
public class InboundCalls {

    private static final Logger LOG = Logger.getLogger(InboundCalls.class);
    /** Longest message a caller may leave (seconds). */
    private static final int VOICEMAIL_MAX_SECONDS = Integer.getInteger("kefu.voicemail.maxSeconds", 120);

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @EJB
    private CallDetailRecords cdr;

    @EJB
    private Offers offers;

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
    private CallSessions calls;

    @EJB
    private CallerPrompts prompts;

    /** A call arrived: refused, rung through to a desk, or answered for the number plan. */
    public void delivered(SwitchConnection sw, CallEvent.Delivered d) throws TelephonyException {
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
            calls.open(d.call(), EntryStep.DIRECT_DIAL, d.at());
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
                    CallData.GREEN_QUEUE, green.get().queue()));
            if (green.get().agent() != null) {
                data.put(CallData.GREEN_AGENT, green.get().agent());
            }
            sw.attachData(d.call(), data);
            calls.open(d.call(), EntryStep.GREEN_CHANNEL, d.at());
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
                    CallData.RULE, String.valueOf(r.id()), CallData.RULE_TARGET, r.targetKind().name()));
            if (r.target() != null) {
                data.put(CallData.RULE_TARGET_CODE, r.target());
            }
            if (r.announcement() != null) {
                data.put(CallData.RULE_ANNOUNCEMENT, r.announcement());
            }
            sw.attachData(d.call(), data);
            calls.open(d.call(), EntryStep.RULE, d.at());
            sw.answer(d.alerting());
            return;
        }
        sw.attachData(d.call(), Map.of(CallData.ENTRY, entry.get().name()));
        calls.open(d.call(), EntryStep.MENU, d.at());
        sw.answer(d.alerting());
    }

    /** A party answered a call the ACD does not hold: Kefu's own answer starts the number plan's step. */
    public void established(SwitchConnection sw, CallEvent.Established e, CallSession s) throws TelephonyException {
        cdr.answered(e.call().value(), e.at());
        if (s == null || !(s.at(EntryStep.MENU) || s.at(EntryStep.RULE) || s.at(EntryStep.GREEN_CHANNEL))) {
            return;
        }
        Map<String, String> data = sw.callData(e.call());
        if (!e.answering().device().value().equals(data.get(CallData.DNIS))) {
            return;
        }
        if (s.at(EntryStep.MENU)) {
            flowOrMenu(sw, e.call(), e.answering(), data);
        } else if (s.at(EntryStep.RULE)) {
            String announcement = data.get(CallData.RULE_ANNOUNCEMENT);
            if (announcement == null) {
                toRuleTarget(sw, e.call(), e.answering(), data);
            } else {
                // The rule's own announcement (an out-of-hours or holiday message), then its target.
                calls.enter(e.call(), EntryStep.RULE_ANNOUNCEMENT);
                prompts.say(sw, e.answering(), announcement);
            }
        } else {
            toAgent(sw, e.call(), e.answering(), data, data.get(CallData.GREEN_QUEUE), data.get(CallData.GREEN_AGENT));
        }
    }

    /** The caller's keys, a prompt's end or a recording while the number plan owns the call. */
    public void onEntryMedia(SwitchConnection sw, CallSession s, CallEvent event) throws TelephonyException {
        if (event instanceof CallEvent.DigitsReceived d) {
            menuChoice(sw, s, d);
        } else if (event instanceof CallEvent.PromptFinished p) {
            promptFinished(sw, s, p);
        } else if (event instanceof CallEvent.RecordingFinished r) {
            recordingFinished(sw, r);
        }
    }

    /** The number's usual handling: its active IVR flow, or the fixed entry menu. */
    private void flowOrMenu(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data) throws TelephonyException {
        Optional<IvrFlow> flow = flows.activeFor(data.get(CallData.DNIS));
        if (flow.isPresent()) {
            startFlow(sw, call, caller, data, flow.get());
            return;
        }
        calls.enter(call, EntryStep.MENU);
        Optional<String> lastAgent = offers.lastAgentOf(data.get(CallData.ANI));
        if (lastAgent.isPresent()) {
            sw.attachData(call, Map.of(CallData.LAST_AGENT, lastAgent.get()));
        }
        offerMenu(sw, caller, data.get(CallData.ENTRY), lastAgent.isPresent());
    }

    /**
     * The IVR flow takes the call: it becomes the call's owner, and what the flow hands back at
     * once (a queue, an agent, goodbye) is carried out. Also for the calls Kefu placed and for the
     * survey after an agent.
     */
    public void startFlow(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data, IvrFlow flow)
            throws TelephonyException {
        calls.handTo(call, CallOwner.IVR);
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
            case QUEUE -> toAgent(sw, call, caller, data, target, null);
            case IVR -> toFlow(sw, call, caller, data, target);
            case VOICEMAIL -> startVoicemail(sw, call, caller, data, target);
            case MENU -> flowOrMenu(sw, call, caller, data);
            default -> prompts.goodbye(sw, call, caller);
        }
    }

    private void toFlow(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data, String flowId)
            throws TelephonyException {
        Optional<IvrFlow> flow = flows.activeFlow(flowId);
        if (flow.isPresent()) {
            startFlow(sw, call, caller, data, flow.get());
        } else {
            LOG.warnf("Call %s: IVR flow %s has no active version: goodbye", call, flowId);
            prompts.goodbye(sw, call, caller);
        }
    }

    /** "Leave a message after the tone", then the caller is recorded; the row is linked to the caller. */
    private void startVoicemail(SwitchConnection sw, CallId call, ConnectionId caller, Map<String, String> data, String queue)
            throws TelephonyException {
        Customer customer = customerOf(data.get(CallData.ANI));
        voicemails.started(call.value(), data.get(CallData.ANI), customer == null ? null : customer.getId(), queue);
        if (queue != null) {
            sw.attachData(call, Map.of(CallData.VOICEMAIL_QUEUE, queue));
        }
        calls.enter(call, EntryStep.VOICEMAIL_PROMPT);
        prompts.say(sw, caller, "leave-message-after-tone", "beep");
    }

    /**
     * The ACD gave up on a waiting call after its queue's max wait and the queue overflows to an
     * IVR flow or to voicemail: the call leaves the queue's music for that target.
     */
    public void overflowed(QueueOverflow overflow) {
        CallId call = overflow.call();
        try (SwitchConnection sw = switchFactory.getConnection()) {
            Map<String, String> data = sw.callData(call);
            // The number plan takes the call before the music stops, so that the stop's events are not taken for the caller's.
            calls.enter(call, EntryStep.RULE);
            sw.stopMedia(overflow.caller());
            if ("IVR".equals(overflow.kind())) {
                toFlow(sw, call, overflow.caller(), data, overflow.target());
            } else {
                startVoicemail(sw, call, overflow.caller(), data, overflow.fromQueue());
            }
        } catch (TelephonyException e) {
            LOG.infof("Call %s: overflow to %s failed: %s", call, overflow.kind(), e.getMessage());
        }
    }

    /** A recording ended that is not an IVR flow's: a caller's voicemail message, if it was one. */
    public void recordingFinished(SwitchConnection sw, CallEvent.RecordingFinished r) {
        if (!voicemails.recorded(r.call().value(), r.recordingRef(), r.millis())) {
            return;
        }
        try {
            prompts.goodbye(sw, r.call(), r.of(), "transaction-done", "goodbye");
        } catch (TelephonyException e) {
            LOG.debugf("Call %s ended with its message", r.call());
        }
    }

    private void offerMenu(SwitchConnection sw, ConnectionId caller, String entry, boolean sticky) throws TelephonyException {
        String menu = "BANKING".equals(entry) ? "main-menu-banking" : "main-menu-hotline";
        // A returning caller may ask for the agent it last spoke to.
        prompts.menu(sw, caller, sticky ? List.of("welcome", "press-star-for-last-agent", menu) : List.of("welcome", menu));
        sw.collectDigits(caller, new DigitCollection(1, (char) 0, Duration.ofSeconds(8), Duration.ofSeconds(5), false));
    }

    private void menuChoice(SwitchConnection sw, CallSession s, CallEvent.DigitsReceived d) throws TelephonyException {
        boolean retried = s.at(EntryStep.MENU_RETRY);
        if (!s.at(EntryStep.MENU) && !retried) {
            return;
        }
        Map<String, String> data = sw.callData(d.call());
        String choice = d.digits();
        if ("1".equals(choice) || "0".equals(choice) || "*".equals(choice) && data.containsKey(CallData.LAST_AGENT)) {
            sw.attachData(d.call(), Map.of(CallData.MENU_CHOICE, choice));
            toAgent(sw, d.call(), d.from(), data, null, "*".equals(choice) ? data.get(CallData.LAST_AGENT) : null);
        } else if ("2".equals(choice) || "9".equals(choice)) { // main-menu-hotline: 9 ends the call
            sw.attachData(d.call(), Map.of(CallData.MENU_CHOICE, choice));
            prompts.goodbye(sw, d.call(), d.from());
        } else if (!retried) {
            calls.enter(d.call(), EntryStep.MENU_RETRY);
            prompts.menu(sw, d.from(), List.of("invalid-input"));
            offerMenu(sw, d.from(), data.get(CallData.ENTRY), data.containsKey(CallData.LAST_AGENT));
        } else {
            prompts.goodbye(sw, d.call(), d.from());
        }
    }

    /** The flow transferred the caller to a queue or an agent: the ACD takes over as for menu choice 1. */
    public void fromFlow(SwitchConnection sw, CallId call, IvrCalls.Handover handover) throws TelephonyException {
        Map<String, String> data = sw.callData(call);
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
        // The queue owns the call before an agent can answer it (the answer hands it to the agent).
        calls.handTo(call, CallOwner.QUEUE);
        EnqueueResult.Outcome outcome = offers.enqueue(call, from, queue, vip,
                customer == null ? null : String.valueOf(customer.getId()), preferredAgent);
        if (outcome == EnqueueResult.Outcome.OFFERED || outcome == EnqueueResult.Outcome.QUEUED) {
            // Music on hold follows when this prompt completes (whileWaiting); 9 asks for a callback.
            // In the language the caller chose in a flow (kefu.lang), Chinese otherwise.
            Locale lang = prompts.languageOf(data);
            if (announce) {
                prompts.say(sw, from, lang, List.of("transfer-to-agent", "please-hold"));
            } else {
                prompts.music(sw, from, lang);
            }
            listenWhileWaiting(sw, from);
        } else {
            // Nobody to take the call: say so politely rather than leave the caller with music.
            LOG.infof("Call %s: no agent for queue %s (%s)", call, queue, outcome);
            prompts.goodbye(sw, call, from);
        }
    }

    private static void listenWhileWaiting(SwitchConnection sw, ConnectionId caller) throws TelephonyException {
        sw.collectDigits(caller, new DigitCollection(1, (char) 0, Duration.ofMinutes(30), Duration.ofSeconds(5), false));
    }

    /**
     * The caller's keys or a prompt's end while the call waits in a queue: 9 leaves a callback
     * request that keeps the caller's place; music follows each announcement.
     */
    public void whileWaiting(SwitchConnection sw, CallEvent event) throws TelephonyException {
        if (event instanceof CallEvent.PromptFinished p) {
            if (p.end() == CallEvent.PromptEnd.COMPLETED) {
                prompts.music(sw, p.to(), CallerPrompts.CHINESE);
            }
            return;
        }
        if (!(event instanceof CallEvent.DigitsReceived d) || d.end() == CallEvent.DigitsEnd.CANCELLED) {
            return;
        }
        if ("9".equals(d.digits())
                && offers.requestCallback(d.call(), sw.callData(d.call()).getOrDefault(CallData.ANI, "anonymous"))) {
            prompts.goodbye(sw, d.call(), d.from(), "transaction-done", "goodbye");
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

    private void promptFinished(SwitchConnection sw, CallSession s, CallEvent.PromptFinished p) throws TelephonyException {
        if (p.end() != CallEvent.PromptEnd.STOPPED && s.at(EntryStep.RULE_ANNOUNCEMENT)) {
            toRuleTarget(sw, p.call(), p.to(), sw.callData(p.call()));
        } else if (p.end() == CallEvent.PromptEnd.COMPLETED && s.at(EntryStep.VOICEMAIL_PROMPT)) {
            calls.enter(p.call(), EntryStep.VOICEMAIL);
            sw.record(p.to(), VOICEMAIL_MAX_SECONDS);
        }
    }

    /** A party left a call the ACD does not hold. */
    public void cleared(SwitchConnection sw, CallEvent.Cleared c, CallSession s) throws TelephonyException {
        if (c.callEnded()) {
            cdr.ended(c.call().value(), c.at(), c.cause().name());
            return;
        }
        // In a direct-dialled call, the phone hanging up ends the call for the caller too.
        if (c.cause() != ClearCause.TRANSFERRED && s != null && s.at(EntryStep.DIRECT_DIAL)) {
            sw.clearCall(c.call());
        }
    }

    /** A party of a call the ACD does not hold could not be reached. */
    public void failed(SwitchConnection sw, CallEvent.Failed f, CallSession s) throws TelephonyException {
        if (s == null || !s.at(EntryStep.DIRECT_DIAL)) {
            return;
        }
        String ani = sw.callData(f.call()).get(CallData.ANI);
        // A desk phone the switch stopped ringing on purpose (the call was deflected or picked up
        // elsewhere) leaves the call to the phone now ringing or talking: only the last one ends it.
        if (!anotherPhoneRemains(sw, f.call(), ani)) {
            // Nobody at that desk: end the call.
            calls.handTo(f.call(), CallOwner.GOODBYE);
            sw.clearCall(f.call());
            LOG.debugf("Direct dial of %s failed for %s (%s)", f.call(), ani, f.cause());
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
