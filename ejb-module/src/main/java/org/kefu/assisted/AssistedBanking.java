package org.kefu.assisted;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.Offers;
import org.kefu.acd.AgentNotifications;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BankingError;
import org.kefu.banking.BankingException;
import org.kefu.banking.BankingService;
import org.kefu.banking.OperationContext;
import org.kefu.banking.PayeeSummary;
import org.kefu.banking.Receipt;
import org.kefu.calls.CallOwner;
import org.kefu.calls.CallSessions;
import org.kefu.calls.CallerPrompts;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assisted banking (issue 7 §5): with the caller on the line, the agent sends the caller to PIN
 * entry on the phone. The agent's leg is held (out of the bridge, with music), so the agent hears
 * neither the caller's keys nor their tones; the digits are collected secretly on the caller's leg,
 * checked by {@link BankingService#verifyPin} and wiped; the agent learns only "verified" or the
 * refusal's code. Then balance, transfer to a registered payee and card-loss report, each with
 * channel AGENT, the call and the agent's job number, audited.
 * <p>
 * The verification lives in memory for the call only (like the IVR's secrets): it ends with the
 * call, and on another account it must be asked again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@RolesAllowed({"agent", "supervisor"})
public class AssistedBanking {

    private static final Logger LOG = Logger.getLogger(AssistedBanking.class);
    private static final int PIN_DIGITS = 6;

    /** Where the PIN check of one call stands. */
    static final class Check {
        final String callId;
        final String account;
        final String jobNumber;
        final ConnectionId agentLeg;
        volatile String status = "WAITING"; // WAITING, VERIFIED, or the BankingError name

        Check(String callId, String account, String jobNumber, ConnectionId agentLeg) {
            this.callId = callId;
            this.account = account;
            this.jobNumber = jobNumber;
            this.agentLeg = agentLeg;
        }
    }

    private final Map<String, Check> checks = new ConcurrentHashMap<>();

    @Resource
    private SessionContext context;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AgentSessions sessions;

    @EJB
    private Offers offers;

    @EJB
    private BankingService banking;

    @EJB
    private AgentNotifications notifications;

    @EJB
    private AuditLog audit;

    @EJB
    private CallSessions calls;

    @EJB
    private CallerPrompts prompts;

    /** Holds the agent and asks the caller for the PIN of {@code accountNumber} on the phone. */
    public void askForPin(String accountNumber) {
        String job = context.getCallerPrincipal().getName();
        AgentSnapshot me = sessions.status(job);
        String callId = offers.callOf(job).orElse(null);
        if (me.state() != AgentState.TALKING || callId == null) {
            throw new AssistedBankingException("NO_CALL");
        }
        Number known = (Number) em.createNativeQuery("SELECT COUNT(*) FROM customer_account WHERE account_number = ?1 AND kind = 'BANK'")
                .setParameter(1, accountNumber == null ? "" : accountNumber).getSingleResult();
        if (known.intValue() == 0) {
            throw new AssistedBankingException("UNKNOWN_ACCOUNT");
        }
        ConnectionId agentLeg = new ConnectionId(new CallId(callId), new DeviceId(me.extension()));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            ConnectionId caller = sw.snapshotCall(agentLeg.call()).parties().stream().map(CallSnapshot.Party::connection)
                    .filter(c -> !c.device().equals(agentLeg.device())).findFirst()
                    .orElseThrow(() -> new AssistedBankingException("NO_CALL"));
            checks.put(callId, new Check(callId, accountNumber, job, agentLeg));
            calls.handTo(agentLeg.call(), CallOwner.ASSISTED_BANKING);
            sw.hold(agentLeg);
            prompts.menu(sw, caller, List.of("enter-pin"));
            sw.collectDigits(caller, new DigitCollection(PIN_DIGITS, '#', Duration.ofSeconds(20), Duration.ofSeconds(8), true));
        } catch (TelephonyException e) {
            checks.remove(callId);
            calls.handTo(agentLeg.call(), CallOwner.AGENT);
            LOG.infof("Call %s: PIN entry not started: %s", callId, e.getMessage());
            throw new AssistedBankingException("SWITCH_REFUSED");
        }
        LOG.infof("Call %s: agent %s sent the caller to PIN entry", callId, job);
        audit.record(job, "ASSISTED_PIN_REQUEST", masked(accountNumber), AuditOutcome.SUCCESS, "call " + callId, null);
    }

    /**
     * The caller's keys on a call waiting for a PIN (called by the callflow). Returns false when
     * this call is not waiting for one. The digits are never logged or kept.
     */
    @PermitAll // local only: the callflow's event delivery
    public boolean onDigits(SwitchConnection sw, CallEvent.DigitsReceived d) {
        Check check = checks.get(d.call().value());
        if (check == null || !"WAITING".equals(check.status)) {
            return false;
        }
        if (d.end() == CallEvent.DigitsEnd.CANCELLED) {
            // The collection we replaced (the waiting caller's "9 for a callback"): not the PIN.
            return true;
        }
        char[] pin = d.digits().toCharArray();
        String outcome;
        if (pin.length == 0) {
            outcome = "NO_INPUT"; // the caller typed nothing: no attempt is counted against the card
        } else {
            try {
                banking.verifyPin(OperationContext.agent(check.callId, check.jobNumber, "pin-" + UUID.randomUUID()), check.account, pin);
                outcome = "VERIFIED";
            } catch (BankingException e) {
                outcome = e.getError().name();
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
        check.status = outcome;
        LOG.infof("Call %s: PIN check %s (%s, %d key(s))", check.callId, outcome, d.end(), d.digits().length());
        try {
            sw.retrieve(check.agentLeg);
            calls.handTo(d.call(), CallOwner.AGENT);
        } catch (TelephonyException e) {
            LOG.infof("Call %s: agent not retrieved after PIN entry: %s", check.callId, e.getMessage());
        }
        audit.record(check.jobNumber, "ASSISTED_PIN_CHECK", masked(check.account),
                "VERIFIED".equals(outcome) ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, "call " + check.callId + ": " + outcome, null);
        notifications.publish(check.jobNumber, "PIN");
        return true;
    }

    /** NONE, WAITING, VERIFIED or the refusal's code (WRONG_PIN, PIN_LOCKED …) for the agent's call. */
    public String status() {
        Check check = myCheck(false);
        return check == null ? "NONE" : check.status;
    }

    public String verifiedAccount() {
        Check check = myCheck(false);
        return check == null || !"VERIFIED".equals(check.status) ? null : check.account;
    }

    public AccountBalance balance() throws BankingException {
        Check check = myCheck(true);
        AccountBalance balance = banking.balance(OperationContext.agent(check.callId, check.jobNumber, "balance-" + UUID.randomUUID()),
                check.account);
        audit.record(check.jobNumber, "ASSISTED_BALANCE", masked(check.account), AuditOutcome.SUCCESS, "call " + check.callId, null);
        return balance;
    }

    public List<PayeeSummary> payees() throws BankingException {
        Check check = myCheck(true);
        return banking.payees(OperationContext.agent(check.callId, check.jobNumber, "payees-" + UUID.randomUUID()), check.account);
    }

    /** A transfer to a registered payee; {@code requestKey} makes a repeated click one transfer. */
    public Receipt transfer(String payeeAccount, BigDecimal amount, String requestKey) throws BankingException {
        Check check = myCheck(true);
        try {
            Receipt receipt = banking.transfer(OperationContext.agent(check.callId, check.jobNumber, requestKey), check.account,
                    payeeAccount, amount);
            audit.record(check.jobNumber, "ASSISTED_TRANSFER", masked(check.account), AuditOutcome.SUCCESS,
                    "to " + masked(payeeAccount) + " " + amount + " ref " + receipt.reference(), null);
            return receipt;
        } catch (BankingException e) {
            audit.recordIndependently(check.jobNumber, "ASSISTED_TRANSFER", masked(check.account), AuditOutcome.FAILURE,
                    "to " + masked(payeeAccount) + ": " + e.getError(), null);
            throw e;
        }
    }

    public Receipt reportCardLoss(String requestKey) throws BankingException {
        Check check = myCheck(true);
        Receipt receipt = banking.reportCardLoss(OperationContext.agent(check.callId, check.jobNumber, requestKey), check.account);
        audit.record(check.jobNumber, "ASSISTED_CARD_LOSS", masked(check.account), AuditOutcome.SUCCESS, "ref " + receipt.reference(), null);
        return receipt;
    }

    /** Card and account numbers are not written in full to the audit trail: the last 4 digits. */
    static String masked(String account) {
        return account == null || account.length() <= 4 ? "****" : "****" + account.substring(account.length() - 4);
    }

    /** Forgets a call's check when it ends (called by the callflow). */
    @PermitAll // local only: the callflow's event delivery
    public void callEnded(CallId call) {
        checks.remove(call.value());
    }

    private Check myCheck(boolean mustBeVerified) {
        String job = context.getCallerPrincipal().getName();
        String callId = offers.callOf(job).orElse(null);
        Check check = callId == null ? null : checks.get(callId);
        if (check != null && !job.equals(check.jobNumber)) {
            check = null;
        }
        if (mustBeVerified && (check == null || !"VERIFIED".equals(check.status))) {
            throw new AssistedBankingException("NOT_VERIFIED");
        }
        return check;
    }
}
