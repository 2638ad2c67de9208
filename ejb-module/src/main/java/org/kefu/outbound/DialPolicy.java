package org.kefu.outbound;

import org.kefu.platform.WorkingDayCalendar;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kefu.acd.DialCheck;
import org.kefu.acd.DialPath;
import org.kefu.acd.DialRefused;
import org.kefu.acd.PhoneExtension;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

/**
 * The one outbound dial policy (issue 14): every path by which a person makes Kefu dial an outside
 * number asks here first (click to dial, transfer and consultation to a number, a follow-me
 * binding, a callback). Desk phones of the centre are internal and pass. Then, on the paths named
 * by {@code kefu.dnc.paths} (callbacks, click-to-dial and visits by default), the do-not-call list; on
 * those named by {@code kefu.outbound.hours.paths} (callbacks and visits by default), the calling hours
 * ({@link CallingHours}, a refusal until they open); then the categories. Every refusal for good is
 * audited: who, which number, by which path, why. Under it the switch keeps its own ceiling of
 * categories for every path (REFER from a desk phone included).
 */
@Singleton
@Local(DialCheck.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class DialPolicy implements DialCheck {

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    DoNotCallList doNotCall;

    @EJB
    WorkingDayCalendar calendar;

    private DialRules rules;
    private Set<DialPath> doNotCallPaths;
    private Set<DialPath> callingHoursPaths;

    @PostConstruct
    void load() {
        rules = DialRules.fromSystemProperties();
        doNotCallPaths = paths(System.getProperty("kefu.dnc.paths", "CALLBACK,CLICK_TO_DIAL,VISIT"));
        callingHoursPaths = paths(System.getProperty("kefu.outbound.hours.paths", "CALLBACK,VISIT"));
        CallingHours.fromSystemProperties(); // a mistyped window stops the deployment here, not at the first callback
    }

    private static Set<DialPath> paths(String list) {
        Set<DialPath> paths = EnumSet.noneOf(DialPath.class);
        Arrays.stream(list.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .forEach(p -> paths.add(DialPath.valueOf(p.toUpperCase(Locale.ROOT))));
        return paths;
    }

    /**
     * Checks and, for a call about to be placed, counts it against the person's daily budget.
     *
     * @throws DialRefused when refused (audited as DIAL_REFUSED)
     */
    @Override
    public void check(String person, Set<String> roles, String number, DialPath path, String sourceAddress) {
        check(person, roles, null, number, path, sourceAddress);
    }

    @Override
    public void check(String person, Set<String> roles, String queue, String number, DialPath path, String sourceAddress) {
        if (internal(number)) {
            return;
        }
        if (doNotCallPaths.contains(path)) {
            Optional<DoNotCallEntry> listed = doNotCall.forbidding(number);
            if (listed.isPresent()) {
                String why = "on the do-not-call list" + (listed.get().getCustomerId() == null ? "" : " (its customer)");
                audit.recordIndependently(person, "DIAL_REFUSED", number, AuditOutcome.DENIED,
                        "path=" + path + " do-not-call entry " + listed.get().getId() + ": " + listed.get().getReason(), sourceAddress);
                throw new DialRefused("DO_NOT_CALL", why, null);
            }
        }
        if (callingHoursPaths.contains(path)) {
            // Read each time: an operator may change the hours without a restart (and the tests do).
            CallingHours hours = CallingHours.fromSystemProperties();
            Instant now = Instant.now();
            if (!hours.open(now, calendar)) {
                Optional<Instant> next = hours.nextOpening(now, calendar);
                if (next.isEmpty()) {
                    audit.recordIndependently(person, "DIAL_REFUSED", number, AuditOutcome.DENIED,
                            "path=" + path + ": no calling hours in the next " + CallingHours.HORIZON_DAYS + " days", sourceAddress);
                    throw new DialRefused("DIAL_REFUSED", "no calling hours in the next " + CallingHours.HORIZON_DAYS + " days", null);
                }
                throw new DialRefused("CALLING_HOURS", "outside the calling hours until " + next.get(), next.get());
            }
        }
        // Follow-me, callbacks and reminders are not a person's own calls: the categories apply, not a daily budget.
        DialRules.Decision d = path == DialPath.FOLLOW_ME || path == DialPath.CALLBACK || path == DialPath.DUNNING || path == DialPath.VISIT
                ? rules.permits(roles, queue, number)
                : rules.decide(person, roles, queue, number, LocalDate.now());
        if (!d.allowed()) {
            audit.recordIndependently(person, "DIAL_REFUSED", number, AuditOutcome.DENIED,
                    "path=" + path + (queue == null || queue.isEmpty() ? "" : " queue=" + queue)
                            + " category=" + d.category() + ": " + d.refusal(), sourceAddress);
            throw new DialRefused(d.refusal());
        }
    }

    private boolean internal(String number) {
        return number != null && em.find(PhoneExtension.class, number.strip()) != null;
    }
}
