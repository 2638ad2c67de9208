package org.kefu.web.workplace;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.crm.QuickCustomers;
import org.kefu.crm.ScreenPop;
import org.kefu.web.PageMessages;
import org.kefu.web.console.LocaleSelector;

import java.io.Serializable;

/**
 * The workplace's screen pop (form pop): who calls, their accounts, tickets and last contacts, and
 * for an unknown caller a new customer in one step.
 */
@Named
@ViewScoped
public class ScreenPopPanel implements Serializable {

    private static final long serialVersionUID = 1L;

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

    public String getNewCustomerName() {
        return newCustomerName;
    }

    public void setNewCustomerName(String newCustomerName) {
        this.newCustomerName = newCustomerName;
    }
}
