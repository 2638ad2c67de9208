package org.kefu.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
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
 * binding). Desk phones of the centre are internal and pass. Every refusal is audited: who, which
 * number, by which path, why. Under it the switch keeps its own ceiling of categories for every
 * path (REFER from a desk phone included).
 */
@Singleton
@Local(DialCheck.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class DialPolicy implements DialCheck {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    private DialRules rules;

    @PostConstruct
    void load() {
        rules = DialRules.fromSystemProperties();
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
        // Follow-me and callbacks are not a person's own calls: the categories apply, not a daily budget.
        DialRules.Decision d = path == DialPath.FOLLOW_ME || path == DialPath.CALLBACK ? rules.permits(roles, queue, number)
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
