package org.kefu.web.workplace;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.tickets.NewTicket;
import org.kefu.tickets.Opened;
import org.kefu.tickets.Tickets;
import org.kefu.web.PageMessages;
import org.kefu.web.console.CurrentUser;
import org.kefu.web.console.LocaleSelector;
import org.kefu.web.tickets.TicketChoices;

import java.io.Serializable;
import java.util.List;

/**
 * The workplace's ticket panel (form ticket): the agent opens a ticket (工单) during or after a call,
 * for the customer and number of its screen pop and linked to the call. A repeat of an open ticket
 * about much the same is noted on that ticket, not opened twice, and the panel says which one.
 */
@Named
@ViewScoped
public class TicketPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Tickets tickets;

    @Inject
    private AgentDesk desk;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private LocaleSelector localeSelector;

    private String type;
    private String category;
    private String subject;
    private String description;
    private Long openedNumber;
    private boolean repeat;

    /** A new call starts an empty form: nothing typed for the last caller is filed for the next. */
    void onNewCall(@Observes NewCall call) {
        type = null;
        category = null;
        subject = null;
        description = null;
        openedNumber = null;
        repeat = false;
        PartialUpdate.render("ticket");
    }

    public void open() {
        if (desk.callRef() == null || desk.pop() == null) {
            PageMessages.error("workplace.ticket.noCall");
            return;
        }
        if (blank(type) || blank(category) || blank(subject)) {
            PageMessages.error("workplace.ticket.required");
            return;
        }
        Opened[] opened = new Opened[1];
        desk.act(() -> opened[0] = tickets.open(new NewTicket(desk.customerId(), blank(desk.callerPhone()) ? null : desk.callerPhone(),
                type, category, subject.strip(), blank(description) ? null : description.strip(), "AGENT", desk.callRef(),
                currentUser.getLogin())));
        if (opened[0] == null) {
            return; // refused: the desk said why
        }
        openedNumber = opened[0].ticket().getId();
        repeat = opened[0].repeat();
        if (repeat) {
            PageMessages.info("workplace.ticket.repeat", String.valueOf(openedNumber));
        } else {
            PageMessages.info("workplace.ticket.opened", String.valueOf(openedNumber));
            subject = null;
            description = null;
        }
        desk.popAgain(); // the screen pop lists the customer's open tickets
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The ticket types, most urgent first, in the agent's language. */
    public List<SelectItem> getTypes() {
        return TicketChoices.types(tickets, localeSelector.isEnglish());
    }

    /** The categories as paths of the tree, in the agent's language. */
    public List<SelectItem> getCategories() {
        return TicketChoices.categories(tickets, localeSelector.isEnglish());
    }

    /** Whose ticket it will be: the screen pop's customer, else the caller's number. */
    public String getFor() {
        var pop = desk.pop();
        if (pop == null) {
            return "";
        }
        String phone = pop.getPhone() == null ? "" : pop.getPhone();
        return pop.isKnown() ? pop.getName() + " " + phone : phone;
    }

    public Long getOpenedNumber() {
        return openedNumber;
    }

    public boolean isRepeat() {
        return repeat;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
