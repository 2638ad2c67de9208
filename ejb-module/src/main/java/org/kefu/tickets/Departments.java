package org.kefu.tickets;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.platform.PhoneRegion;
import org.kefu.platform.PhoneRegions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handling departments, who works in which, and where a ticket goes by its category and the
 * caller's region (the dispatch rules).
 */
@Stateless
@PermitAll // local view only; the resources in front of it check the roles
public class Departments {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private PhoneRegions regions;

    public List<Department> all() {
        return em.createQuery("SELECT d FROM Department d ORDER BY d.code", Department.class).getResultList();
    }

    /** The department with this code; refused (INVALID, naming it) when there is none. */
    public Department named(String code) {
        Department d = code == null ? null : em.find(Department.class, code);
        if (d == null) {
            throw new TicketException("INVALID", "No department " + code);
        }
        return d;
    }

    /** The codes of the departments {@code login} handles tickets for. */
    public List<String> of(String login) {
        return em.createQuery("SELECT d.code FROM Department d JOIN d.members m WHERE m = :l ORDER BY d.code", String.class)
                .setParameter("l", login).getResultList();
    }

    /**
     * A department's tickets that are with it now (dispatched, in progress or waiting for the
     * customer, as the lead or co-handling department), the
     * nearest answer deadline first; {@code max} of them after skipping {@code skip}.
     */
    public List<Ticket> queue(String department, int skip, int max) {
        return em.createQuery("SELECT t FROM Ticket t WHERE t.status IN :with AND (t.departmentCode = :d"
                        + " OR t.id IN (SELECT c.id FROM Ticket c JOIN c.coDepartments cd WHERE cd = :d))"
                        + " ORDER BY t.answerBy, t.id", Ticket.class)
                .setParameter("with", List.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS, TicketStatus.WAITING))
                .setParameter("d", department).setFirstResult(skip).setMaxResults(max).getResultList();
    }

    /**
     * Every department's load now (those with none included), the most overdue first, then the
     * largest. One grouped count over the tickets with a department; overdue from the deadline
     * that runs ({@code due_at}), yellow from the time the head is warned ({@code warn_at}).
     */
    public List<DepartmentLoad> load(Instant now) {
        Map<String, long[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT t.departmentCode, t.status, COUNT(t),"
                        + " SUM(CASE WHEN t.dueAt < :now THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN t.dueAt >= :now AND t.warnAt <= :now THEN 1 ELSE 0 END)"
                        + " FROM Ticket t WHERE t.departmentCode IS NOT NULL AND t.status IN :with"
                        + " GROUP BY t.departmentCode, t.status", Object[].class)
                .setParameter("now", now)
                .setParameter("with", List.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS, TicketStatus.WAITING))
                .getResultList()) {
            long[] c = counts.computeIfAbsent((String) row[0], k -> new long[5]);
            int slot = switch ((TicketStatus) row[1]) {
                case DISPATCHED -> 0;
                case IN_PROGRESS -> 1;
                default -> 2;
            };
            c[slot] += ((Number) row[2]).longValue();
            c[3] += row[3] == null ? 0 : ((Number) row[3]).longValue();
            c[4] += row[4] == null ? 0 : ((Number) row[4]).longValue();
        }
        return all().stream().map(d -> {
                    long[] c = counts.getOrDefault(d.getCode(), new long[5]);
                    return new DepartmentLoad(d.getCode(), d.getNameZh(), d.getNameEn(), c[0], c[1], c[2], c[3], c[4]);
                })
                .sorted(Comparator.comparingLong(DepartmentLoad::overdue).reversed()
                        .thenComparing(Comparator.comparingLong(DepartmentLoad::total).reversed())
                        .thenComparing(DepartmentLoad::code))
                .toList();
    }

    public List<DispatchRule> rules() {
        return em.createQuery("SELECT r FROM DispatchRule r ORDER BY r.categoryCode, r.id", DispatchRule.class).getResultList();
    }

    /**
     * Where the dispatch rules send this ticket: among the rules of its category and the categories
     * above it whose region fits the caller's number, a city's rule beats a province's, which beats
     * one for anywhere; then the deepest category wins. Empty when no rule fits.
     */
    public Optional<String> departmentFor(Ticket ticket) {
        List<String> chain = new ArrayList<>();
        for (String code = ticket.getCategory(); code != null && chain.size() < 20; ) {
            chain.add(code);
            TicketCategory c = em.find(TicketCategory.class, code);
            code = c == null ? null : c.getParentCode();
        }
        Optional<PhoneRegion> region = ticket.getCallerPhone() == null ? Optional.empty() : regions.regionOf(ticket.getCallerPhone());
        String province = region.map(PhoneRegion::getProvince).orElse(null);
        String city = region.map(PhoneRegion::getCity).orElse(null);
        return em.createQuery("SELECT r FROM DispatchRule r WHERE r.categoryCode IN :chain", DispatchRule.class)
                .setParameter("chain", chain).getResultList().stream()
                .filter(r -> r.getProvince() == null || r.getProvince().equals(province))
                .filter(r -> r.getCity() == null || r.getCity().equals(city))
                .min(Comparator.comparingInt((DispatchRule r) -> r.getCity() != null ? 0 : r.getProvince() != null ? 1 : 2)
                        .thenComparingInt(r -> chain.indexOf(r.getCategoryCode())))
                .map(DispatchRule::getDepartmentCode);
    }
}
