package org.kefu.security;

import org.kefu.guard.LoginGuard;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** What administrators do to accounts; every call is audited with the administrator's name. */
@Stateless
@RolesAllowed(Role.ADMIN)
public class UserAdministration {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @Resource
    private EJBContext context;

    /** Unlocks an account locked by failed logins (or by an administrator). Returns false when there is no such user. */
    public boolean unlock(String login, String sourceAddress) {
        AppUser user = em.find(AppUser.class, login);
        String admin = context.getCallerPrincipal().getName();
        if (user == null) {
            audit.recordIndependently(admin, "ACCOUNT_UNLOCK", login, AuditOutcome.FAILURE, "no such user", sourceAddress);
            return false;
        }
        user.setStatus(UserStatus.ACTIVE);
        user.loggedIn(user.getLastLoginAt());
        // Delays and locks of the login guard (every door, every address) end now.
        LoginGuard.get().unlock(login);
        audit.record(admin, "ACCOUNT_UNLOCK", login, AuditOutcome.SUCCESS, null, sourceAddress);
        return true;
    }

    /** The newest audit events, optionally of one actor. Reading the trail is itself audited. */
    public List<AuditEvent> auditTrail(String actor, int max, String sourceAddress) {
        int limit = Math.max(1, Math.min(max, 500));
        audit.record(context.getCallerPrincipal().getName(), "AUDIT_READ", actor, AuditOutcome.SUCCESS, null, sourceAddress);
        if (actor == null || actor.isBlank()) {
            return em.createQuery("select e from AuditEvent e order by e.id desc", AuditEvent.class)
                    .setMaxResults(limit).getResultList();
        }
        return audit.latest(actor, limit);
    }
}
