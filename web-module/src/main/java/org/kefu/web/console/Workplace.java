package org.kefu.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.RoutingState;
import org.kefu.acd.AcdException;
import org.kefu.acd.AgentCall;
import org.kefu.acd.NotReadyReason;
import org.kefu.acd.SoftPhone;
import org.kefu.acd.SoftPhoneException;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.assisted.AssistedBanking;
import org.kefu.assisted.AssistedBankingException;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BankingException;
import org.kefu.banking.PayeeSummary;
import org.kefu.banking.Receipt;
import org.kefu.crm.ContactRecordException;
import org.kefu.crm.ContactRecords;
import org.kefu.crm.QuickCustomers;
import org.kefu.crm.ScreenPop;
import org.kefu.crm.ScreenPops;
import org.kefu.crm.WrapUpCode;
import org.kefu.web.PageMessages;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The agent's workplace (agent/index.xhtml, R-7.1–R-7.5): ACD login at a chosen desk phone, the
 * state bar, the soft phone, the screen pop and the wrap-up, on one page that never reloads. The
 * page refreshes its parts when the push channel says something changed; every action is an ajax
 * request, and every refusal becomes an inline message in the agent's language.
 */
@Named
@ViewScoped
public class Workplace implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Workplace.class);

    @EJB
    private AgentSessions sessions;

    @EJB
    private RoutingState routing;
    @EJB
    private SoftPhone phone;
    @EJB
    private ScreenPops screenPops;
    @EJB
    private ContactRecords contactRecords;
    @EJB
    private QuickCustomers quickCustomers;
    @EJB
    private AssistedBanking assisted;

    @Inject
    private CurrentUser currentUser;
    @Inject
    private LocaleSelector localeSelector;

    private String extension;
    private String reason;
    private String dialNumber;
    private String transferKind = "AGENT";
    private String transferTarget;
    private String wrapUpCode;
    private String wrapUpNotes;
    private String newCustomerName;

    private AgentSnapshot status;
    private List<AgentCall> calls = List.of();
    private ScreenPop pop;
    private String popCallId;
    /** The call the wrap-up is for: the last one that rang here (stays after it ended). */
    private String lastCallRef;
    private String lastPhone;
    private Long lastCustomerId;
    private Long savedRecordId;
    /** Keys the agent sent with the keypad in the current call (a count: the keys may be a PIN). */
    private int keysSent;

    // Assisted banking: the account whose PIN is asked, what the bank answered
    private String bankAccount;
    private String bankBalance;
    private String payee;
    private String amount;
    private String bankReceipt;
    /** One key per transfer form: a double click is one transfer (the bank's idempotency). */
    private String transferKey = UUID.randomUUID().toString();

    @PostConstruct
    void init() {
        extension = currentUser.getExtension();
        String dial = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("dial");
        if (dial != null && dial.matches("[0-9*#+ -]{2,32}")) {
            dialNumber = dial.replaceAll("[\\s-]", ""); // prefilled; the agent dials with one click
        }
        refresh();
    }

    /** Reads the agent's state, calls and, for a new call, its screen pop (after a push or an action). */
    public void refresh() {
        String job = currentUser.getLogin();
        try {
            status = sessions.status(job);
            calls = status.state() == AgentState.LOGGED_OUT ? List.of() : phone.calls();
        } catch (RuntimeException e) {
            calls = List.of();
            fail(e);
            return;
        }
        AgentCall primary = calls.isEmpty() ? null : calls.get(0);
        if (primary != null && !primary.getCallId().equals(popCallId)) {
            popCallId = primary.getCallId();
            pop = screenPops.forCall(primary.getCallId(), primary.getData());
            lastCallRef = primary.getCallId();
            lastPhone = pop.getPhone();
            lastCustomerId = pop.getCustomerId();
            savedRecordId = null;
            keysSent = 0;
            bankAccount = null;
            bankBalance = null;
            bankReceipt = null;
            wrapUpCode = null;
            wrapUpNotes = null;
            newCustomerName = null;
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null && faces.getPartialViewContext().isAjaxRequest()) {
                PrimeFaces.current().ajax().update("pop", "bank");
            }
        }
    }

    // ------------------------------------------------------------------ ACD state

    public void login() {
        act(() -> sessions.login(currentUser.getLogin(), extension == null ? null : extension.trim()));
    }

    public void ready() {
        act(() -> {
            AgentSnapshot now = sessions.status(currentUser.getLogin());
            if (now.state() == AgentState.WRAP_UP) {
                sessions.wrapUpDone(currentUser.getLogin());
            } else {
                sessions.ready(currentUser.getLogin());
            }
        });
    }

    public void notReady() {
        if (reason == null || reason.isBlank()) {
            PageMessages.error("workplace.error.reasonRequired");
            return;
        }
        act(() -> sessions.notReady(currentUser.getLogin(), reason));
    }

    public void logout() {
        act(() -> sessions.logout(currentUser.getLogin()));
    }

    // ------------------------------------------------------------------ soft phone

    public void answer() {
        act(() -> phone.answer());
    }

    public void hangUp() {
        act(() -> phone.hangUp());
    }

    public void hold() {
        act(() -> phone.hold());
    }

    public void retrieve() {
        act(() -> phone.retrieve());
    }

    public void transfer() {
        if (transferTarget == null || transferTarget.isBlank()) {
            PageMessages.error("workplace.error.targetRequired");
            return;
        }
        String target = transferTarget.trim();
        act(() -> {
            switch (transferKind == null ? "NUMBER" : transferKind) {
                case "AGENT" -> phone.transferToAgent(target);
                case "QUEUE" -> phone.transferToQueue(target);
                default -> phone.blindTransfer(target);
            }
        });
    }

    public void consult() {
        if (transferTarget == null || transferTarget.isBlank() || "QUEUE".equals(transferKind)) {
            PageMessages.error("workplace.error.consultTarget");
            return;
        }
        String target = transferTarget.trim();
        act(() -> phone.consult(target, "AGENT".equals(transferKind)));
    }

    public void completeTransfer() {
        act(() -> phone.completeTransfer());
    }

    public void alternate() {
        act(() -> phone.alternate());
    }

    public void conference() {
        act(() -> phone.conference());
    }

    public void dial() {
        if (dialNumber == null || dialNumber.isBlank()) {
            PageMessages.error("workplace.error.numberRequired");
            return;
        }
        act(() -> phone.dial(dialNumber.trim()));
    }

    /** One key of the keypad (0-9 * #), sent to the other party of the active call as DTMF. */
    public void sendKey(String key) {
        boolean[] sent = {false};
        act(() -> {
            phone.sendDigits(key);
            sent[0] = true;
        });
        if (sent[0]) {
            keysSent++;
        }
    }

    public int getKeysSent() {
        return keysSent;
    }

    /** The keypad's keys in a phone's order. */
    public List<String> getKeys() {
        return KEYS;
    }

    private static final List<String> KEYS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#");

    // ------------------------------------------------------------------ assisted banking

    /** Sends the caller to PIN entry on the phone; the agent is held meanwhile and sees no digits. */
    public void askForPin() {
        if (bankAccount == null || bankAccount.isBlank()) {
            PageMessages.error("workplace.bank.accountRequired");
            return;
        }
        act(() -> assisted.askForPin(bankAccount));
    }

    public void showBalance() {
        act(() -> {
            try {
                AccountBalance b = assisted.balance();
                bankBalance = b.balance().toPlainString() + " " + b.currency() + " (" + PageMessages.text("workplace.bank.available") + " "
                        + b.available().toPlainString() + ")";
            } catch (BankingException e) {
                PageMessages.error("workplace.bank." + e.getError().name());
            }
        });
    }

    public void bankTransfer() {
        BigDecimal value;
        try {
            value = new BigDecimal(amount == null ? "" : amount.trim());
        } catch (NumberFormatException e) {
            PageMessages.error("workplace.bank.INVALID_AMOUNT");
            return;
        }
        if (payee == null || payee.isBlank()) {
            PageMessages.error("workplace.bank.payeeRequired");
            return;
        }
        String key = transferKey;
        act(() -> {
            try {
                Receipt r = assisted.transfer(payee, value, key);
                bankReceipt = PageMessages.text("workplace.bank.done", r.reference());
                transferKey = UUID.randomUUID().toString();
            } catch (BankingException e) {
                PageMessages.error("workplace.bank." + e.getError().name());
            }
        });
    }

    public void reportCardLoss() {
        act(() -> {
            try {
                Receipt r = assisted.reportCardLoss("loss-" + UUID.randomUUID());
                bankReceipt = PageMessages.text("workplace.bank.done", r.reference());
            } catch (BankingException e) {
                PageMessages.error("workplace.bank." + e.getError().name());
            }
        });
    }

    /** NONE, WAITING, VERIFIED or a refusal code, for the page. */
    public String getBankStatus() {
        try {
            return isLoggedIn() ? assisted.status() : "NONE";
        } catch (RuntimeException e) {
            return "NONE";
        }
    }

    public List<PayeeSummary> getPayees() {
        try {
            return "VERIFIED".equals(getBankStatus()) ? assisted.payees() : List.of();
        } catch (BankingException | RuntimeException e) {
            return List.of();
        }
    }

    public List<String> getBankAccounts() {
        List<String> list = new java.util.ArrayList<>();
        if (pop != null) {
            pop.getAccounts().stream().filter(a -> "BANK".equals(a.getKind())).forEach(a -> list.add(a.getAccountNumber()));
        }
        return list;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public void setBankAccount(String bankAccount) {
        this.bankAccount = bankAccount;
    }

    public String getBankBalance() {
        return bankBalance;
    }

    public String getBankReceipt() {
        return bankReceipt;
    }

    public String getPayee() {
        return payee;
    }

    public void setPayee(String payee) {
        this.payee = payee;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    // ------------------------------------------------------------------ wrap-up and customer

    public void saveWrapUp() {
        if (lastCallRef == null) {
            PageMessages.error("workplace.error.noCallToWrapUp");
            return;
        }
        if (wrapUpCode == null || wrapUpCode.isBlank()) {
            PageMessages.error("workplace.error.codeRequired");
            return;
        }
        act(() -> {
            savedRecordId = contactRecords.record(lastCallRef, lastCustomerId, lastPhone, wrapUpCode, wrapUpNotes);
            if (sessions.status(currentUser.getLogin()).state() == AgentState.WRAP_UP) {
                sessions.wrapUpDone(currentUser.getLogin());
            }
        });
        if (savedRecordId != null) {
            PageMessages.info("workplace.wrapUp.saved");
        }
    }

    public void createCustomer() {
        if (pop == null || pop.getPhone().isEmpty()) {
            PageMessages.error("workplace.error.noCallToWrapUp");
            return;
        }
        act(() -> {
            lastCustomerId = quickCustomers.create(newCustomerName, pop.getPhone(), localeSelector.getLanguageTag());
            pop = screenPops.forCall(lastCallRef, java.util.Map.of("kefu.customerId", String.valueOf(lastCustomerId), "kefu.ani", pop.getPhone()));
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            fail(e);
        }
        refresh();
    }

    /** Turns a refusal into a message in the agent's language; never a stack trace. */
    private void fail(RuntimeException e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AcdException a) {
            PageMessages.error("workplace.acd." + a.getKind().name());
        } else if (cause instanceof SoftPhoneException s) {
            PageMessages.error("workplace.phone." + s.getCode());
        } else if (cause instanceof ContactRecordException c) {
            PageMessages.error("workplace.record." + c.getCode());
        } else if (cause instanceof AssistedBankingException b) {
            PageMessages.error("workplace.bank." + b.getCode());
        } else if (cause instanceof EJBAccessException) {
            PageMessages.error("workplace.error.forbidden");
        } else {
            LOG.warnf(e, "Workplace action failed for %s", currentUser.getLogin());
            PageMessages.error("workplace.error.general");
        }
        LOG.infof("Workplace: %s refused for %s: %s", cause.getClass().getSimpleName(), currentUser.getLogin(), cause.getMessage());
    }

    // ------------------------------------------------------------------ what the page shows

    public boolean isLoggedIn() {
        return status != null && status.state() != AgentState.LOGGED_OUT;
    }

    public String getState() {
        return status == null ? "LOGGED_OUT" : status.state().name();
    }

    public String getStateReason() {
        return status == null || status.reason() == null ? "" : status.reason();
    }

    public String getLoggedInExtension() {
        return status == null || status.extension() == null ? "" : status.extension();
    }

    /** Epoch millis at which a timed wrap-up ends (0: none), for the page's countdown. */
    public long getWrapUpUntil() {
        return status == null || status.wrapUpUntil() == null ? 0 : status.wrapUpUntil().toEpochMilli();
    }

    public int getCallsAnsweredToday() {
        return status == null ? 0 : status.callsAnsweredToday();
    }

    public List<AgentCall> getCalls() {
        return calls;
    }

    /** The agent's main call (the ACD's, or a dialled one); null when idle. */
    public AgentCall getCall() {
        return calls.isEmpty() ? null : calls.get(0);
    }

    public boolean isConsulting() {
        return calls.stream().anyMatch(AgentCall::isConsultation);
    }

    public ScreenPop getPop() {
        return pop;
    }

    public String getLastCallRef() {
        return lastCallRef;
    }

    public Long getSavedRecordId() {
        return savedRecordId;
    }

    public boolean isEnglish() {
        return "en".equals(localeSelector.getLocale().getLanguage());
    }

    public List<NotReadyReason> getReasons() {
        return sessions.notReadyReasonNames();
    }

    public Set<String> getQueues() {
        return routing.queueCodes();
    }

    public List<WrapUpCode> getWrapUpCodes() {
        return contactRecords.wrapUpCodes();
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDialNumber() {
        return dialNumber;
    }

    public void setDialNumber(String dialNumber) {
        this.dialNumber = dialNumber;
    }

    public String getTransferKind() {
        return transferKind;
    }

    public void setTransferKind(String transferKind) {
        this.transferKind = transferKind;
    }

    public String getTransferTarget() {
        return transferTarget;
    }

    public void setTransferTarget(String transferTarget) {
        this.transferTarget = transferTarget;
    }

    public String getWrapUpCode() {
        return wrapUpCode;
    }

    public void setWrapUpCode(String wrapUpCode) {
        this.wrapUpCode = wrapUpCode;
    }

    public String getWrapUpNotes() {
        return wrapUpNotes;
    }

    public void setWrapUpNotes(String wrapUpNotes) {
        this.wrapUpNotes = wrapUpNotes;
    }

    public String getNewCustomerName() {
        return newCustomerName;
    }

    public void setNewCustomerName(String newCustomerName) {
        this.newCustomerName = newCustomerName;
    }
}
