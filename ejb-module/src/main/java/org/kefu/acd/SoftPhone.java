package org.kefu.acd;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.kefu.acd.routing.AgentState;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallId;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signed-in agent's soft phone: every command acts on the calls of the desk
 * phone the agent is logged in at, through the adapter's call control; an agent can reach no
 * other desk. The desk phone itself rings, talks and hangs up as in reality.
 * <p>
 * Answer: Kefu places the call to the agent's SIP phone (it is the INVITE's sender), and SIP has
 * no way for the sender to take the callee off-hook. So the phone answers (its user, or its
 * auto-answer setting); the console's answer key asks the switch, which answers calls it can and
 * otherwise says so, and the console then tells the agent to pick up the phone.
 */
@Stateless
@RolesAllowed({"agent", "supervisor"})
public class SoftPhone {

    private static final Pattern NUMBER = Pattern.compile("[0-9*#+]{2,32}");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-d]{1,32}");

    @Resource
    private SessionContext context;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @EJB
    private DirectCalls directCalls;

    @EJB
    private AgentSessions sessions;

    @EJB
    private DialCheck dialPolicy;

    /** The agent's calls at its desk phone now: the ACD's call (or a dialled one) first. */
    public List<AgentCall> calls() {
        String ext = extensionOrNull();
        if (ext == null) {
            return List.of();
        }
        List<AgentCall> result = new ArrayList<>();
        try (SwitchConnection sw = switchFactory.getConnection()) {
            for (CallSnapshot.Party party : sw.snapshotDevice(new DeviceId(ext)).connections()) {
                ConnectionState state = party.state();
                if (state == ConnectionState.CLEARED || state == ConnectionState.FAILED) {
                    continue;
                }
                Map<String, String> data;
                List<CallSnapshot.Party> parties;
                try {
                    data = sw.callData(party.connection().call());
                    parties = sw.snapshotCall(party.connection().call()).parties();
                } catch (TelephonyException e) {
                    continue; // ended meanwhile
                }
                List<CallSnapshot.Party> others = parties.stream()
                        .filter(p -> !p.connection().equals(party.connection())
                                && p.state() != ConnectionState.CLEARED && p.state() != ConnectionState.FAILED)
                        .toList();
                boolean othersHeld = !others.isEmpty() && others.stream().allMatch(p -> p.state() == ConnectionState.HELD);
                result.add(new AgentCall(party.connection().call().value(), state.name(), data,
                        data.containsKey(CallData.CONSULTATION_OF), othersHeld, others.size() + 1));
            }
        } catch (TelephonyException e) {
            throw new SoftPhoneException("SWITCH_REFUSED", e.getMessage());
        }
        result.sort((a, b) -> Boolean.compare(a.isConsultation(), b.isConsultation()));
        return result;
    }

    public void answer() {
        ConnectionId leg = myLeg(firstCall());
        try (SwitchConnection sw = switchFactory.getConnection()) {
            sw.answer(leg);
        } catch (TelephonyException e) {
            throw new SoftPhoneException("ANSWER_ON_PHONE", e.getMessage());
        }
    }

    /** Hangs up the agent's leg of the active call (the consultation first, if there is one). */
    public void hangUp() {
        List<AgentCall> calls = calls();
        if (calls.isEmpty()) {
            throw new SoftPhoneException("NO_CALL", null);
        }
        AgentCall target = calls.stream().filter(c -> !c.isHeld()).reduce((a, b) -> b).orElse(calls.get(0));
        run(sw -> sw.clearConnection(myLeg(target)));
    }

    /** Puts the caller on hold (music) or takes it back. */
    public void hold() {
        AgentCall call = firstCall();
        run(sw -> sw.hold(otherParty(sw, call)));
    }

    public void retrieve() {
        AgentCall call = firstCall();
        run(sw -> sw.retrieve(otherParty(sw, call)));
    }

    /** Blind transfer to a number or extension: the caller rings there, the agent leaves. */
    public void blindTransfer(String destination) {
        DeviceId target = device(destination);
        allowed(target, currentQueue(), DialPath.TRANSFER);
        AgentCall call = firstCall();
        run(sw -> sw.singleStepTransfer(myLeg(call), target));
    }

    /**
     * Blind transfer to another agent, by job number: rings the desk that agent is logged in at.
     * The ACD counts that agent busy for the call (see {@link DirectCalls#reserveForDirectCall}); an agent
     * who rings or talks already is refused as AGENT_BUSY.
     */
    public void transferToAgent(String jobNumber) {
        String job = jobNumber == null ? null : jobNumber.strip();
        DeviceId target = device(extensionOfAgent(job));
        AgentCall call = firstCall();
        String reservation = reserve(job, call, false);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            ConnectionId caller = otherParty(sw, call);
            sw.singleStepTransfer(myLeg(call), target);
            directCalls.directCallPlaced(reservation, call.getCallId(), caller);
        } catch (TelephonyException | RuntimeException e) {
            directCalls.directCallFailed(job, reservation);
            throw e instanceof TelephonyException ? new SoftPhoneException("SWITCH_REFUSED", e.getMessage()) : (RuntimeException) e;
        }
    }

    public void transferToQueue(String queue) {
        try {
            directCalls.transferToQueue(jobNumber(), queue);
        } catch (AcdException e) {
            throw new SoftPhoneException(e.getKind() == AcdException.Kind.NOT_FOUND ? "BAD_DESTINATION" : "NO_CALL", e.getMessage());
        }
    }

    /** Consultation: the caller waits with music while the agent calls a number or another agent. */
    public void consult(String destination, boolean isAgent) {
        String job = isAgent && destination != null ? destination.strip() : null;
        DeviceId target = device(isAgent ? extensionOfAgent(job) : destination);
        AgentCall call = firstCall();
        if (!isAgent) {
            allowed(target, call.getQueue(), DialPath.CONSULTATION);
            run(sw -> sw.consultationCall(myLeg(call), target));
            return;
        }
        // A consulted colleague is busy for the ACD while the consultation lasts.
        String reservation = reserve(job, call, true);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            ConnectionId consultation = sw.consultationCall(myLeg(call), target);
            directCalls.directCallPlaced(reservation, consultation.call().value(), null);
        } catch (TelephonyException | RuntimeException e) {
            directCalls.directCallFailed(job, reservation);
            throw e instanceof TelephonyException ? new SoftPhoneException("SWITCH_REFUSED", e.getMessage()) : (RuntimeException) e;
        }
    }

    /** Ends a consultation by joining the caller and the consulted party; the agent leaves. */
    public void completeTransfer() {
        AgentCall[] pair = consultationPair();
        run(sw -> {
            directCalls.consultationCompleted(jobNumber(), pair[0].getCallId(), pair[1].getCallId(), otherParty(sw, pair[0]));
            sw.completeTransfer(myLeg(pair[0]), myLeg(pair[1]));
        });
    }

    /** Swaps the call on hold and the one in conversation, whichever way round they are now. */
    public void alternate() {
        AgentCall[] pair = consultationPair();
        // After one alternate the original call is the active one: hold the consultation then.
        AgentCall held = pair[0].isOthersHeld() ? pair[0] : pair[1];
        AgentCall active = held == pair[0] ? pair[1] : pair[0];
        run(sw -> sw.alternate(myLeg(held), myLeg(active)));
    }

    public void conference() {
        AgentCall[] pair = consultationPair();
        run(sw -> {
            directCalls.consultationConferenced(jobNumber(), pair[0].getCallId(), pair[1].getCallId(), otherParty(sw, pair[0]));
            sw.conference(myLeg(pair[0]), myLeg(pair[1]));
        });
    }

    /** Reserves the colleague in the ACD; a busy colleague is AGENT_BUSY, nothing changed. */
    private String reserve(String job, AgentCall call, boolean consultation) {
        try {
            return directCalls.reserveForDirectCall(jobNumber(), job, call.getCallId(), consultation);
        } catch (AcdException e) {
            throw new SoftPhoneException(e.getKind() == AcdException.Kind.CONFLICT ? "AGENT_BUSY" : "BAD_DESTINATION", e.getMessage());
        }
    }

    /**
     * The keypad: sends DTMF from the agent's leg of the active call (the consultation while the
     * agent consults) to the other party, as if keyed on the desk phone: for an outside IVR, a
     * bank's host, a conference bridge's PIN. 1 to 32 of 0-9 * # A-D; anything else is
     * BAD_DIGITS and nothing is sent. The digits are never logged nor put in a message.
     */
    public void sendDigits(String digits) {
        String keys = digits == null ? "" : digits.strip();
        if (!DIGITS.matcher(keys).matches()) {
            throw new SoftPhoneException("BAD_DIGITS", null);
        }
        List<AgentCall> calls = calls();
        if (calls.isEmpty()) {
            throw new SoftPhoneException("NO_CALL", null);
        }
        AgentCall target = calls.stream().filter(AgentCall::isConsultation).findFirst().orElse(calls.get(0));
        if (target.isRinging()) {
            throw new SoftPhoneException("NO_CALL", "the call is not answered yet");
        }
        run(sw -> sw.sendDigits(myLeg(target), keys));
    }

    /** Click to dial: the agent's desk phone rings first; when it answers, the number is called. */
    public String dial(String number) {
        DeviceId target = device(number);
        String ext = extension();
        allowed(target, null, DialPath.CLICK_TO_DIAL);
        Map<String, String> data = new HashMap<>();
        data.put(CallData.AGENT, jobNumber());
        data.put(CallData.DIALLED, number);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            return sw.makeCall(new DeviceId(ext), target, data).value();
        } catch (TelephonyException e) {
            throw new SoftPhoneException("SWITCH_REFUSED", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private interface Command {
        void run(SwitchConnection sw) throws TelephonyException;
    }

    private void run(Command command) {
        try (SwitchConnection sw = switchFactory.getConnection()) {
            command.run(sw);
        } catch (TelephonyException e) {
            throw new SoftPhoneException("SWITCH_REFUSED", e.getMessage());
        }
    }

    /** The dial policy's word on an outside number (audited when refused): DIAL_REFUSED, nothing dialled. */
    private void allowed(DeviceId target, String queue, DialPath path) {
        java.util.Set<String> roles = new java.util.HashSet<>();
        for (String role : new String[] {"agent", "supervisor"}) {
            if (context.isCallerInRole(role)) {
                roles.add(role);
            }
        }
        try {
            dialPolicy.check(jobNumber(), roles, queue, target.value(), path, null);
        } catch (DialRefused e) {
            throw new SoftPhoneException("DIAL_REFUSED", e.getMessage());
        }
    }

    private String jobNumber() {
        return context.getCallerPrincipal().getName();
    }

    private String extensionOrNull() {
        try {
            var status = sessions.status(jobNumber());
            return status.state() == AgentState.LOGGED_OUT ? null : status.extension();
        } catch (AcdException e) {
            return null;
        }
    }

    private String extension() {
        String ext = extensionOrNull();
        if (ext == null) {
            throw new SoftPhoneException("NOT_LOGGED_IN", null);
        }
        return ext;
    }

    private String extensionOfAgent(String jobNumber) {
        try {
            var status = sessions.status(jobNumber == null ? null : jobNumber.trim());
            if (status.state() == AgentState.LOGGED_OUT || status.extension() == null) {
                throw new SoftPhoneException("BAD_DESTINATION", "agent " + jobNumber + " is not logged in");
            }
            return status.extension();
        } catch (AcdException e) {
            throw new SoftPhoneException("BAD_DESTINATION", e.getMessage());
        }
    }

    private static DeviceId device(String number) {
        String n = number == null ? "" : number.replaceAll("[\\s-]", "");
        if (!NUMBER.matcher(n).matches()) {
            throw new SoftPhoneException("BAD_DESTINATION", number);
        }
        return new DeviceId(n);
    }

    /** The queue of the call the agent serves now, or null without a call (or one from no queue). */
    private String currentQueue() {
        List<AgentCall> calls = calls();
        return calls.isEmpty() ? null : calls.get(0).getQueue();
    }

    private AgentCall firstCall() {
        List<AgentCall> calls = calls();
        if (calls.isEmpty()) {
            throw new SoftPhoneException("NO_CALL", null);
        }
        return calls.get(0);
    }

    /** {held original call, consultation call}, or NO_CALL when the agent does not consult. */
    private AgentCall[] consultationPair() {
        List<AgentCall> calls = calls();
        Optional<AgentCall> consult = calls.stream().filter(AgentCall::isConsultation).findFirst();
        Optional<AgentCall> original = calls.stream().filter(c -> !c.isConsultation()).findFirst();
        if (consult.isEmpty() || original.isEmpty()) {
            throw new SoftPhoneException("NO_CALL", "no consultation in progress");
        }
        return new AgentCall[] {original.get(), consult.get()};
    }

    private ConnectionId myLeg(AgentCall call) {
        return new ConnectionId(new CallId(call.getCallId()), new DeviceId(extension()));
    }

    /** The other party of a two-party call (the caller, or the consulted person). */
    private ConnectionId otherParty(SwitchConnection sw, AgentCall call) throws TelephonyException {
        String ext = extension();
        return sw.snapshotCall(new CallId(call.getCallId())).parties().stream()
                .map(CallSnapshot.Party::connection)
                .filter(c -> !c.device().value().equals(ext))
                .findFirst()
                .orElseThrow(() -> new SoftPhoneException("NO_CALL", "nobody else in " + call.getCallId()));
    }
}
