package org.kefu.tickets;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.platform.WorkingDayCalendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ticket workflow: open (from the IVR, an agent or the back office) with the deadlines of its
 * type in working days, look up by number, list a customer's open tickets and the overdue ones,
 * read the history. What moves a ticket on is {@link TicketWorkflow}.
 */
@Stateless
@PermitAll // local view only; the screens and REST resources in front of it check the roles
public class Tickets {

    /** The most tickets a search by phone or ID number returns. */
    static final int MAX_FOUND = 100;

    /** Deadlines are counted in the centre's time zone. */
    public static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private WorkingDayCalendar calendar;

    private final Clock clock = Clock.systemUTC();

    /** How far back a repeat of the same request is looked for. */
    static final int DUPLICATE_DAYS = Integer.getInteger("kefu.tickets.duplicateDays", 7);

    /**
     * Opens a ticket and returns it with its number (its id), or, when the same customer (or the
     * same number) has an open ticket of the same type and category about much the same opened in
     * the last {@code kefu.tickets.duplicateDays} (7), notes the repeat on that one and returns it.
     */
    public Opened open(NewTicket request) {
        if (request.category() == null || request.category().isBlank()
                || request.subject() == null || request.subject().isBlank()) {
            throw new TicketException("INVALID", "A ticket needs a category and a subject");
        }
        TicketCategory category = em.find(TicketCategory.class, request.category());
        if (category == null) {
            throw new TicketException("INVALID", "No ticket category " + request.category());
        }
        if (request.customerId() != null || request.callerPhone() != null) {
            Instant now = clock.instant();
            String text = request.subject() + " " + (request.description() == null ? "" : request.description());
            // Two texts of the query rather than a null parameter, which PostgreSQL cannot type.
            var similar = em.createQuery("SELECT t FROM Ticket t WHERE t.status IN :open AND t.category = :category"
                            + (request.type() == null ? " AND t.type IS NULL" : " AND t.type = :type")
                            + " AND t.createdAt > :since AND (t.customerId = :customer OR t.callerPhone = :phone)"
                            + " ORDER BY t.createdAt DESC", Ticket.class)
                    .setParameter("open", TicketStatus.AWAITING_ANSWER)
                    .setParameter("category", request.category())
                    .setParameter("since", now.minus(Duration.ofDays(DUPLICATE_DAYS)))
                    .setParameter("customer", request.customerId() == null ? -1L : request.customerId())
                    .setParameter("phone", request.callerPhone() == null ? "" : request.callerPhone());
            if (request.type() != null) {
                similar.setParameter("type", request.type());
            }
            for (Ticket earlier : similar.setMaxResults(20).getResultList()) {
                if (SimilarText.alike(text, earlier.getSubject() + " " + (earlier.getDescription() == null ? "" : earlier.getDescription()))) {
                    em.persist(new TicketEvent(earlier.getId(), now, request.createdBy(), earlier.getStatus(), earlier.getStatus(),
                            truncate("again by " + request.channel() + (request.callerPhone() == null ? "" : " from " + request.callerPhone())
                                    + ": " + request.subject())));
                    return new Opened(earlier, true);
                }
            }
        }
        return new Opened(openNew(request, category), false);
    }

    private static String truncate(String note) {
        return note.length() <= 1000 ? note : note.substring(0, 999) + "…";
    }

    private Ticket openNew(NewTicket request, TicketCategory category) {
        Instant now = clock.instant();
        Ticket ticket = new Ticket(request, now);
        if (request.type() != null) {
            TicketType type = em.find(TicketType.class, request.type());
            if (type == null) {
                throw new TicketException("INVALID", "No ticket type " + request.type());
            }
            // A category with its own deadline (a power cut: 1 working day) sets the answer's.
            int answerDays = category.getAnswerDays() != null ? category.getAnswerDays() : type.getAnswerDays();
            ticket.deadlines(type.getCode(), WorkingDays.deadline(now, Math.min(type.getAcceptDays(), answerDays), calendar, CENTER_ZONE),
                    WorkingDays.deadline(now, answerDays, calendar, CENTER_ZONE));
        }
        em.persist(ticket);
        em.persist(new TicketEvent(ticket.getId(), now, request.createdBy(), null, TicketStatus.NEW, null));
        return ticket;
    }

