package org.kefu.web.tickets;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.kefu.tickets.Opened;
import org.kefu.tickets.PublicTicketQueries;
import org.kefu.tickets.PublicTicketReports;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketException;
import org.kefu.tickets.TicketQueryRefused;
import org.kefu.tickets.Tickets;
import org.kefu.web.PageMessages;
import org.kefu.web.console.LocaleSelector;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The public "report a problem / my ticket" page (public/tickets.xhtml), without a login (issue
 * 17): report a ticket and look one up by its number and phone. The limits and checks are the
 * EJBs' ({@link PublicTicketReports}, {@link PublicTicketQueries}), the same as the REST doors'.
 */
@Named
@ViewScoped
public class PublicTicketPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Tickets.CENTER_ZONE);

    @EJB
    private Tickets tickets;
    @EJB
    private PublicTicketReports reports;
    @EJB
    private PublicTicketQueries queries;
    @Inject
    private LocaleSelector locale;

    private String phone;
    private String type;
    private String category;
    private String subject;
    private String description;
    private Long reportedNumber;
    private String reportedAnswerBy;
    private boolean repeat;

    private Long lookupNumber;
    private String lookupPhone;
    private String foundStatus;
    private String foundAnswerBy;

    public void report() {
        reportedNumber = null;
        try {
            Opened opened = reports.report(phone, type, category, subject, description, source());
            reportedNumber = opened.ticket().getId();
            reportedAnswerBy = shown(opened.ticket().getAnswerBy());
            repeat = opened.repeat();
            subject = null;
            description = null;
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void lookUp() {
        foundStatus = null;
        foundAnswerBy = null;
        if (lookupNumber == null) {
            PageMessages.error("public.tickets.notFound");
            return;
        }
        try {
            Optional<Ticket> found = queries.find(lookupNumber, lookupPhone, source());
            if (found.isEmpty()) {
                PageMessages.error("public.tickets.notFound");
                return;
            }
            foundStatus = found.get().getStatus().name();
            foundAnswerBy = shown(found.get().getAnswerBy());
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    private static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    /** The page's budgets are its own, apart from the REST door's, per address. */
    private static String source() {
        return "page " + ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    /** A refusal the reader can act on, said in their language; anything else as "try again". */
    private static void refused(RuntimeException e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TicketQueryRefused) {
            PageMessages.error("public.tickets.tooMany");
        } else if (cause instanceof TicketException t && "INVALID".equals(t.getCode())) {
            // The message begins with the field (PublicTicketReports): say which, in the reader's language.
            String field = t.getMessage() == null ? "" : t.getMessage().split(" ", 2)[0];
            PageMessages.error("public.tickets.invalid", PageMessages.text("public.tickets.field." + field));
        } else {
            throw e;
        }
    }

    public List<SelectItem> getTypes() {
        return TicketChoices.types(tickets, locale.isEnglish());
    }

    public List<SelectItem> getCategories() {
        return TicketChoices.categories(tickets, locale.isEnglish());
    }

    public String getReportedNumberText() {
        return reportedNumber == null ? null : reportedNumber.toString();
    }

    public Long getReportedNumber() { return reportedNumber; }
    public String getReportedAnswerBy() { return reportedAnswerBy; }
    public boolean isRepeat() { return repeat; }
    public String getFoundStatus() { return foundStatus; }
    public String getFoundAnswerBy() { return foundAnswerBy; }

    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getLookupNumber() { return lookupNumber; }
    public void setLookupNumber(Long lookupNumber) { this.lookupNumber = lookupNumber; }
    public String getLookupPhone() { return lookupPhone; }
    public void setLookupPhone(String lookupPhone) { this.lookupPhone = lookupPhone; }
}
