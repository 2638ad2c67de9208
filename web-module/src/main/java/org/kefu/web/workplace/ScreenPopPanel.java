package org.kefu.web.workplace;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.crm.QuickCustomers;
import org.kefu.crm.ScreenPop;
import org.kefu.outbound.CallbackPreview;
import org.kefu.web.PageMessages;
import org.kefu.web.console.LocaleSelector;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The workplace's screen pop (form pop): who calls, their accounts, tickets and last contacts, and
 * for an unknown caller a new customer in one step.
 */
@Named
@ViewScoped
public class ScreenPopPanel implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @EJB
    private QuickCustomers quickCustomers;

    @Inject
    private AgentDesk desk;
    @Inject
    private LocaleSelector localeSelector;

    private String newCustomerName;

    /** Re-rendered only for a new call, so that a push never wipes what the agent is typing here. */
    void onNewCall(@Observes NewCall call) {
        newCustomerName = null;
        PartialUpdate.render("pop");
    }

    public void createCustomer() {
        ScreenPop pop = desk.pop();
        if (pop == null || pop.getPhone().isEmpty()) {
            PageMessages.error("workplace.error.noCallToWrapUp");
            return;
        }
        desk.act(() -> desk.customerCreated(quickCustomers.create(newCustomerName, pop.getPhone(), localeSelector.getLanguageTag())));
    }

    public ScreenPop getPop() {
        return desk.pop();
    }

    /** The callback request this call is for; null for any other call. */
    public CallbackPreview getCallback() {
        return desk.callback();
    }

    /** When the callback's request began to wait, in the centre's time. */
    public String getCallbackWaitingSince() {
        CallbackPreview c = desk.callback();
        return c == null || c.waitingSince() == null ? "" : SHOWN.format(c.waitingSince());
    }

    /** Whole minutes the callback's request has waited. */
    public long getCallbackMinutesWaited() {
        CallbackPreview c = desk.callback();
        return c == null || c.waitingSince() == null ? 0 : Math.max(0, Duration.between(c.waitingSince(), Instant.now()).toMinutes());
    }

    public String getNewCustomerName() {
        return newCustomerName;
    }

    public void setNewCustomerName(String newCustomerName) {
        this.newCustomerName = newCustomerName;
    }
}