    /**
     * The answer deadline of a ticket counted afresh from {@code from} (a reopened ticket is answered
     * again within its type's or category's working days); null for a ticket without a type.
     */
    public Instant answerDeadlineFrom(Ticket ticket, Instant from) {
        if (ticket.getType() == null) {
            return null;
        }
        TicketType type = em.find(TicketType.class, ticket.getType());
        TicketCategory category = em.find(TicketCategory.class, ticket.getCategory());
        int answerDays = category != null && category.getAnswerDays() != null ? category.getAnswerDays() : type.getAnswerDays();
        return WorkingDays.deadline(from, answerDays, calendar, CENTER_ZONE);
    }

    /** Every category of the tree, by code; each names its parent. */
    public List<TicketCategory> categories() {
        return em.createQuery("SELECT c FROM TicketCategory c ORDER BY c.code", TicketCategory.class).getResultList();
    }

    /** The ticket types, most urgent first. */
    public List<TicketType> types() {
        return em.createQuery("SELECT t FROM TicketType t ORDER BY t.priority, t.code", TicketType.class).getResultList();
    }

    /**
     * Open tickets past the deadline that runs now (not accepted in time, or not answered in
     * time), the longest overdue first; {@code max} of them after skipping {@code skip}.
     */
    public List<Ticket> overdue(int skip, int max) {
        return em.createQuery("SELECT t FROM Ticket t WHERE t.dueAt < :now ORDER BY t.dueAt, t.id", Ticket.class)
                .setParameter("now", clock.instant()).setFirstResult(skip).setMaxResults(max).getResultList();
    }

    /** Open tickets past the deadline that runs now, the longest overdue first; at most {@code max}. */
    public List<Ticket> overdue(int max) {
        return overdue(0, max);
    }

    /**
     * Tickets of a phone number (the caller's, or any of its customer's) or of the customer with a
     * national ID number; newest first, at most 100. Each source is its own index lookup, merged
     * here: one query ORing them made the database read every ticket.
     */
    public List<Ticket> ofPhoneOrIdNumber(String phone, String idNumber) {
        List<Long> customers = phone != null
                ? em.createQuery("SELECT DISTINCT c.id FROM Customer c JOIN c.phones ph WHERE ph.phone = :p", Long.class)
                        .setParameter("p", phone).getResultList()
                : em.createQuery("SELECT c.id FROM Customer c WHERE c.idNumber = :n", Long.class)
                        .setParameter("n", idNumber).getResultList();
        Map<Long, Ticket> found = new HashMap<>();
        if (phone != null) {
            em.createQuery("SELECT t FROM Ticket t WHERE t.callerPhone = :p ORDER BY t.createdAt DESC", Ticket.class)
                    .setParameter("p", phone).setMaxResults(MAX_FOUND).getResultList().forEach(t -> found.put(t.getId(), t));
        }
        for (Long customer : customers.stream().limit(MAX_FOUND).toList()) {
            em.createQuery("SELECT t FROM Ticket t WHERE t.customerId = :c ORDER BY t.createdAt DESC", Ticket.class)
                    .setParameter("c", customer).setMaxResults(MAX_FOUND).getResultList().forEach(t -> found.put(t.getId(), t));
        }
        return found.values().stream()
                .sorted(Comparator.comparing(Ticket::getCreatedAt).thenComparing(Ticket::getId).reversed())
                .limit(MAX_FOUND).toList();
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
                .setParameter("open", TicketStatus.AWAITING_ANSWER)
                .getResultList();
    }

    public List<TicketEvent> history(long number) {
        return em.createQuery("SELECT e FROM TicketEvent e WHERE e.ticketId = :t ORDER BY e.occurredAt, e.id", TicketEvent.class)
                .setParameter("t", number)
                .getResultList();
    }
}
