package org.kefu.tickets;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.platform.RequestBudget;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A ticket's status for anyone on the public web site who knows both its number and the phone
 * number it was reported from (or a phone of its customer): a wrong pair looks exactly like no
 * ticket, so numbers cannot be fished for; an address may ask {@code kefu.tickets.publicPerHour}
 * (20) times an hour, with at most 10,000 addresses tracked.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the budget is thread-safe
@PermitAll
public class PublicTicketQueries {

    private final RequestBudget budget = new RequestBudget(Clock.systemUTC(), Integer.getInteger("kefu.tickets.publicPerHour", 20),
            Duration.ofHours(1), 10_000);

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    public Optional<Ticket> find(long number, String phone, String sourceAddress) {
        budget.spend(sourceAddress).ifPresent(wait -> {
            throw new TicketQueryRefused(wait);
        });
        String p = phone == null ? "" : phone.strip();
        if (p.isEmpty()) {
            return Optional.empty();
        }
        Ticket ticket = em.find(Ticket.class, number);
        if (ticket == null) {
            return Optional.empty();
        }
        boolean theirs = p.equals(ticket.getCallerPhone()) || ticket.getCustomerId() != null && !em.createQuery(
                        "SELECT ph.phone FROM Customer c JOIN c.phones ph WHERE c.id = :c AND ph.phone = :p", String.class)
                .setParameter("c", ticket.getCustomerId()).setParameter("p", p).getResultList().isEmpty();
        return theirs ? Optional.of(ticket) : Optional.empty();
    }
}
