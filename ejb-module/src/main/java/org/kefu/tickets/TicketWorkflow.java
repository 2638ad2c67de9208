package org.kefu.tickets;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.kefu.platform.WorkingDayCalendar;
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

    @EJB
    private WorkingDayCalendar calendar;

    @EJB
    private TicketOaOutbound oa;

    @Inject
    private Event<TicketAnswered> answered;

    private final Clock clock = Clock.systemUTC();

    /**
     * Who acts: a login, whether on a department's side, and (then) for which departments. The
     * centre's people and a department's handlers come from the caller's roles; the OA system
     * acts for the one department its message names.
     */
    private record Actor(String login, boolean department, List<String> departments, boolean oaSystem) {
    }

    /** The ticket, if the caller may see it (a department's handler: only their departments' tickets). */
    public Ticket visible(long number) {
        Ticket ticket = tickets.find(number);
        checkVisible(ticket, actor());
        return ticket;
    }

    /**
     * The tickets with a department now, nearest answer deadline first (at most 500): for its own
     * handlers and the centre; to anyone else the department does not exist.
     */
    public List<Ticket> queue(String department) {
        return queue(department, 0, 500);
    }

    /** A page of it: {@code max} tickets after skipping {@code skip}. */
    public List<Ticket> queue(String department, int skip, int max) {
        Department d = departments.named(department);
        if (actor().department() && !d.hasMember(caller())) {
            throw new TicketException("INVALID", "No department " + department);
        }
        return departments.queue(d.getCode(), skip, max);
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
        return act(actor(), number, action, department, handler, note);
    }

    /**
     * What a department working in the OA system did (START, RETURN or ANSWER), for the ticket that
     * department leads; {@code handler} is the OA's name for who did it. In a transaction of its own,
     * so that a refusal rolls back only this and the OA message can still be dead-lettered.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Ticket actForOa(long number, String department, TicketAction action, String handler, String note) {
        Department d = departments.named(department);
        if (!d.worksInOa()) {
            throw new TicketException("INVALID", d.getCode() + " does not work in an OA system");
        }
        Actor oaSystem = new Actor(OA_ACTOR, true, List.of(d.getCode()), true);
        return act(oaSystem, number, action, null, handler, note);
    }

    /**
     * The customer was told the answer of round {@code round} by {@code by} (a system: the SMS or
     * e-mail that reached the provider, the callback an agent made), so the ticket is INFORMED; false,
     * and nothing changes, when it no longer awaits being told that answer (someone informed the
     * customer already, or it was reopened since).
     */
    public boolean informed(long number, int round, String by, String how) {
        Ticket ticket = em.find(Ticket.class, number, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null || ticket.getStatus() != TicketStatus.ANSWERED || ticket.getReopenCount() != round) {
            return false;
        }
        act(new Actor(by, false, List.of(), false), number, TicketAction.INFORM, null, null, how);
        return true;
    }

    /** The login that stands for the OA system in histories and the audit trail. */
    public static final String OA_ACTOR = "oa";

    private Ticket act(Actor actor, long number, TicketAction action, String department, String handler, String note) {
        if (action == TicketAction.VISIT) {
            throw new TicketException("INVALID", "A visit is recorded with what the customer said (POST …/visits)");
        }
        Ticket ticket = lockVisible(number, actor);
        TicketStatus from = checkAllowed(ticket, action, note, actor);
        String formerDepartment = ticket.getDepartmentCode();
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
            case START -> ticket.takenBy(actor.oaSystem() ? truncate(handler, 32) : actor.login());
            case RETURN -> {
                detail = joined("from " + ticket.getDepartmentCode(), note);
                ticket.returned();
            }
            case ANSWER -> ticket.answered(note);
            case WAIT -> ticket.paused(clock.instant());
            case RESUME -> {
                Instant now = clock.instant();
                int days = ticket.getPausedAt() == null ? 0 : WorkingDays.between(ticket.getPausedAt(), now, calendar, Tickets.CENTER_ZONE);
                ticket.resumed(ticket.getAnswerBy() == null ? null : WorkingDays.later(ticket.getAnswerBy(), days, calendar, Tickets.CENTER_ZONE),
                        ticket.getWarnAt() == null ? null : WorkingDays.later(ticket.getWarnAt(), days, calendar, Tickets.CENTER_ZONE));
                detail = joined("waited " + days + " working day(s)", note);
            }
            case REOPEN -> ticket.reopened(clock.instant(), tickets.answerDeadlineFrom(ticket, clock.instant()));
            default -> {
                // ACCEPT, INFORM, CLOSE: the status is all that changes
            }
        }
        if (actor.oaSystem() && handler != null) {
            detail = "[" + handler + "]" + (detail == null ? "" : " " + detail); // who in the OA's department
        }
        return moved(ticket, action, from, action.target(from, ticket.getDepartmentCode() != null), detail, actor.login(),
                formerDepartment);
    }

    /**
     * Records the satisfaction visit of an informed ticket: satisfied → VISITED; not satisfied →
     * reopened (back to its department, or to the centre if it had none) with a new answer deadline.
     */
    public Ticket visit(long number, Satisfaction said) {
        return visit(number, said, actor());
    }

    /**
     * The satisfaction visit as the customer answered it on the IVR's call ({@code visitor}: the
     * flow's name for it, in the visit, the history and the audit); local callers only.
     */
    public Ticket visitedByPhone(long number, Satisfaction said, String visitor) {
        return visit(number, said, new Actor(visitor, false, List.of(), false));
    }

    private Ticket visit(long number, Satisfaction said, Actor actor) {
        Ticket ticket = lockVisible(number, actor);
        TicketStatus from = checkAllowed(ticket, TicketAction.VISIT, null, actor);
        Instant now = clock.instant();
        em.persist(new TicketVisit(number, now, actor.login(), said));
        String detail = (said.solved() ? "solved" : "not solved") + ", attitude " + said.attitude() + ", "
                + (said.charged() ? "charged" : "not charged") + ", score " + said.score()
                + (said.comment() == null || said.comment().isBlank() ? "" : ": " + said.comment());
        if (said.satisfied()) {
            return moved(ticket, TicketAction.VISIT, from, TicketStatus.VISITED, detail, actor.login(), ticket.getDepartmentCode());
        }
        ticket.reopened(now, tickets.answerDeadlineFrom(ticket, now));
        return moved(ticket, TicketAction.VISIT, from, TicketAction.REOPEN.target(from, ticket.getDepartmentCode() != null),
                "unsatisfied, reopened: " + detail, actor.login(), ticket.getDepartmentCode());
    }

    public List<TicketVisit> visits(long number) {
        visible(number);
        return em.createQuery("SELECT v FROM TicketVisit v WHERE v.ticketId = :t ORDER BY v.visitedAt, v.id", TicketVisit.class)
                .setParameter("t", number).getResultList();
    }

    private TicketStatus checkAllowed(Ticket ticket, TicketAction action, String note, Actor actor) {
        TicketStatus from = ticket.getStatus();
        boolean department = actor.department();
        if (!action.mayBeTakenBy(department)) {
            throw new TicketException("FORBIDDEN", (department ? "A department may not " : "Only the department may ")
                    + action.name().toLowerCase() + " a ticket");
        }
        boolean allowed = action.allowedFrom(from)
                // a department answers (or waits on) what it took; the centre only what it did not dispatch
                && (action != TicketAction.ANSWER && action != TicketAction.WAIT || (from == TicketStatus.IN_PROGRESS) == department)
                // whoever waited resumes
                && (action != TicketAction.RESUME || (ticket.getDepartmentCode() != null) == department);
        if (!allowed) {
            throw new TicketException("BAD_TRANSITION", "Ticket " + ticket.getId() + " cannot " + action.name() + " from " + from);
        }
        if (department && !actor.departments().contains(ticket.getDepartmentCode())) {
            // a co-handling department sees the ticket but the lead one takes, returns and answers it
            throw new TicketException("FORBIDDEN", "Ticket " + ticket.getId() + " is led by " + ticket.getDepartmentCode());
        }
        if (action.needsNote(from) && (note == null || note.isBlank())) {
            throw new TicketException("INVALID", action.name() + " of ticket " + ticket.getId() + " needs "
                    + (action == TicketAction.ANSWER ? "the answer" : "its reason") + " as its note");
        }
        return from;
    }

    private Ticket moved(Ticket ticket, TicketAction action, TicketStatus from, TicketStatus to, String detail, String actor,
                         String formerDepartment) {
        Instant now = clock.instant();
        ticket.moveTo(to, now);
        String note = detail == null || detail.isBlank() ? null : truncate(detail, 1000);
        em.persist(new TicketEvent(ticket.getId(), now, actor, action, from, to, note));
        audit.record(actor, "TICKET_" + action.name(), "ticket " + ticket.getId(), AuditOutcome.SUCCESS, from + "->" + to
                + (note == null ? "" : ": " + truncate(note, 200)), null);
        oa.published(ticket, action, from, to, actor, note, formerDepartment);
        if (action == TicketAction.ANSWER) {
            answered.fire(new TicketAnswered(ticket.getId(), ticket.getReopenCount(), ticket.getCustomerId(), ticket.getCallerPhone(),
                    ticket.getSubject(), ticket.getResolution()));
        }
        return ticket;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Ticket lockVisible(long number, Actor actor) {
        Ticket ticket = em.find(Ticket.class, number, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            throw new TicketException("NO_SUCH_TICKET", "No ticket " + number);
        }
        checkVisible(ticket, actor);
        return ticket;
    }

    private void checkVisible(Ticket ticket, Actor actor) {
        if (actor.department() && actor.departments().stream().noneMatch(ticket::involves)) {
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

    /** The caller: a department's handler (not also on the centre's side) acts for their departments. */
    private Actor actor() {
        boolean department = context.isCallerInRole(Role.DEPARTMENT) && !context.isCallerInRole(Role.AGENT)
                && !context.isCallerInRole(Role.SUPERVISOR) && !context.isCallerInRole(Role.ADMIN);
        return new Actor(caller(), department, department ? departments.of(caller()) : List.of(), false);
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
