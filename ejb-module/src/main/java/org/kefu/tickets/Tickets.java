package org.kefu.tickets;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.platform.WorkingDayCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The ticket workflow: open (from the IVR, an agent or the back office) with the deadlines of its
 * type in working days, look up by number, list a customer's open tickets and the overdue ones,
 * move through the statuses with a history row per move.
 */
@Stateless
@PermitAll // local view only; the screens and REST resources in front of it check the roles
public class Tickets {

    /** Deadlines are counted in the centre's time zone. */
    public static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private WorkingDayCalendar calendar;

    private final Clock clock = Clock.systemUTC();

    /** Opens a ticket and returns it with its number (its id). */
    public Ticket open(NewTicket request) {
        if (request.category() == null || request.category().isBlank()
                || request.subject() == null || request.subject().isBlank()) {
            throw new TicketException("INVALID", "A ticket needs a category and a subject");
        }
        Instant now = clock.instant();
        Ticket ticket = new Ticket(request, now);
        if (request.type() != null) {
            TicketType type = em.find(TicketType.class, request.type());
            if (type == null) {
                throw new TicketException("INVALID", "No ticket type " + request.type());
            }
            ticket.deadlines(type.getCode(), WorkingDays.deadline(now, type.getAcceptDays(), calendar, CENTER_ZONE),
                    WorkingDays.deadline(now, type.getAnswerDays(), calendar, CENTER_ZONE));
        }
        em.persist(ticket);
        em.persist(new TicketEvent(ticket.getId(), now, request.createdBy(), null, TicketStatus.OPEN, null));
        return ticket;
    }

    /** The ticket types, most urgent first. */
    public List<TicketType> types() {
        return em.createQuery("SELECT t FROM TicketType t ORDER BY t.priority, t.code", TicketType.class).getResultList();
    }

    /**
     * Open tickets past their current deadline (not accepted in time, or not answered in time),
     * the longest overdue first; at most {@code max}.
     */
    public List<Ticket> overdue(int max) {
        Instant now = clock.instant();
        return em.createQuery("SELECT t FROM Ticket t WHERE (t.status = :open AND t.acceptBy < :now)"
                        + " OR (t.status IN :working AND t.answerBy < :now) ORDER BY t.answerBy, t.id", Ticket.class)
                .setParameter("open", TicketStatus.OPEN).setParameter("working", List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS))
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    public Ticket find(long number) {
        Ticket ticket = em.find(Ticket.class, number);
        if (ticket == null) {
            throw new TicketException("NO_SUCH_TICKET", "No ticket " + number);
        }
        return ticket;
    }

    public List<Ticket> openTicketsOfCustomer(long customerId) {
        return em.createQuery("SELECT t FROM Ticket t WHERE t.customerId = :c AND t.status IN :open ORDER BY t.createdAt DESC", Ticket.class)
                .setParameter("c", customerId)
                .setParameter("open", List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS))
                .getResultList();
    }

    public Ticket move(long number, TicketStatus next, String actor, String note) {
        Ticket ticket = find(number);
        TicketStatus from = ticket.getStatus();
        if (!from.canMoveTo(next)) {
            throw new TicketException("BAD_TRANSITION", "Ticket " + number + " cannot go from " + from + " to " + next);
        }
        Instant now = clock.instant();
        ticket.moveTo(next, note, now);
        em.persist(new TicketEvent(number, now, actor, from, next, note));
        return ticket;
    }

    public Ticket assign(long number, String jobNumber, String actor) {
        Ticket ticket = find(number);
        ticket.assignTo(jobNumber, clock.instant());
        return ticket;
    }

    public List<TicketEvent> history(long number) {
        return em.createQuery("SELECT e FROM TicketEvent e WHERE e.ticketId = :t ORDER BY e.occurredAt, e.id", TicketEvent.class)
                .setParameter("t", number)
                .getResultList();
    }
}
