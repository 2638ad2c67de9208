package org.kefu.tickets;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;
import org.kefu.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moves tickets through their lifecycle ({@link TicketAction}): who may take which action from
 * where, the department and handler a dispatch names (or the dispatch rules find), 退单 back to the
 * centre, transfers, co-handling, answers, the satisfaction visit and reopening. Every step is a
 * history row and an audit record (TICKET_ plus the action). A department's handler sees and acts
 * only on the tickets of their own departments: any other is "no such ticket" to them.
 */
@Stateless
@PermitAll // local view only; the caller's roles decide below
@DeclareRoles({Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.DEPARTMENT})
public class TicketWorkflow {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private Tickets tickets;

    @EJB
    private Departments departments;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** The ticket, if the caller may see it (a department's handler: only their departments' tickets). */
    public Ticket visible(long number) {
        Ticket ticket = tickets.find(number);
        checkVisible(ticket);
        return ticket;
    }

    /**
     * The tickets with a department now, nearest answer deadline first (at most 500): for its own
     * handlers and the centre; to anyone else the department does not exist.
     */
    public List<Ticket> queue(String department) {
        Department d = departments.named(department);
        if (isDepartmentCaller() && !d.hasMember(caller())) {
            throw new TicketException("INVALID", "No department " + department);
        }
        return departments.queue(d.getCode(), 500);
    }

    /** Its history, if the caller may see the ticket. */
    public List<TicketEvent> history(long number) {
        visible(number);
        return tickets.history(number);
    }

    /**
     * Takes an action. {@code department} names where DISPATCH (optional: else the rules decide),
     * TRANSFER and CO_HANDLE send it; {@code handler} optionally names who in the department;
     * {@code note} is the reason (TRANSFER, RETURN, REOPEN) or the answer (ANSWER).
     */
    public Ticket act(long number, TicketAction action, String department, String handler, String note) {
        if (action == TicketAction.VISIT) {
            throw new TicketException("INVALID", "A visit is recorded with what the customer said (POST …/visits)");
        }
        Ticket ticket = lockVisible(number);
        TicketStatus from = checkAllowed(ticket, action, note);
        String detail = note;
        switch (action) {
            case DISPATCH -> {
                String code = department != null ? departments.named(department).getCode()
                        : departments.departmentFor(ticket).orElseThrow(() -> new TicketException("INVALID",
                        "No dispatch rule fits ticket " + number + " (category " + ticket.getCategory() + "); name the department"));
                ticket.dispatchTo(code, handlerOf(code, handler));
                detail = joined("to " + code + (handler == null ? "" : " (" + handler + ")"), note);
            }
            case TRANSFER -> {
                Department to = departments.named(required(department, "a transfer names the department"));
                if (to.getCode().equals(ticket.getDepartmentCode())) {
                    throw new TicketException("INVALID", "Ticket " + number + " is already with " + to.getCode());
                }
                detail = joined(ticket.getDepartmentCode() + " to " + to.getCode(), note);
                ticket.dispatchTo(to.getCode(), handlerOf(to.getCode(), handler));
            }
            case CO_HANDLE -> {
                Department with = departments.named(required(department, "co-handling names the department"));
                if (with.getCode().equals(ticket.getDepartmentCode())) {
                    throw new TicketException("INVALID", with.getCode() + " already leads ticket " + number);
                }
                ticket.coHandledBy(with.getCode());
                detail = joined("with " + with.getCode(), note);
            }
            case START -> ticket.takenBy(caller());
            case RETURN -> {
                detail = joined("from " + ticket.getDepartmentCode(), note);
                ticket.returned();
            }
            case ANSWER -> ticket.answered(note);
            case REOPEN -> ticket.reopened(tickets.answerDeadlineFrom(ticket, clock.instant()));
            default -> {
                // ACCEPT, INFORM, CLOSE: the status is all that changes
            }
        }
        return moved(ticket, action, from, action.target(from, ticket.getDepartmentCode() != null), detail);
    }

