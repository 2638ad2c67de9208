package org.kefu.web.workplace;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;
import org.kefu.acd.AgentCall;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.SoftPhone;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.crm.ScreenPop;
import org.kefu.crm.ScreenPops;
import org.kefu.outbound.CallbackDialer;
import org.kefu.outbound.CallbackPreview;
import org.kefu.telephony.CallData;
import org.kefu.web.PageMessages;
import org.kefu.web.console.CurrentUser;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the agent's workplace (agent/index.xhtml, R-7.1–) knows now, shared by its panels: the
 * ACD state, the agent's calls, and the screen pop of the last call that rang here (it stays for
 * the wrap-up after the call ended). The page never reloads: the push channel calls
 * {@link #refresh()}, every panel acts through {@link #act(Runnable)}, and every refusal becomes an
 * inline message in the agent's language.
 */
@Named
@ViewScoped
public class AgentDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AgentDesk.class);

    @EJB
    private AgentSessions sessions;
    @EJB
    private SoftPhone phone;
    @EJB
    private ScreenPops screenPops;
    @EJB
    private CallbackDialer callbacks;

    @Inject
    private CurrentUser currentUser;
    @Inject
    private Event<NewCall> newCall;

    private AgentSnapshot status;
    private List<AgentCall> calls = List.of();
    private ScreenPop pop;
    /** For a callback's call: the request, shown while the desk rings, before the customer is dialled. */
    private CallbackPreview callback;
    /** The last call that rang here: the screen pop's and the wrap-up's. */
    private String callRef;

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the agent's state, calls and, for a new call, its screen pop (after a push or an action). */
    public void refresh() {
        try {
            status = sessions.status(currentUser.getLogin());
            calls = status.state() == AgentState.LOGGED_OUT ? List.of() : phone.calls();
        } catch (RuntimeException e) {
            calls = List.of();
            refused(e);
            return;
        }
        AgentCall primary = calls.isEmpty() ? null : calls.get(0);
        if (primary != null && !primary.getCallId().equals(callRef)) {
            callRef = primary.getCallId();
            pop = screenPops.forCall(callRef, primary.getData());
            String ref = primary.getData().get(CallData.CALLBACK);
            callback = ref == null ? null : callbacks.preview(ref).orElse(null);
            newCall.fire(new NewCall(callRef));
        }
    }

    /** Runs a panel's action, turns a refusal into a message, and shows what changed. */
    public void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            refused(e);
        }
        refresh();
    }

    /** The caller became a customer: the screen pop shows them, the wrap-up records them. */
    public void customerCreated(long id) {
        pop = screenPops.forCall(callRef, Map.of(CallData.CUSTOMER_ID, String.valueOf(id), CallData.ANI, pop.getPhone()));
    }

    /** The screen pop read again (a ticket opened during the call shows among the open ones). */
    public void popAgain() {
        if (pop != null && pop.getCustomerId() != null) {
            customerCreated(pop.getCustomerId());
        }
    }

    private void refused(RuntimeException e) {
        Throwable cause = Refusals.cause(e);
        String key = Refusals.messageKey(cause);
        if (Refusals.GENERAL.equals(key)) {
            LOG.warnf(e, "Workplace action failed for %s", currentUser.getLogin());
        }
        PageMessages.error(key);
        LOG.infof("Workplace: %s refused for %s: %s", cause.getClass().getSimpleName(), currentUser.getLogin(), cause.getMessage());
    }

    public AgentSnapshot status() {
        return status;
    }

    public boolean isLoggedIn() {
        return status != null && status.state() != AgentState.LOGGED_OUT;
    }

    public List<AgentCall> calls() {
        return calls;
    }

    public ScreenPop pop() {
        return pop;
    }

    public CallbackPreview callback() {
        return callback;
    }

    public String callRef() {
        return callRef;
    }

    /** The last call's caller (or dialled number), as its screen pop shows it. */
    public String callerPhone() {
        return pop == null ? null : pop.getPhone();
    }

    /** The last call's customer, as its screen pop shows them (also one created during the call). */
    public Long customerId() {
        return pop == null ? null : pop.getCustomerId();
    }
}
