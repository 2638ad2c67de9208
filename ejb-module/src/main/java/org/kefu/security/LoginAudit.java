package org.kefu.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Records the outcome of every login attempt (the credential check itself is Elytron's) and
 * locks an account after {@link #MAX_FAILED_LOGINS} consecutive failures.
 */
@Stateless
@PermitAll
public class LoginAudit {

    public static final int MAX_FAILED_LOGINS = 5;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    public LoginOutcome succeeded(String login, String sourceAddress) {
        AppUser user = em.find(AppUser.class, login);
        if (user != null) {
            user.loggedIn(Instant.now());
        }
        audit.record(login, "LOGIN", login, AuditOutcome.SUCCESS, null, sourceAddress);
        return LoginOutcome.ACCEPTED;
    }

    public LoginOutcome failed(String login, String sourceAddress) {
        // Counted in the database so that two concurrent failures cannot both read the old count.
        int updated = em.createQuery("update AppUser u set u.failedLogins = u.failedLogins + 1 where u.login = :login")
                .setParameter("login", login)
                .executeUpdate();
        if (updated == 0) {
            audit.record(login, "LOGIN", login, AuditOutcome.FAILURE, "unknown user", sourceAddress);
            return LoginOutcome.REFUSED;
        }
        AppUser user = em.find(AppUser.class, login);
        em.refresh(user);
        if (user.getStatus() != UserStatus.ACTIVE) {
            audit.record(login, "LOGIN", login, AuditOutcome.FAILURE, "account " + user.getStatus(), sourceAddress);
            return LoginOutcome.LOCKED;
        }
        audit.record(login, "LOGIN", login, AuditOutcome.FAILURE,
                "wrong password (" + user.getFailedLogins() + " in a row)", sourceAddress);
        if (user.getFailedLogins() >= MAX_FAILED_LOGINS) {
            user.setStatus(UserStatus.LOCKED);
            audit.record(login, "ACCOUNT_LOCKED", login, AuditOutcome.SUCCESS,
                    MAX_FAILED_LOGINS + " failed logins in a row", sourceAddress);
            return LoginOutcome.LOCKED;
        }
        return LoginOutcome.REFUSED;
    }
}
