package org.kefu.web.workplace;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.tickets.Satisfaction;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketStatus;
import org.kefu.tickets.TicketWorkflow;
import org.kefu.tickets.Tickets;
import org.kefu.web.PageMessages;

import java.io.Serializable;
import java.util.List;

/**
 * The workplace's satisfaction visit (回访, form visit): on a call with a customer whose ticket was
 * answered and told, the agent asks the seeds' questions (solved? the handler's attitude? charged
 * anything? a score) and records them on the ticket; a dissatisfied customer's ticket reopens. Only
 * the caller's tickets waiting for their visit are offered.
 */
@Named
@ViewScoped
public class VisitPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Tickets tickets;
    @EJB
    private TicketWorkflow workflow;

    @Inject
    private AgentDesk desk;

    private List<SelectItem> visitable = List.of();
    private String ticket;
    private Boolean solved;
    private Integer attitude;
    private Boolean charged;
    private Integer score;
    private String comment;

    /** A new call: the caller's tickets waiting for a visit, the only one chosen already. */
    void onNewCall(@Observes NewCall call) {
        solved = null;
        attitude = null;
        charged = null;
        score = null;
        comment = null;
        findVisitable();
        PartialUpdate.render("visit");
    }

    private void findVisitable() {
        String phone = desk.callerPhone();
        visitable = phone == null || phone.isBlank() ? List.of() : tickets.ofPhoneOrIdNumber(phone, null).stream()
                .filter(t -> t.getStatus() == TicketStatus.INFORMED)
                .map(t -> new SelectItem(String.valueOf(t.getId()), t.getId() + " · " + t.getSubject())).toList();
        ticket = visitable.size() == 1 ? (String) visitable.get(0).getValue() : null;
    }

    public void record() {
        if (ticket == null || ticket.isBlank() || solved == null || attitude == null || charged == null || score == null) {
            PageMessages.error("workplace.visit.required");
            return;
        }
        long number = Long.parseLong(ticket);
        Ticket[] after = new Ticket[1];
        desk.act(() -> after[0] = workflow.visit(number, new Satisfaction(solved, attitude, charged, score,
                comment == null || comment.isBlank() ? null : comment.strip())));
        if (after[0] == null) {
            return; // refused: the desk said why
        }
        PageMessages.info(after[0].getStatus() == TicketStatus.VISITED ? "workplace.visit.satisfied" : "workplace.visit.reopened",
                String.valueOf(number));
        findVisitable();
        comment = null;
    }

    public List<SelectItem> getVisitable() { return visitable; }
    public String getTicket() { return ticket; }
    public void setTicket(String ticket) { this.ticket = ticket; }
    public Boolean getSolved() { return solved; }
    public void setSolved(Boolean solved) { this.solved = solved; }
    public Integer getAttitude() { return attitude; }
    public void setAttitude(Integer attitude) { this.attitude = attitude; }
    public Boolean getCharged() { return charged; }
    public void setCharged(Boolean charged) { this.charged = charged; }
    public Integer getScore() { return score; }
    public void setScore(Integer score) { this.score = score; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
