package org.kefu.callflow.routing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.ivr.admin.PromptCatalog;
import org.kefu.ivr.calls.OfficeCalendar;
import org.kefu.platform.WorkingDayCalendar;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;
import org.kefu.security.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbound routing rules, holidays and office hours of this node, cached as one immutable
 * {@link RuleBook} that calls read without a database round trip; every administrator's change
 * (audited) rebuilds it, and {@link #reload()} picks up changes made directly in the tables. In a
 * cluster each node has its own copy: a change made on one node reaches another at its next
 * reload or restart.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@LocalBean
@Local({OfficeCalendar.class, WorkingDayCalendar.class})
@PermitAll // local only: the call path reads; the administration methods below require admin
public class InboundRouting implements OfficeCalendar, WorkingDayCalendar {

    private static final Logger LOG = Logger.getLogger(InboundRouting.class);
    private static final Set<String> SCOPES = Set.of("NUMBER", "QUEUE");

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    private final Set<String> prompts = PromptCatalog.load().knownFor(List.of("zh-CN", "en"));
    private volatile RuleBook book = RuleBook.EMPTY;

    @PostConstruct
    void start() {
        reloadBook();
    }

    // ------------------------------------------------------------------ the call path

    /** The rule for a call arriving now, from memory. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // memory only: no transaction on the call path
    public Optional<RoutingRule> match(String dnis, String ani) {
        return book.match(dnis, ani, Instant.now());
    }

    /** Whether a service number (NUMBER) or a queue (QUEUE) is within its office hours now. */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // memory only: no transaction on the call path
    public boolean isOpen(String scopeKind, String scopeCode) {
        return book.calendar().isOpen(scopeKind, scopeCode, Instant.now().atZone(RuleBook.CENTER_ZONE));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // memory only: no transaction on the call path
    public boolean isHoliday(LocalDate date) {
        return book.calendar().isHoliday(date);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // memory only
    public boolean isWorkingDay(LocalDate date) {
        return book.calendar().isWorkingDay(date);
    }

    // ------------------------------------------------------------------ administration

    /** Reads the tables again (after changes made outside this bean). */
    @RolesAllowed(Role.ADMIN)
    public void reload(String sourceAddress) {
        reloadBook();
        audit.record(actor(), "ROUTING_RELOAD", null, AuditOutcome.SUCCESS, book.rules().size() + " rule(s)", sourceAddress);
    }

    /** Every rule, enabled or not, in the order calls see them. */
    @RolesAllowed(Role.ADMIN)
    public List<StoredRule> rules() {
        return em.createQuery("select r from InboundRule r", InboundRule.class).getResultList().stream()
                .map(r -> new StoredRule(r.toRule(), r.isEnabled()))
                .sorted((a, b) -> RuleBook.ORDER.compare(a.rule(), b.rule()))
                .toList();
    }

    /** Creates a rule (id null) or replaces one; returns its id. */
    @RolesAllowed(Role.ADMIN)
    public long saveRule(Long id, RoutingRule rule, boolean enabled, String sourceAddress) throws RoutingRuleException {
        String problem = check(rule);
        if (problem != null) {
            audit.recordIndependently(actor(), "ROUTING_RULE_SAVE", id == null ? rule.name() : String.valueOf(id),
                    AuditOutcome.FAILURE, problem, sourceAddress);
            throw new RoutingRuleException(problem, false);
        }
        InboundRule stored;
        if (id == null) {
            stored = new InboundRule(rule, enabled);
            em.persist(stored);
        } else {
            stored = em.find(InboundRule.class, id);
            if (stored == null) {
                throw new RoutingRuleException("no rule " + id, true);
            }
            stored.update(rule, enabled);
        }
        em.flush();
        audit.record(actor(), "ROUTING_RULE_SAVE", String.valueOf(stored.getId()), AuditOutcome.SUCCESS,
                rule.name() + " -> " + rule.targetKind() + (rule.target() == null ? "" : " " + rule.target()), sourceAddress);
        reloadBook();
        return stored.getId();
    }

    @RolesAllowed(Role.ADMIN)
    public void deleteRule(long id, String sourceAddress) throws RoutingRuleException {
        InboundRule stored = em.find(InboundRule.class, id);
        if (stored == null) {
            throw new RoutingRuleException("no rule " + id, true);
        }
        em.remove(stored);
        em.flush();
        audit.record(actor(), "ROUTING_RULE_DELETE", String.valueOf(id), AuditOutcome.SUCCESS, null, sourceAddress);
        reloadBook();
    }

    @RolesAllowed(Role.ADMIN)
    public List<CalendarEntry> calendarDays() {
        return em.createQuery("select d from CalendarDay d", CalendarDay.class).getResultList().stream()
                .map(CalendarDay::toEntry).sorted((a, b) -> a.date().compareTo(b.date())).toList();
    }

    /** Stores a holiday or a make-up working day (replacing what that date had). */
    @RolesAllowed(Role.ADMIN)
    public void saveCalendarDay(CalendarEntry day, String sourceAddress) {
        CalendarDay stored = em.find(CalendarDay.class, day.date());
        if (stored == null) {
            em.persist(new CalendarDay(day));
        } else {
            stored.update(day);
        }
        em.flush();
        audit.record(actor(), "CALENDAR_DAY_SAVE", day.date().toString(), AuditOutcome.SUCCESS,
                (day.holiday() ? "HOLIDAY" : "WORKDAY") + (day.name() == null ? "" : " " + day.name()), sourceAddress);
        reloadBook();
    }

    @RolesAllowed(Role.ADMIN)
    public void deleteCalendarDay(LocalDate date, String sourceAddress) throws RoutingRuleException {
        CalendarDay stored = em.find(CalendarDay.class, date);
        if (stored == null) {
            throw new RoutingRuleException("no calendar day " + date, true);
        }
        em.remove(stored);
        em.flush();
        audit.record(actor(), "CALENDAR_DAY_DELETE", date.toString(), AuditOutcome.SUCCESS, null, sourceAddress);
        reloadBook();
    }

    @RolesAllowed(Role.ADMIN)
    public List<OfficeHoursSpan> officeHours(String scopeKind, String scopeCode) throws RoutingRuleException {
        checkScope(scopeKind);
        return em.createQuery("select h from OfficeHours h where h.scopeKind = :k and h.scopeCode = :c", OfficeHours.class)
                .setParameter("k", scopeKind).setParameter("c", scopeCode).getResultList().stream()
                .map(OfficeHours::toSpan).toList();
    }

    /** Replaces the office hours of a number or queue; an empty list makes it open around the clock. */
    @RolesAllowed(Role.ADMIN)
    public void saveOfficeHours(String scopeKind, String scopeCode, List<OfficeHoursSpan> spans, String sourceAddress)
            throws RoutingRuleException {
        checkScope(scopeKind);
        for (OfficeHoursSpan s : spans) {
            if (s.openMinute() < 0 || s.closeMinute() > 1440 || s.openMinute() >= s.closeMinute()) {
                throw new RoutingRuleException("office hours open before they close, within 0..1440 minutes: "
                        + s.openMinute() + ".." + s.closeMinute(), false);
            }
        }
        em.createQuery("delete from OfficeHours h where h.scopeKind = :k and h.scopeCode = :c")
                .setParameter("k", scopeKind).setParameter("c", scopeCode).executeUpdate();
        for (OfficeHoursSpan s : spans) {
            em.persist(new OfficeHours(new OfficeHoursSpan(scopeKind, scopeCode, s.weekday(), s.openMinute(), s.closeMinute())));
        }
        em.flush();
        audit.record(actor(), "OFFICE_HOURS_SAVE", scopeKind + ":" + scopeCode, AuditOutcome.SUCCESS,
                spans.size() + " span(s)", sourceAddress);
        reloadBook();
    }

    private static void checkScope(String scopeKind) throws RoutingRuleException {
        if (!SCOPES.contains(scopeKind)) {
            throw new RoutingRuleException("office hours belong to a NUMBER or a QUEUE, not " + scopeKind, false);
        }
    }

    /** What is wrong with a rule, or null. */
    private String check(RoutingRule r) {
        if (r.name() == null || r.name().isBlank() || r.name().length() > 64) {
            return "a rule needs a name of 1 to 64 characters";
        }
        if (r.targetKind() == null) {
            return "a rule needs a targetKind (QUEUE, IVR, VOICEMAIL, REJECT, MENU)";
        }
        if ((r.fromMinute() == null) != (r.toMinute() == null)) {
            return "a time window needs both fromMinute and toMinute";
        }
        if (r.fromMinute() != null && (r.fromMinute() < 0 || r.fromMinute() > 1440 || r.toMinute() < 0 || r.toMinute() > 1440)) {
            return "fromMinute and toMinute are minutes since midnight, 0 to 1440";
        }
        if (r.callerPrefix() != null && !r.callerPrefix().matches("\\+?[0-9]{1,31}")) {
            return "callerPrefix must be digits: " + r.callerPrefix();
        }
        if (r.announcement() != null && !prompts.contains(r.announcement())) {
            return "unknown prompt \"" + r.announcement() + "\" as announcement";
        }
        switch (r.targetKind()) {
            case QUEUE -> {
                if (r.target() == null || !queueExists(r.target())) {
                    return "target must be a queue for QUEUE: " + r.target();
                }
            }
            case VOICEMAIL -> {
                if (r.target() != null && !queueExists(r.target())) {
                    return "a VOICEMAIL target, when given, is the queue the message is for: unknown queue " + r.target();
                }
            }
            case IVR -> {
                if (r.target() == null || ((Number) em.createNativeQuery("SELECT COUNT(*) FROM ivr_flow_version WHERE flow_id = ?")
                        .setParameter(1, r.target()).getSingleResult()).intValue() == 0) {
                    return "target must be a stored IVR flow for IVR: " + r.target();
                }
            }
            default -> {
                if (r.target() != null) {
                    return r.targetKind() + " takes no target";
                }
            }
        }
        return null;
    }

    private boolean queueExists(String code) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM call_queue WHERE code = ?")
                .setParameter(1, code).getSingleResult()).intValue() > 0;
    }

    private void reloadBook() {
        List<RoutingRule> rules = em.createQuery("select r from InboundRule r", InboundRule.class).getResultList().stream()
                .filter(InboundRule::isEnabled).map(InboundRule::toRule).toList();
        List<CalendarEntry> days = em.createQuery("select d from CalendarDay d", CalendarDay.class).getResultList().stream()
                .map(CalendarDay::toEntry).toList();
        List<OfficeHoursSpan> hours = em.createQuery("select h from OfficeHours h", OfficeHours.class).getResultList().stream()
                .map(OfficeHours::toSpan).toList();
        book = new RuleBook(rules, new BusinessCalendar(days, hours));
        LOG.infof("Inbound routing: %d rule(s), %d calendar day(s), %d office-hours span(s)", rules.size(), days.size(), hours.size());
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }

    /** A rule as stored, with whether it is enabled. */
    public record StoredRule(RoutingRule rule, boolean enabled) {
    }
}
