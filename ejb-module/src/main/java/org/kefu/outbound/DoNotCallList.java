package org.kefu.outbound;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The do-not-call list (issue 16): numbers, and customers (every number the customer is known by),
 * that Kefu must not dial on the outbound paths the dial policy names. Read from the database on
 * every check, so an entry added a moment ago, or a number added to a listed customer since, holds
 * at once. Supervisors and administrators keep it; every change is audited.
 */
@Stateless
public class DoNotCallList {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    /** The entry in force that forbids dialling {@code number}, by the number or by its customer. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DoNotCallEntry> forbidding(String number) {
        String n = number == null ? "" : number.strip();
        Instant now = Instant.now();
        return em.createQuery("select d from DoNotCallEntry d where d.phone = :n or d.customerId in"
                        + " (select c.id from Customer c join c.phones p where p.phone = :n)", DoNotCallEntry.class)
                .setParameter("n", n).getResultStream().filter(d -> d.inForceAt(now)).findFirst();
    }

    /** The entry in force that forbids contacting the customer at all (listed by customer). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DoNotCallEntry> forbiddingCustomer(long customerId) {
        Instant now = Instant.now();
        return em.createQuery("select d from DoNotCallEntry d where d.customerId = :c", DoNotCallEntry.class)
                .setParameter("c", customerId).getResultStream().filter(d -> d.inForceAt(now)).findFirst();
    }

    @RolesAllowed({"supervisor", "admin"})
    public List<DoNotCallEntry> entries() {
        return em.createQuery("select d from DoNotCallEntry d order by d.id", DoNotCallEntry.class).getResultList();
    }

    /** Lists a number (or renews its entry); returns it. */
    @RolesAllowed({"supervisor", "admin"})
    public DoNotCallEntry listNumber(String phone, String reason, Instant expiresAt, String actor, String sourceAddress) {
        String n = phone.strip();
        if (!n.matches("\\+?[0-9]{3,20}")) {
            throw new DoNotCallRefused("a number is 3 to 20 digits, optionally after +", false);
        }
        Optional<DoNotCallEntry> known = byPhone(n);
        return list(known, () -> new DoNotCallEntry(n, null, reason, actor, Instant.now(), expiresAt), reason, expiresAt, actor,
                "number " + n, sourceAddress);
    }

    /** Lists every number of a customer (or renews the entry); returns it. */
    @RolesAllowed({"supervisor", "admin"})
    public DoNotCallEntry listCustomer(long customerId, String reason, Instant expiresAt, String actor, String sourceAddress) {
        if (em.find(org.kefu.crm.Customer.class, customerId) == null) {
            throw new DoNotCallRefused("no customer " + customerId, true);
        }
        Optional<DoNotCallEntry> known = byCustomer(customerId);
        return list(known, () -> new DoNotCallEntry(null, customerId, reason, actor, Instant.now(), expiresAt), reason, expiresAt,
                actor, "customer " + customerId, sourceAddress);
    }

    @RolesAllowed({"supervisor", "admin"})
    public boolean unlistNumber(String phone, String actor, String sourceAddress) {
        return unlist(byPhone(phone.strip()), actor, "number " + phone.strip(), sourceAddress);
    }

    @RolesAllowed({"supervisor", "admin"})
    public boolean unlistCustomer(long customerId, String actor, String sourceAddress) {
        return unlist(byCustomer(customerId), actor, "customer " + customerId, sourceAddress);
    }

    private DoNotCallEntry list(Optional<DoNotCallEntry> known, java.util.function.Supplier<DoNotCallEntry> fresh, String reason,
                                Instant expiresAt, String actor, String what, String sourceAddress) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new DoNotCallRefused("a reason of 1 to 200 characters is required", false);
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new DoNotCallRefused("expiresAt is in the past", false);
        }
        DoNotCallEntry entry;
        if (known.isPresent()) {
            entry = known.get();
            entry.renew(reason.strip(), actor, Instant.now(), expiresAt);
        } else {
            entry = fresh.get();
            entry.renew(reason.strip(), actor, entry.getAddedAt(), expiresAt);
            em.persist(entry);
        }
        audit.record(actor, "DNC_ADD", what, AuditOutcome.SUCCESS, reason.strip()
                + (expiresAt == null ? "" : " until " + expiresAt), sourceAddress);
        return entry;
    }

    private boolean unlist(Optional<DoNotCallEntry> known, String actor, String what, String sourceAddress) {
        if (known.isEmpty()) {
            return false;
        }
        em.remove(known.get());
        audit.record(actor, "DNC_REMOVE", what, AuditOutcome.SUCCESS, null, sourceAddress);
        return true;
    }

    private Optional<DoNotCallEntry> byPhone(String phone) {
        return em.createQuery("select d from DoNotCallEntry d where d.phone = :p", DoNotCallEntry.class)
                .setParameter("p", phone).getResultStream().findFirst();
    }

    private Optional<DoNotCallEntry> byCustomer(long customerId) {
        return em.createQuery("select d from DoNotCallEntry d where d.customerId = :c", DoNotCallEntry.class)
                .setParameter("c", customerId).getResultStream().findFirst();
    }
}