    /**
     * Records the satisfaction visit of an informed ticket: satisfied → VISITED; not satisfied →
     * reopened (back to its department, or to the centre if it had none) with a new answer deadline.
     */
    public Ticket visit(long number, Satisfaction said) {
        Ticket ticket = lockVisible(number);
        TicketStatus from = checkAllowed(ticket, TicketAction.VISIT, null);
        Instant now = clock.instant();
        em.persist(new TicketVisit(number, now, caller(), said));
        String detail = (said.solved() ? "solved" : "not solved") + ", attitude " + said.attitude() + ", "
                + (said.charged() ? "charged" : "not charged") + ", score " + said.score()
                + (said.comment() == null || said.comment().isBlank() ? "" : ": " + said.comment());
        if (said.satisfied()) {
            return moved(ticket, TicketAction.VISIT, from, TicketStatus.VISITED, detail);
        }
        ticket.reopened(tickets.answerDeadlineFrom(ticket, now));
        return moved(ticket, TicketAction.VISIT, from, TicketAction.REOPEN.target(from, ticket.getDepartmentCode() != null),
                "unsatisfied, reopened: " + detail);
    }

    public List<TicketVisit> visits(long number) {
        visible(number);
        return em.createQuery("SELECT v FROM TicketVisit v WHERE v.ticketId = :t ORDER BY v.visitedAt, v.id", TicketVisit.class)
                .setParameter("t", number).getResultList();
    }

    private TicketStatus checkAllowed(Ticket ticket, TicketAction action, String note) {
        TicketStatus from = ticket.getStatus();
        boolean department = isDepartmentCaller();
        if (!action.mayBeTakenBy(department)) {
            throw new TicketException("FORBIDDEN", (department ? "A department may not " : "Only the department may ")
                    + action.name().toLowerCase() + " a ticket");
        }
        boolean allowed = action.allowedFrom(from)
                // a department answers what it took; the centre answers only what it did not dispatch
                && (action != TicketAction.ANSWER || (from == TicketStatus.IN_PROGRESS) == department);
        if (!allowed) {
            throw new TicketException("BAD_TRANSITION", "Ticket " + ticket.getId() + " cannot " + action.name() + " from " + from);
        }
        if (department && !departments.of(caller()).contains(ticket.getDepartmentCode())) {
            // a co-handling department sees the ticket but the lead one takes, returns and answers it
            throw new TicketException("FORBIDDEN", "Ticket " + ticket.getId() + " is led by " + ticket.getDepartmentCode());
        }
        if (action.needsNote(from) && (note == null || note.isBlank())) {
            throw new TicketException("INVALID", action.name() + " of ticket " + ticket.getId() + " needs "
                    + (action == TicketAction.ANSWER ? "the answer" : "its reason") + " as its note");
        }
        return from;
    }

    private Ticket moved(Ticket ticket, TicketAction action, TicketStatus from, TicketStatus to, String detail) {
        Instant now = clock.instant();
        ticket.moveTo(to, now);
        String note = detail == null || detail.isBlank() ? null : detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail;
        em.persist(new TicketEvent(ticket.getId(), now, caller(), action, from, to, note));
        audit.record(caller(), "TICKET_" + action.name(), "ticket " + ticket.getId(), AuditOutcome.SUCCESS, from + "->" + to
                + (note == null ? "" : ": " + (note.length() > 200 ? note.substring(0, 200) + "…" : note)), null);
        return ticket;
    }

    private Ticket lockVisible(long number) {
        Ticket ticket = em.find(Ticket.class, number, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            throw new TicketException("NO_SUCH_TICKET", "No ticket " + number);
        }
        checkVisible(ticket);
        return ticket;
    }

    private void checkVisible(Ticket ticket) {
        if (isDepartmentCaller() && departments.of(caller()).stream().noneMatch(ticket::involves)) {
            // the same answer as for no ticket at all: a handler learns nothing of other departments' work
            throw new TicketException("NO_SUCH_TICKET", "No ticket " + ticket.getId());
        }
    }

    private String handlerOf(String department, String handler) {
        if (handler == null || handler.isBlank()) {
            return null;
        }
        if (!departments.named(department).hasMember(handler)) {
            throw new TicketException("INVALID", handler + " is no handler of " + department);
        }
        return handler;
    }

    /** A handler of a department who is not also on the centre's side. */
    private boolean isDepartmentCaller() {
        return context.isCallerInRole(Role.DEPARTMENT) && !context.isCallerInRole(Role.AGENT)
                && !context.isCallerInRole(Role.SUPERVISOR) && !context.isCallerInRole(Role.ADMIN);
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new TicketException("INVALID", "Missing department: " + what);
        }
        return value;
    }

    private static String joined(String what, String note) {
        return note == null || note.isBlank() ? what : what + ": " + note;
    }
}
